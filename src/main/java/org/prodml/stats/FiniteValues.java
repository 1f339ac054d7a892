package org.prodml.stats;

import java.util.Arrays;

/**
 * Summaries of the finite values of an array: NaN (a missing value) and ±∞ (a numeric fault) are
 * left out, so one bad reading cannot turn a whole statistic into NaN or ∞. Each summary has this
 * one definition, shared by the fitted transforms, the evaluation and serving: a clip bound, a
 * slice's quartile and a latency percentile are computed the same way.
 */
public final class FiniteValues {
  private FiniteValues() {}

  /** The finite values, sorted ascending: what {@link #quantileOfSorted} expects. */
  public static double[] sorted(double[] values) {
    return Arrays.stream(values).filter(Double::isFinite).sorted().toArray();
  }

  /** The mean of the finite values (summed in order); NaN when there are none. */
  public static double mean(double[] values) {
    double sum = 0;
    long n = 0;
    for (double v : values) {
      if (Double.isFinite(v)) {
        sum += v;
        n++;
      }
    }
    return n == 0 ? Double.NaN : sum / n;
  }

  /**
   * The sample standard deviation (divided by n − 1) of the finite values; NaN for fewer than two,
   * where a spread is undefined.
   */
  public static double sampleSd(double[] values) {
    double mean = mean(values);
    double ss = 0;
    long n = 0;
    for (double v : values) {
      if (Double.isFinite(v)) {
        ss += (v - mean) * (v - mean);
        n++;
      }
    }
    return n > 1 ? Math.sqrt(ss / (n - 1)) : Double.NaN;
  }

  /**
   * The q-quantile of the finite values (see {@link #quantileOfSorted}); NaN when there are none.
   */
  public static double quantile(double[] values, double q) {
    return quantileOfSorted(sorted(values), q);
  }

  /** The median of the finite values: their 0.5-quantile; NaN when there are none. */
  public static double median(double[] values) {
    return quantile(values, 0.5);
  }

  /**
   * The q-quantile (0 ≤ q ≤ 1) of values already sorted and finite, by linear interpolation between
   * the two nearest ranks (position q·(n − 1), as R's default and NumPy's): it moves smoothly as
   * rows are added, so bucket edges and clip bounds fitted on similar data come out similar. NaN
   * for no values. Takes the sorted array so several quantiles of one column sort it once.
   */
  public static double quantileOfSorted(double[] sorted, double q) {
    if (!(q >= 0 && q <= 1)) {
      throw new IllegalArgumentException("a quantile is between 0 and 1, not " + q);
    }
    if (sorted.length == 0) {
      return Double.NaN;
    }
    double position = q * (sorted.length - 1);
    int below = (int) Math.floor(position);
    int above = Math.min(sorted.length - 1, below + 1);
    return sorted[below] + (position - below) * (sorted[above] - sorted[below]);
  }
}
