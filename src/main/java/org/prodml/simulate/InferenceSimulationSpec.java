package org.prodml.simulate;

import java.util.List;
import org.prodml.train.ModelSpec;
import org.prodml.transform.TransformPlan;

/**
 * An inference-paradigm simulation: train on the first {@code trainDays} days, build the static
 * table for the key space seen then, and serve every later row as a request, both ways.
 *
 * @param model the model
 * @param features the raw feature columns
 * @param plan the transforms (null for the model's automatic plan)
 * @param timeColumn the time column ordering the data
 * @param trainDays days of training data (and of the static table's key space)
 * @param keyColumns the static key space, e.g. origin, or origin and destination (a route)
 * @param minCount keys seen fewer times than this are not precomputed
 * @param maxRequests at most this many later rows are served (the first ones in time)
 */
public record InferenceSimulationSpec(
    ModelSpec model,
    List<String> features,
    TransformPlan plan,
    String timeColumn,
    int trainDays,
    List<String> keyColumns,
    int minCount,
    int maxRequests) {

  /**
   * Defaults: a month of training data and key space, keys seen once are precomputed, at most
   * 20,000 later requests.
   */
  public static final int DEFAULT_TRAIN_DAYS = 31;

  public static final int DEFAULT_MIN_COUNT = 1;
  public static final int DEFAULT_MAX_REQUESTS = 20_000;

  public InferenceSimulationSpec {
    features = List.copyOf(features);
    keyColumns = List.copyOf(keyColumns);
    if (keyColumns.isEmpty()) {
      throw new IllegalArgumentException(
          "static inference needs key columns (e.g. origin, destination)");
    }
  }
}
