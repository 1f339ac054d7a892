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
