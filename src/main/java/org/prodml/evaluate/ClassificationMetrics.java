package org.prodml.evaluate;

import java.util.List;

/**
 * How well a classifier does: accuracy, balanced accuracy (mean recall over the classes present),
 * per-class precision and recall, macro F1, ROC AUC, log loss and the Brier score (the mean squared
 * error of the predicted probability vector: a proper scoring rule that, unlike log loss, one
 * confident mistake cannot blow up) (NaN only where a measure is undefined, e.g. AUC with one class
 * present), the confusion matrix (rows = true class, columns = predicted; a last row for labels the
 * model never saw), and calibration: mean predicted probability against the observed share, per
 * probability bucket.
 *
 * @param calibrationOf the class whose probability is calibrated (the positive class, or the top
 *     class)
 * @param predictionBias mean predicted probability minus observed share, for {@code biasClass}
 */
public record ClassificationMetrics(
    double accuracy,
    double balancedAccuracy,
    List<ClassMetrics> perClass,
    double macroF1,
    double auc,
    double logLoss,
    double brier,
    List<String> classes,
    long[][] confusion,
    long unknownLabels,
    List<CalibrationBucket> calibration,
    String calibrationOf,
    double predictionBias,
    String biasClass,
    double calibrationError)
    implements TaskMetrics {

  public ClassificationMetrics {
    perClass = List.copyOf(perClass);
    classes = List.copyOf(classes);
    calibration = List.copyOf(calibration);
  }

  @Override
  public String task() {
    return "classification";
  }
}
