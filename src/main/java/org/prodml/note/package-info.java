/**
 * Zeppelin notes as files, without Zeppelin: reading and writing the {@code .zpln} JSON a Zeppelin
 * 0.11 server stores (one object with its paragraphs, each with text, title, config and results),
 * finding the notes below a folder, and building a note from paragraph texts, which is how a
 * command-line run is written out as a note that runs again the same way. The headless runner, the
 * course and the audit all read and write notes through here.
 */
package org.prodml.note;
