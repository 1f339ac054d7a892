package org.prodml.evaluate;

import com.fasterxml.jackson.annotation.JsonProperty;
import org.prodml.facts.EvaluationFact;

/**
 * A model's quality on one table: the headline metric (accuracy for classes, RMSE for numbers), the
 * rows it was measured on, predictions that were not finite, and the metrics of the model's task —
 * {@link ClassificationMetrics} or {@link RegressionMetrics}, each holding only what applies to it.
 */
public record EvaluationResult(
    String model,
    String table,
    long rows,
    String metric,
    double value,
    boolean higherIsBetter,
    long nonFinitePredictions,
    TaskMetrics metrics) {

  /** "classification" or "regression". */
  @JsonProperty("task")
  public String task() {
    return metrics.task();
  }

  /** The classification metrics, or null for a regression. */
  public ClassificationMetrics classification() {
    return metrics instanceof ClassificationMetrics c ? c : null;
  }

  /** The regression metrics, or null for a classification. */
  public RegressionMetrics regression() {
    return metrics instanceof RegressionMetrics r ? r : null;
  }

  /**
   * How much worse {@code value} is than {@code reference}, in the metric's units (positive =
   * worse).
   */
  public double worseningFrom(double reference) {
    return higherIsBetter ? reference - value : value - reference;
  }

  /**
   * The evaluation as the rules see it: one flat fact for both tasks, in which a measure of the
   * other task is NaN (DRL patterns compare numbers, and a NaN compares false).
   */
  public EvaluationFact fact(double baselineValue, double previousValue) {
    ClassificationMetrics c = classification();
    RegressionMetrics r = regression();
    double nan = Double.NaN;
    return new EvaluationFact(
        model,
        table,
        task(),
        rows,
        metric,
        value,
        higherIsBetter,
        c == null ? nan : c.accuracy(),
        c == null ? nan : c.macroF1(),
        c == null ? nan : c.auc(),
        c == null ? nan : c.logLoss(),
        c != null ? c.predictionBias() : r.bias(),
        c == null ? null : c.biasClass(),
        c == null ? nan : c.calibrationError(),
        r == null ? nan : r.rmse(),
        r == null ? nan : r.mae(),
        r == null ? nan : r.r2(),
        nonFinitePredictions,
        baselineValue,
        previousValue);
  }
}
