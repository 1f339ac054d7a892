package org.prodml.facts;

/**
 * One deployment test the course names, run on the current model.
 *
 * @param check "reproducibility" (train twice, compare), "test-calls" (serve sample requests, check
 *     the shape and range of each response), "integration" (the pipeline end to end on a sample),
 *     "quality-vs-previous" (new model against the previous one: tight), "quality-floor" (against
 *     an absolute floor: loose) or "compatibility" (the model's inputs, types and format version
 *     against what serving accepts)
 * @param model the model's id
 * @param executed whether the check could run (a first model has no previous one)
 * @param checked items checked (responses, fields, runs)
 * @param failures items that failed
 * @param metric the metric compared, for quality checks (null otherwise)
 * @param observed the new model's value (quality checks; the second run's metric for
 *     reproducibility)
 * @param reference what it is compared with: the previous model, the floor, the first run
 * @param worsening how much worse observed is than reference (positive = worse), in the metric's
 *     units
 * @param detail what was found, in words
 */
public record DeploymentCheckFact(
    String check,
    String model,
    boolean executed,
    long checked,
    long failures,
    String metric,
    double observed,
    double reference,
    double worsening,
    String detail) {}
