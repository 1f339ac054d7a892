/**
 * Writing files so that nothing is lost: a report, a regenerated dataset or a note copy is written
 * to a temporary file beside its target and moved into place atomically, so a reader never sees a
 * half-written file and a crash leaves the old one whole. Input files are only ever read.
 */
package org.prodml.io;
