package org.prodml.evaluate;

import org.prodml.facts.DeploymentCheckFact;
import org.prodml.text.Format;

/**
 * The quality gate a new model passes before it is pushed: against the previous model on the same
 * rows (tight) and against an absolute floor (loose). Its results are deployment-check facts, so
 * the deployment rules judge them beside the other deployment tests.
 */
public final class QualityGate {
  private QualityGate() {}

  /** The new model against the previous one on the same rows (tight); not executed without one. */
  public static DeploymentCheckFact againstPrevious(
      EvaluationResult current, EvaluationResult previous) {
    return againstPrevious(current, previous, 0, null);
  }

  /**
   * The same, not executed when the previous model trained on groups of these rows ({@code
   * previousSaw} of them, by {@code groupColumn}): a model scored on subjects it has met is no fair
   * reference for one that has not, and keeping it would keep the leak serving.
   */
  public static DeploymentCheckFact againstPrevious(
      EvaluationResult current, EvaluationResult previous, double previousSaw, String groupColumn) {
    if (previous != null && previousSaw > 0) {
      return vsPrevious(
          current,
          false,
          previous.value(),
          Double.NaN,
          "not compared: the previous model "
              + previous.model()
              + " trained on the "
              + groupColumn
              + " of "
              + Format.percent(previousSaw)
              + " of these rows, so its "
              + current.metric()
              + " "
              + Format.number(previous.value())
              + " here is no fair reference");
    }
    if (previous == null) {
      return vsPrevious(
          current,
          false,
          Double.NaN,
          Double.NaN,
          "no previous model to compare with: this is the first");
    }
    return vsPrevious(
        current,
        true,
        previous.value(),
        current.worseningFrom(previous.value()),
        current.metric()
            + " "
            + Format.number(current.value())
            + " against "
            + Format.number(previous.value())
            + " for the previous model "
            + previous.model()
            + " on "
            + current.table());
  }

  /** The quality-vs-previous check: one check, run or not. */
  private static DeploymentCheckFact vsPrevious(
      EvaluationResult current, boolean executed, double reference, double worsening, String note) {
    return new DeploymentCheckFact(
        "quality-vs-previous",
        current.model(),
        executed,
        executed ? 1 : 0,
        0,
        current.metric(),
        current.value(),
        reference,
        worsening,
        note);
  }

  /** Standard errors of a one-sided 95% bound. */
  public static final double ONE_SIDED_95 = 1.645;

  /** The mean of a − b over the rows where both are finite, and its standard error: {mean, se}. */
  static double[] pairedDifference(double[] a, double[] b) {
    double sum = 0;
    double squares = 0;
    long n = 0;
    for (int i = 0; i < Math.min(a.length, b.length); i++) {
      double d = a[i] - b[i];
      if (Double.isFinite(d)) {
        sum += d;
        squares += d * d;
        n++;
      }
    }
    if (n < 2) {
      return new double[] {n == 0 ? Double.NaN : sum / n, 0};
    }
    double mean = sum / n;
    double variance = Math.max(0, (squares - n * mean * mean) / (n - 1));
    return new double[] {mean, Math.sqrt(variance / n)};
  }

  /**
   * The new model against an absolute floor (loose): a floor the team gave, on the headline metric;
   * else the baseline trained on the same rows (the majority class or the mean), on a proper
   * scoring rule. For classes that is the Brier score, the mean squared error of the predicted
   * probabilities: it rewards knowing how likely each class is, where accuracy only counts the most
   * likely one (a model of a rare label can fall below "always the majority" on accuracy while
   * ranking and scoring rows far better), and one confident mistake cannot blow it up the way it
   * can log loss. For numbers it is the RMSE, which the mean baseline is the best constant for.
   *
   * <p>Against the baseline the model must be better by more than chance on these rows: the
   * row-by-row difference of the two Brier scores is averaged, and its one-sided 95% upper bound
   * (mean + {@value #ONE_SIDED_95} standard errors) must be below zero. A model trained on labels
   * that mean nothing lands a hair either side of the baseline, and without the bound it would pass
   * half the time.
   *
   * @param floor the given floor, or null to compare with the baseline
   * @param modelLosses the model's per-row losses ({@link Evaluator#rowScores})
   * @param baselineLosses the baseline's per-row losses on the same rows
   */
  public static DeploymentCheckFact againstFloor(
      EvaluationResult current,
      EvaluationResult baseline,
      Double floor,
      double[] modelLosses,
      double[] baselineLosses) {
    if (floor != null) {
      double worsening = current.worseningFrom(floor);
      return new DeploymentCheckFact(
          "quality-floor",
          current.model(),
          true,
          1,
          0,
          current.metric(),
          current.value(),
          floor,
          worsening,
          current.metric()
              + " "
              + Format.number(current.value())
              + " against the floor "
              + Format.number(floor)
              + " (given) on "
              + current.table());
    }
    ClassificationMetrics model = current.classification();
    ClassificationMetrics constant = baseline.classification();
    if (model == null || constant == null || Double.isNaN(model.brier())) {
      return new DeploymentCheckFact(
          "quality-floor",
          current.model(),
          true,
          1,
          0,
          current.metric(),
          current.value(),
          baseline.value(),
          current.worseningFrom(baseline.value()),
          current.metric()
              + " "
              + Format.number(current.value())
              + " against "
              + Format.number(baseline.value())
              + " for the mean baseline on "
              + current.table());
    }
    double[] gain = pairedDifference(modelLosses, baselineLosses);
    double upper = gain[0] + ONE_SIDED_95 * gain[1];
    return new DeploymentCheckFact(
        "quality-floor",
        current.model(),
        true,
        1,
        0,
        "Brier score",
        model.brier(),
        constant.brier(),
        upper,
        "Brier score "
            + Format.number(model.brier())
            + " against "
            + Format.number(constant.brier())
            + " for the baseline that predicts the training class shares on "
            + current.table()
            + " (lower is better; the difference, row by row, "
            + Format.number(gain[0])
            + " with a standard error of "
            + Format.number(gain[1])
            + ", so at most "
            + Format.number(upper)
            + " at 95% confidence: "
            + (upper > 0 ? "not distinguishable from the baseline or worse" : "better")
            + "); log loss "
            + Format.number(model.logLoss())
            + " against "
            + Format.number(constant.logLoss())
            + ", AUC "
            + Format.number(model.auc())
            + " against 0.5, balanced accuracy "
            + Format.number(model.balancedAccuracy())
            + " against "
            + Format.number(constant.balancedAccuracy())
            + ", accuracy "
            + Format.number(model.accuracy())
            + " against "
            + Format.number(constant.accuracy()));
  }
}
