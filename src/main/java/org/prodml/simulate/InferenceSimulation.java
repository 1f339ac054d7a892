package org.prodml.simulate;

import java.util.List;
import org.prodml.facts.ParadigmComparisonFact;
import org.prodml.serve.KeySpace;
import org.prodml.serve.ServingResult;
import org.prodml.text.Format;

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

  /**
   * The outcome in one sentence: coverage and latency of each mode, and how long the key tail is.
   */
  public String summary() {
    ParadigmComparisonFact f = fact;
    return "Trained "
        + model
        + " on "
        + trainingRows
        + " rows; static precomputed "
        + f.staticRuns()
        + " predictions (one per "
        + String.join("+", keyColumns)
        + " seen) in "
        + precomputeMillis
        + " ms. On "
        + f.dynamicRuns()
        + " later requests: static answered "
        + percent(f.staticCoverage())
        + " (p99 "
        + TrainingSimulation.number(f.staticP99Ms())
        + " ms), dynamic "
        + percent(f.dynamicCoverage())
        + " (p99 "
        + TrainingSimulation.number(f.dynamicP99Ms())
        + " ms); "
        + percent(f.tailRequestShare())
        + " of requests had a key seen fewer than "
        + KeySpace.TAIL_BELOW
        + " times.";
  }

  private static String percent(double d) {
    return Double.isNaN(d) ? "" : Format.percent(d);
  }

  /** Requests in one week and the share each mode answered. */
  public record WeekCoverage(
      String week, long requests, double staticCoverage, double dynamicCoverage) {}
}
