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

  public TrainingSimulationSpec {
    features = List.copyOf(features);
    if (initialDays < 1 || periodDays < 1 || retrainEveryDays < 1 || windowDays < 0) {
      throw new IllegalArgumentException("initial, period and retrain days must be positive, the window ≥ 0");
    }
  }

  public String windowKind() {
    return windowDays == 0 ? "growing" : "sliding " + windowDays + " days";
  }
}
