/**
 * The stages of the ML lifecycle, one class each: load, profile, validate, transform, split, train,
 * evaluate, serve, monitor, simulate, deploy, then anatomy, audit, ask and check. A stage is a thin
 * adapter from a note's pipeline state to a concept package (profile, split, train, serve …): it
 * reads the tables and artifacts it needs, calls the library, stores what it measured as artifacts
 * ({@link org.prodml.stages.StageKeys}) and facts, and judges the facts with the rules of its
 * stage.
 *
 * <p>A stage never calls another stage. What they share (profiles of the note's tables, the data
 * facts, labels and model specs, the readiness answers, rule judgement) lives in one support class,
 * and the command line runs these same stages, as a note does, rather than orchestrating the
 * library itself: there is one code path from a paragraph and from {@code ./prodml audit}.
 */
package org.prodml.stages;
