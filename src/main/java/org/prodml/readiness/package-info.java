/**
 * Production readiness: the course's questions and the ML Test Score, judged by rules.
 *
 * <p><b>The lesson.</b> A model that scores well offline is not yet a production system. Google's
 * course asks questions about everything around the model (is each input reliable and versioned, is
 * each feature worth its cost, could the model feed back into its own data) and the ML Test Score
 * (Breck et al., 2017) turns production readiness into 28 tests in four sections: data, model,
 * infrastructure, monitoring. Each test scores 0, 0.5 when done by hand with the result written
 * down, or 1 when a system runs it repeatedly; the final score is the <em>lowest</em> section,
 * because the weakest area is where the system breaks.
 *
 * <p><b>Evidence beats answers.</b> The team answers the questions ({@link
 * org.prodml.readiness.QuestionCatalog}, {@link org.prodml.readiness.Answers}); a question nobody
 * answered is "unknown", never a silent yes. But wherever the pipeline measures a test itself (the
 * data checked against the training schema, skew measured per feature, the model's age against the
 * limit, a reproducibility check), its facts decide: the test scores automated when the check
 * holds, zero when it fails, and the answer only counts (at most as manual) when the run measured
 * nothing. A claim the facts contradict is a finding of its own.
 *
 * <p><b>How it runs.</b> {@code rules/readiness/} holds one rule per test (ids {@code MT-101} …
 * {@code MT-407}: section digit, test number), each binding the one answer fact of its test's
 * question and inserting exactly one {@link org.prodml.facts.TestScoreFact}, plus the rules for
 * contradicted claims ({@code MT-5nn}); {@code rules/flaws/} holds the real-world flaws the course
 * names ({@code FL-nnn}). {@link org.prodml.readiness.Readiness} runs them and {@link
 * org.prodml.readiness.MlTestScore} adds up the sections, the band and the cheapest next steps.
 */
package org.prodml.readiness;
