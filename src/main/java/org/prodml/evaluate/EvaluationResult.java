package org.prodml.evaluate;

import java.util.List;
import org.prodml.facts.EvaluationFact;

/**
 * A model's quality on one table. Classification fills accuracy, per-class metrics, AUC, log loss,
 * the confusion matrix (rows = true class, columns = predicted; a last row for labels the model
 * never saw) and the calibration buckets; regression fills RMSE, MAE, R² and bias. Measures that do
 * not apply are NaN.
 */
public record EvaluationResult(
    String model,
    String table,
    String task,
    long rows,
    String metric,
    double value,
    boolean higherIsBetter,
    double accuracy,
    List<ClassMetrics> perClass,
    double macroF1,
    double auc,
    double logLoss,
    List<String> classes,
    long[][] confusion,
    long unknownLabels,
    List<CalibrationBucket> calibration,
    String calibrationOf,
    double predictionBias,
    String biasClass,
    double calibrationError,
    double rmse,
    double mae,
    double r2,
    long nonFinitePredictions) {

  /** How much worse {@code value} is than {@code reference}, in the metric's units (positive = worse). */
  public double worseningFrom(double reference) {
    return higherIsBetter ? reference - value : value - reference;
  }

  public EvaluationFact fact(double baselineValue, double previousValue) {
    return new EvaluationFact(model, table, task, rows, metric, value, higherIsBetter, accuracy, macroF1, auc, logLoss,
        predictionBias, biasClass, calibrationError, rmse, mae, r2, nonFinitePredictions, baselineValue, previousValue);
  }
}
