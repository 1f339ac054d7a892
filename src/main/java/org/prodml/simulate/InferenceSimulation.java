package org.prodml.simulate;

import java.util.List;
import org.prodml.facts.ParadigmComparisonFact;
import org.prodml.serve.ServingResult;

/**
 * The outcome of an inference-paradigm simulation: both modes over the same requests, coverage per
 * week, and the comparison fact. {@code precomputeMillis} is the batch run that built the static
 * table.
 */
public record InferenceSimulation(
    String dataset,
    String model,
    List<String> keyColumns,
    long trainingRows,
    ServingResult staticResult,
    ServingResult dynamicResult,
    List<WeekCoverage> weeks,
    long precomputeMillis,
    ParadigmComparisonFact fact) {

  /** Requests in one week and the share each mode answered. */
  public record WeekCoverage(String week, long requests, double staticCoverage, double dynamicCoverage) {}
}
