/**
 * The command line's audit and simulation, run as headless notes. An {@link
 * org.prodml.audit.AuditRequest} is what a user asked for (the files, the columns' roles, the model
 * to measure); its {@code steps} are the paragraphs a note would hold ({@code %prodml.load}, {@code
 * %prodml.train} … {@code %prodml.audit}), and {@link org.prodml.audit.AuditRun} runs them through
 * the registered stages on one pipeline state, exactly as a note's paragraphs run. The report
 * ({@link org.prodml.audit.AuditResult}) is then read from that state, so the command line and a
 * note share one code path, and {@code ./prodml audit --note} writes the steps out as a note that
 * {@code ./prodml run} reproduces with the same findings.
 */
package org.prodml.audit;
