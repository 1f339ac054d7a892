/**
 * {@code ./prodml}: the command line (picocli). Each command is a front end over the library: the
 * audit and the simulation build the stages' paragraphs and run them as a headless note, profile
 * streams one file, rules lists and lints the catalog, course shows a learner's progress, datasets
 * regenerates the scenarios. Every option of a command that runs a stage is that stage's parameter
 * of the same name ({@code --checks} is the monitor's {@code checks=}). Exit codes: 0 ready, 1 a
 * CRITICAL finding, 2 bad input, with one line naming the file, line or column.
 */
package org.prodml.cli;
