package org.prodml.profile;

import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.datasketches.kll.KllDoublesSketch;

/**
 * Summary of an ordered column (numbers; times as epoch seconds): exact min, max, mean, standard
 * deviation and zero count; quantiles from the KLL sketch (rank error about 1.3% at k=200).
 */
public record NumericSummary(
    double min, double max, double mean, double stddev, long zeros, Map<String, Double> quantiles) {

  static final double[] RANKS = {0.01, 0.05, 0.25, 0.5, 0.75, 0.95, 0.99};

  static NumericSummary of(
      double min, double max, double mean, double stddev, long zeros, KllDoublesSketch sketch) {
    Map<String, Double> q = new LinkedHashMap<>();
    for (double rank : RANKS) {
      q.put("p" + Math.round(rank * 100), sketch.getQuantile(rank));
    }
    return new NumericSummary(min, max, mean, stddev, zeros, q);
  }

  public double median() {
    return quantiles.getOrDefault("p50", Double.NaN);
  }
}
