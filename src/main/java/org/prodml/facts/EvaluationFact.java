package org.prodml.facts;

/**
 * A model's quality on one table. Measures that do not apply to the task are NaN.
 *
 * @param model the model's id
 * @param table the table evaluated on ("test", "serving" …)
 * @param task "classification" or "regression"
 * @param rows rows with a label that were scored
 * @param metric the name of the headline metric ("accuracy" or "rmse")
 * @param value the headline metric
 * @param higherIsBetter whether a higher headline metric is better
 * @param accuracy share of rows whose predicted class is the label
 * @param macroF1 F1 averaged over the classes present in the rows or predicted for them
 * @param auc ROC AUC (binary) or macro one-vs-rest AUC (multiclass)
 * @param logLoss mean negative log probability of the true class
 * @param predictionBias mean predicted probability minus observed rate of the positive class
 *     (binary) or of the class where they differ most (multiclass); for regression, mean prediction
 *     minus mean label
 * @param biasClass the class the prediction bias is about (null for regression)
 * @param calibrationError expected calibration error over probability buckets: the row-weighted
 *     mean gap between predicted probability and observed frequency
 * @param rmse root mean squared error (regression)
 * @param mae mean absolute error (regression)
 * @param r2 coefficient of determination (regression)
 * @param nonFinitePredictions predictions that were NaN or infinite
 * @param baselineValue the headline metric of the majority/mean baseline on the same rows
 * @param previousValue the headline metric of the previous model on the same rows (NaN if none)
 */
public record EvaluationFact(
    String model,
    String table,
    String task,
    long rows,
    String metric,
    double value,
    boolean higherIsBetter,
    double accuracy,
    double macroF1,
    double auc,
    double logLoss,
    double predictionBias,
    String biasClass,
    double calibrationError,
    double rmse,
    double mae,
    double r2,
    long nonFinitePredictions,
    double baselineValue,
    double previousValue) {}
