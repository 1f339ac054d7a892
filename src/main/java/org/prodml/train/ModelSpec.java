package org.prodml.train;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * What to train: the model type, the label, the seed (null = unseeded, recorded as such) and the
 * hyperparameters given; {@link #hyperparameters()} adds the defaults so a model records every
 * value it was trained with.
 */
public record ModelSpec(ModelType type, LabelSpec label, Long seed, Map<String, String> given) {

  /** Hyperparameters each model type takes. */
  static final Map<ModelType, Set<String>> KNOWN =
      Map.of(
          ModelType.LOGISTIC, Set.of("lambda", "iterations", "tolerance"),
          ModelType.LINEAR, Set.of("method"),
          ModelType.FOREST,
              Set.of("trees", "maxDepth", "maxNodes", "nodeSize", "mtry", "subsample"),
          ModelType.GBT,
              Set.of("trees", "maxDepth", "maxNodes", "nodeSize", "shrinkage", "subsample"),
          ModelType.BASELINE, Set.of());

  /**
   * The values each hyperparameter may take: past these a forest or a boosting run takes hours or
   * more memory than a laptop has (2,000 trees of depth 100 on the shipped data already take
   * minutes), and a value out of range is refused before training starts.
   */
  static final Map<String, double[]> RANGES =
      Map.of(
          "trees", new double[] {1, 2_000},
          "maxDepth", new double[] {1, 100},
          "maxNodes", new double[] {0, 1_000_000},
          "nodeSize", new double[] {1, 1_000_000},
          "mtry", new double[] {0, 100_000},
          "iterations", new double[] {1, 100_000},
          "subsample", new double[] {0.01, 1},
          "shrinkage", new double[] {0.0001, 1},
          "lambda", new double[] {0, 1_000_000},
          "tolerance", new double[] {1e-12, 1});

  public ModelSpec {
    given = Map.copyOf(given);
    for (String key : given.keySet()) {
      if (!KNOWN.get(type).contains(key)) {
        throw new IllegalArgumentException(
            type.label()
                + " takes no hyperparameter '"
                + key
                + "'"
                + (KNOWN.get(type).isEmpty()
                    ? ""
                    : " (it takes "
                        + String.join(", ", new java.util.TreeSet<>(KNOWN.get(type)))
                        + ")"));
      }
      double[] range = RANGES.get(key);
      if (range != null) {
        double value;
        try {
          value = Double.parseDouble(given.get(key).strip());
        } catch (NumberFormatException e) {
          throw new IllegalArgumentException(
              key + " must be a number, not '" + given.get(key) + "'");
        }
        if (!(value >= range[0] && value <= range[1])) {
          throw new IllegalArgumentException(
              key
                  + " must be between "
                  + org.prodml.text.Format.number(range[0])
                  + " and "
                  + org.prodml.text.Format.number(range[1])
                  + ", not "
                  + given.get(key).strip());
        }
      }
    }
  }

  /**
   * What to train: the named model type, or logistic regression for a class label and linear
   * regression for a numeric one, with the given seed and hyperparameters.
   */
  public static ModelSpec defaultFor(
      tech.tablesaw.api.Table table,
      LabelSpec label,
      String model,
      Long seed,
      Map<String, String> hyperparameters) {
    Task task = label.task(table);
    ModelType type =
        ModelType.parse(
            model != null ? model : task == Task.CLASSIFICATION ? "logistic" : "linear");
    return new ModelSpec(type, label, seed, hyperparameters);
  }

  public static ModelSpec of(ModelType type, LabelSpec label, Long seed) {
    return new ModelSpec(type, label, seed, Map.of());
  }

  public ModelSpec withSeed(Long newSeed) {
    return new ModelSpec(type, label, newSeed, given);
  }

  public ModelSpec with(String key, Object value) {
    Map<String, String> more = new TreeMap<>(given);
    more.put(key, String.valueOf(value));
    return new ModelSpec(type, label, seed, more);
  }

  public int trees() {
    return integer("trees", type == ModelType.GBT ? 100 : 50);
  }

  public int maxDepth() {
    return integer("maxDepth", type == ModelType.GBT ? 6 : 20);
  }

  /** 0 means "rows / 5" for a forest (Smile's default), 6 leaves for boosting. */
  public int maxNodes() {
    return integer("maxNodes", type == ModelType.GBT ? 6 : 0);
  }

  public int nodeSize() {
    return integer("nodeSize", 5);
  }

  /** 0 means Smile's default: √p for classification, p/3 for regression. */
  public int mtry() {
    return integer("mtry", 0);
  }

  public double subsample() {
    return decimal("subsample", type == ModelType.GBT ? 0.7 : 1.0);
  }

  public double shrinkage() {
    return decimal("shrinkage", 0.1);
  }

  public double lambda() {
    return decimal("lambda", 0.01);
  }

  public int iterations() {
    return integer("iterations", 500);
  }

  public double tolerance() {
    return decimal("tolerance", 1e-4);
  }

  public String method() {
    return given.getOrDefault("method", "svd");
  }

  /** Every hyperparameter the model uses, defaults included, as "name=value", sorted. */
  public List<String> hyperparameters() {
    Map<String, String> all = new TreeMap<>();
    switch (type) {
      case LOGISTIC -> {
        all.put("lambda", String.valueOf(lambda()));
        all.put("iterations", String.valueOf(iterations()));
        all.put("tolerance", String.valueOf(tolerance()));
      }
      case LINEAR -> all.put("method", method());
      case FOREST -> {
        all.put("trees", String.valueOf(trees()));
        all.put("maxDepth", String.valueOf(maxDepth()));
        all.put("maxNodes", maxNodes() == 0 ? "rows/5" : String.valueOf(maxNodes()));
        all.put("nodeSize", String.valueOf(nodeSize()));
        all.put("mtry", mtry() == 0 ? "default" : String.valueOf(mtry()));
        all.put("subsample", String.valueOf(subsample()));
      }
      case GBT -> {
        all.put("trees", String.valueOf(trees()));
        all.put("maxDepth", String.valueOf(maxDepth()));
        all.put("maxNodes", String.valueOf(maxNodes()));
        all.put("nodeSize", String.valueOf(nodeSize()));
        all.put("shrinkage", String.valueOf(shrinkage()));
        all.put("subsample", String.valueOf(subsample()));
      }
      case BASELINE -> {}
    }
    List<String> list = new ArrayList<>();
    all.forEach((k, v) -> list.add(k + "=" + v));
    return list;
  }

  private int integer(String key, int fallback) {
    String v = given.get(key);
    if (v == null) {
      return fallback;
    }
    try {
      int n = Integer.parseInt(v.strip());
      if (n < 0) {
        throw new NumberFormatException();
      }
      return n;
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(key + " must be a whole number ≥ 0, not '" + v + "'");
    }
  }

  private double decimal(String key, double fallback) {
    String v = given.get(key);
    if (v == null) {
      return fallback;
    }
    try {
      double d = Double.parseDouble(v.strip());
      if (!Double.isFinite(d) || d < 0) {
        throw new NumberFormatException();
      }
      return d;
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(key + " must be a number ≥ 0, not '" + v + "'");
    }
  }
}
