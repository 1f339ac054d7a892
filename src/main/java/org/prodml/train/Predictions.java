package org.prodml.train;

import java.util.List;

/**
 * A model's predictions for a batch of rows. Classification: {@code probabilities[row][class]} and
 * the most probable class; regression: {@code values[row]}. {@code nonFinite} counts rows whose
 * prediction holds a NaN or an infinity.
 */
public record Predictions(
    Task task,
    List<String> classes,
    double[][] probabilities,
    int[] predicted,
    double[] values,
    long nonFinite) {

  public int rows() {
    return task == Task.CLASSIFICATION ? predicted.length : values.length;
  }

  /** Probability of class 1 (binary) for each row. */
  public double[] positive() {
    double[] p = new double[probabilities.length];
    for (int i = 0; i < p.length; i++) {
      p[i] = probabilities[i][Math.min(1, probabilities[i].length - 1)];
    }
    return p;
  }

  /** Builds predictions from raw per-row outputs (a class probability vector, or one value). */
  static Predictions of(Task task, List<String> classes, double[][] outputs) {
    int n = outputs.length;
    long nonFinite = 0;
    if (task == Task.REGRESSION) {
      double[] values = new double[n];
      for (int i = 0; i < n; i++) {
        values[i] = outputs[i][0];
        nonFinite += Double.isFinite(values[i]) ? 0 : 1;
      }
      return new Predictions(task, classes, null, null, values, nonFinite);
    }
    int[] predicted = new int[n];
    for (int i = 0; i < n; i++) {
      double[] p = outputs[i];
      int best = 0;
      boolean finite = true;
      for (int k = 0; k < p.length; k++) {
        finite &= Double.isFinite(p[k]);
        if (p[k] > p[best]) {
          best = k;
        }
      }
      nonFinite += finite ? 0 : 1;
      predicted[i] = finite ? best : -1;
    }
    return new Predictions(task, classes, outputs, predicted, null, nonFinite);
  }
}
