package org.prodml.serve;

import java.util.Collection;

/**
 * Static inference's advantage the latency table cannot show: every answer exists before anyone
 * asks, so all of them can be checked before the table goes live. This is that check, on the
 * precomputed table: how many answers, how many are NaN or infinite, and how many are impossible (a
 * regression value outside the labels seen in training, a class probability outside [0, 1] or a
 * distribution that does not sum to 1).
 *
 * @param labelMin the smallest label value seen in training (regression; NaN for classification)
 * @param labelMax the largest
 * @param meanPrediction the mean precomputed value (regression) or top probability (classification)
 */
public record PrecomputedCheck(
    int answers,
    int nonFinite,
    int impossible,
    double labelMin,
    double labelMax,
    double meanPrediction) {

  /** Checks every precomputed answer; a regression's values are held to the training labels. */
  static PrecomputedCheck of(
      Collection<double[]> answers, boolean classification, double labelMin, double labelMax) {
    int nonFinite = 0;
    int impossible = 0;
    double sum = 0;
    int counted = 0;
    for (double[] a : answers) {
      boolean finite = true;
      for (double v : a) {
        finite &= Double.isFinite(v);
      }
      if (!finite) {
        nonFinite++;
        continue;
      }
      if (classification) {
        double total = 0;
        double top = 0;
        boolean inRange = true;
        for (double p : a) {
          total += p;
          top = Math.max(top, p);
          inRange &= p >= 0 && p <= 1;
        }
        impossible += inRange && Math.abs(total - 1) < 1e-6 ? 0 : 1;
        sum += top;
      } else {
        impossible += a[0] < labelMin || a[0] > labelMax ? 1 : 0;
        sum += a[0];
      }
      counted++;
    }
    return new PrecomputedCheck(
        answers.size(),
        nonFinite,
        impossible,
        classification ? Double.NaN : labelMin,
        classification ? Double.NaN : labelMax,
        counted == 0 ? Double.NaN : sum / counted);
  }
}
