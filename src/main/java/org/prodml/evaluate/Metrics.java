package org.prodml.evaluate;

import java.util.Arrays;
import org.prodml.stats.FiniteValues;

/** The measures themselves, on plain arrays, so each can be checked by hand in a test. */
public final class Metrics {
  private Metrics() {}

  /**
   * ROC AUC: the probability that a random positive row scores above a random negative one (ties
   * count half), by the rank-sum (Mann–Whitney) formula. NaN when one side is empty.
   */
  public static double auc(double[] score, boolean[] positive) {
    int n = score.length;
    Integer[] order = new Integer[n];
    for (int i = 0; i < n; i++) {
      order[i] = i;
    }
    Arrays.sort(order, (a, b) -> Double.compare(score[a], score[b]));
    double[] rank = new double[n];
    for (int i = 0; i < n; ) {
      int j = i;
      while (j + 1 < n && score[order[j + 1]] == score[order[i]]) {
        j++;
      }
      double mid = (i + j) / 2.0 + 1;
      for (int k = i; k <= j; k++) {
        rank[order[k]] = mid;
      }
      i = j + 1;
    }
    long pos = 0;
    double sum = 0;
    for (int i = 0; i < n; i++) {
      if (positive[i]) {
        pos++;
        sum += rank[i];
      }
    }
    long neg = n - pos;
    if (pos == 0 || neg == 0) {
      return Double.NaN;
    }
    return (sum - pos * (pos + 1) / 2.0) / ((double) pos * neg);
  }

  /** Root mean squared error over the finite pairs. */
  public static double rmse(double[] predicted, double[] actual) {
    double ss = 0;
    long n = 0;
    for (int i = 0; i < predicted.length; i++) {
      if (Double.isFinite(predicted[i]) && Double.isFinite(actual[i])) {
        double d = predicted[i] - actual[i];
        ss += d * d;
        n++;
      }
    }
    return n == 0 ? Double.NaN : Math.sqrt(ss / n);
  }

  /** Mean absolute error over the finite pairs. */
  public static double mae(double[] predicted, double[] actual) {
    double s = 0;
    long n = 0;
    for (int i = 0; i < predicted.length; i++) {
      if (Double.isFinite(predicted[i]) && Double.isFinite(actual[i])) {
        s += Math.abs(predicted[i] - actual[i]);
        n++;
      }
    }
    return n == 0 ? Double.NaN : s / n;
  }

  /** 1 − residual sum of squares / total sum of squares, over the finite pairs. */
  public static double r2(double[] predicted, double[] actual) {
    double mean = 0;
    long n = 0;
    for (int i = 0; i < predicted.length; i++) {
      if (Double.isFinite(predicted[i]) && Double.isFinite(actual[i])) {
        mean += actual[i];
        n++;
      }
    }
    if (n == 0) {
      return Double.NaN;
    }
    mean /= n;
    double res = 0;
    double tot = 0;
    for (int i = 0; i < predicted.length; i++) {
      if (Double.isFinite(predicted[i]) && Double.isFinite(actual[i])) {
        res += (actual[i] - predicted[i]) * (actual[i] - predicted[i]);
        tot += (actual[i] - mean) * (actual[i] - mean);
      }
    }
    return tot == 0 ? Double.NaN : 1 - res / tot;
  }

  /** The mean of the finite values ({@link FiniteValues#mean}); NaN for none. */
  public static double mean(double[] values) {
    return FiniteValues.mean(values);
  }

  /**
   * The q-quantile of the finite values ({@link FiniteValues#quantile}, interpolated); NaN for
   * none.
   */
  public static double quantile(double[] values, double q) {
    return FiniteValues.quantile(values, q);
  }
}
