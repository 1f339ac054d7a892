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
      return new DeploymentCheckFact(
          "quality-vs-previous",
          current.model(),
          false,
          0,
          0,
          current.metric(),
          current.value(),
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
      return new DeploymentCheckFact(
          "quality-vs-previous",
          current.model(),
          false,
          0,
          0,
          current.metric(),
          current.value(),
          Double.NaN,
          Double.NaN,
          "no previous model to compare with: this is the first");
    }
    double worsening = current.worseningFrom(previous.value());
    return new DeploymentCheckFact(
        "quality-vs-previous",
        current.model(),
        true,
        1,
        0,
        current.metric(),
        current.value(),
        previous.value(),
        worsening,
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

  /** The new model against an absolute floor (loose). */
  public static DeploymentCheckFact againstFloor(
      EvaluationResult current, double floor, String floorSource) {
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
            + " ("
            + floorSource
            + ") on "
            + current.table());
  }
}
