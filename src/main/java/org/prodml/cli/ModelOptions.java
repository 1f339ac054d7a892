package org.prodml.cli;

import java.util.List;
import java.util.Map;
import picocli.CommandLine.Option;

/**
 * The model a command trains, as the train stage's parameters of the same names; shared by every
 * command that trains one ({@code audit --model}, {@code simulate}).
 */
public final class ModelOptions {
  @Option(
      names = "--model",
      paramLabel = "TYPE",
      description =
          "the model: logistic, linear, forest, gbt or baseline (default: logistic for classes, linear for numbers)")
  String model;

  @Option(
      names = "--above",
      paramLabel = "X",
      description =
          "learn the yes/no label 'label > X' from a numeric label (e.g. --label delay --above 15)")
  Double above;

  @Option(
      names = "--features",
      paramLabel = "COLUMN",
      split = ",",
      description = "the model's input columns (default: every column without another role)")
  List<String> features;

  @Option(
      names = "--keys",
      paramLabel = "COLUMN",
      split = ",",
      description =
          "the static prediction table's key space (default: the model's first text input; none: dynamic only)")
  List<String> keys;

  @Option(
      names = "--seed",
      paramLabel = "N|none",
      description =
          "seed of the training, the split and the samples (default 42; none = unseeded, recorded as such)")
  String seed;

  @Option(
      names = "--trees",
      paramLabel = "N",
      description = "trees of a forest (default 50) or boosting rounds of gbt (default 100)")
  Integer trees;

  /** Whether any option but the model type was given. */
  boolean anyGiven() {
    return above != null || features != null || keys != null || seed != null || trees != null;
  }

  /** The train stage's parameters these options give, in the order written. */
  void putTrain(Map<String, String> params) {
    put(params, "model", model);
    put(params, "above", above == null ? null : String.valueOf(above));
    put(params, "features", features == null ? null : String.join(",", features));
    put(params, "seed", seed);
    put(params, "trees", trees == null ? null : String.valueOf(trees));
  }

  static void put(Map<String, String> params, String key, String value) {
    if (value != null && !value.isBlank()) {
      params.put(key, value);
    }
  }
}
