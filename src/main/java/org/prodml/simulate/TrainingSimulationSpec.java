package org.prodml.simulate;

import java.util.List;
import org.prodml.train.ModelSpec;
import org.prodml.transform.TransformPlan;

/**
 * A training-paradigm simulation.
 *
 * @param model the model both paradigms train
 * @param features the raw feature columns
 * @param plan the transforms, refitted on each training window; null for the model's automatic plan
 * @param timeColumn the time column ordering the data
 * @param initialDays length of the first period, on which static trains once (and dynamic first)
 * @param periodDays length of each evaluation period after it
 * @param retrainEveryDays how often dynamic retrains
 * @param windowDays dynamic's training window: the last {@code windowDays} days (sliding), or
 *     everything so far when 0 (growing)
 * @param tolerance how much worse than dynamic static may be in a period before it counts as behind
 */
public record TrainingSimulationSpec(
    ModelSpec model,
    List<String> features,
    TransformPlan plan,
    String timeColumn,
    int initialDays,
    int periodDays,
    int retrainEveryDays,
    int windowDays,
    double tolerance) {

  /**
   * Defaults that show staleness on a year of daily data: a season to start from, monthly periods
   * and retrains on the last season, and a gap of 0.05 (five points of accuracy) counting as
   * behind.
   */
  public static final int DEFAULT_INITIAL_DAYS = 90;

  public static final int DEFAULT_PERIOD_DAYS = 30;
  public static final int DEFAULT_RETRAIN_DAYS = 30;
  public static final int DEFAULT_WINDOW_DAYS = 90;
  public static final double DEFAULT_TOLERANCE = 0.05;

  public TrainingSimulationSpec {
    features = List.copyOf(features);
    if (initialDays < 1 || periodDays < 1 || retrainEveryDays < 1 || windowDays < 0) {
      throw new IllegalArgumentException(
          "initial, period and retrain days must be positive, the window ≥ 0");
    }
  }

  public String windowKind() {
    return windowDays == 0 ? "growing" : "sliding " + windowDays + " days";
  }
}
