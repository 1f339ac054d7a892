package org.prodml.audit;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.prodml.data.ColumnRoles;

/**
 * A paradigm simulation to run on a time-ordered file and judge.
 *
 * @param paradigm "training" (static vs dynamic training) or "inference" (static vs dynamic inference)
 * @param data the time-ordered data file (only read)
 * @param roles the label and time columns (and any other roles)
 * @param model logistic, linear, forest, gbt or baseline; null for logistic (classes) or linear (numbers)
 * @param above when set, the label is "label > above"
 * @param features the raw feature columns; null for every column without another role
 * @param seed the seed of every training; null for unseeded runs
 * @param hyperparameters given hyperparameters, e.g. trees=20
 * @param keys inference: the static key space; null for the first text feature
 * @param training the training-paradigm schedule
 * @param inference the inference-paradigm sizes
 */
public record SimulationRequest(
    String paradigm,
    Path data,
    ColumnRoles roles,
    String model,
    Double above,
    List<String> features,
    Long seed,
    Map<String, String> hyperparameters,
    List<String> keys,
    TrainingSchedule training,
    InferenceSizes inference,
    List<Path> ruleFolders,
    Map<String, Double> thresholds) {

  public SimulationRequest {
    if (!paradigm.equals("training") && !paradigm.equals("inference")) {
      throw new IllegalArgumentException("the paradigm is training or inference, not '" + paradigm + "'");
    }
    features = features == null ? null : List.copyOf(features);
    hyperparameters = Map.copyOf(hyperparameters);
    keys = keys == null ? null : List.copyOf(keys);
    ruleFolders = List.copyOf(ruleFolders);
    thresholds = Map.copyOf(thresholds);
  }

  /** Days of the first period, of each later period, between retrains, of the sliding window (0 = growing), and the tolerance. */
  public record TrainingSchedule(int initialDays, int periodDays, int retrainEveryDays, int windowDays, double tolerance) {}

  /** Days of training data, the least count of a precomputed key, and the most requests served. */
  public record InferenceSizes(int trainDays, int minCount, int maxRequests) {}
}
