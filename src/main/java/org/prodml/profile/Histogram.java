package org.prodml.profile;

import java.util.List;
import org.apache.datasketches.kll.KllDoublesSketch;
import org.apache.datasketches.quantilescommon.QuantileSearchCriteria;

/**
 * Counts over equal-width bins: {@code edges} has one more entry than {@code counts}; bin i holds
 * values in [edges[i], edges[i+1]), the last bin also its upper edge. Built from a KLL sketch, so
 * counts are estimates with the sketch's rank error.
 */
public record Histogram(List<Double> edges, List<Long> counts) {
  public static final int DEFAULT_BINS = 20;

  static Histogram of(KllDoublesSketch sketch, double min, double max, int bins, long n) {
    double[] edges = edges(min, max, bins);
    double[] interior = java.util.Arrays.copyOfRange(edges, 1, edges.length - 1);
    double[] mass =
        interior.length == 0
            ? new double[] {1.0}
            : sketch.getPMF(interior, QuantileSearchCriteria.EXCLUSIVE);
    Long[] counts = new Long[edges.length - 1];
    for (int i = 0; i < counts.length; i++) {
      counts[i] = Math.round(mass[i] * n);
    }
    return new Histogram(java.util.Arrays.stream(edges).boxed().toList(), List.of(counts));
  }

  /** Equal-width bin edges over [min, max]; a single bin when the range is empty. */
  static double[] edges(double min, double max, int bins) {
    if (!(max > min)) {
      return new double[] {min, max};
    }
    double[] edges = new double[bins + 1];
    for (int i = 0; i <= bins; i++) {
      edges[i] = min + (max - min) * i / bins;
    }
    edges[bins] = max;
    return edges;
  }
}
