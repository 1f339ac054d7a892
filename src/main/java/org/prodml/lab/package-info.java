/**
 * The lab: the course in a browser, served by {@code ./prodml lab} from this process, with nothing
 * to install but Java. A home page lists the course's notes with the learner's progress; a note
 * page shows each paragraph in a code editor with Run, Run all from here, a running indicator and
 * Cancel, its results as the headless pages show them, and each exercise's verdict, hint and
 * attempts from the learner's workspace progress, the same store {@code ./prodml run} and {@code
 * ./prodml course} use. Edits are saved into the workspace's copy of the note, never the course's.
 *
 * <p>Notes run through a {@link org.prodml.lab.NoteEngine}: the Zeppelin adapter implements it with
 * the interpreter classes Zeppelin and {@code ./prodml run} use, so this package knows no Zeppelin
 * type. The server binds to 127.0.0.1 and every request needs the token it prints (a cookie after
 * the first visit); state-changing requests also carry a CSRF token.
 */
package org.prodml.lab;
