package org.prodml.transform;

import org.prodml.text.Choices;

/**
 * Where a transform runs, the course's "when to transform data?". Before training, its output is
 * stored (materialized) and serving must recreate it, which risks training–serving skew; inside the
 * model, the same code runs at training and at prediction time, at the cost of latency.
 */
public enum Placement {
  MATERIALIZED("materialized"),
  IN_MODEL("in-model");

  private final String label;

  Placement(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }

  public static Placement parse(String text) {
    return switch (text.strip().toLowerCase(java.util.Locale.ROOT)) {
      case "materialized", "before", "before-training" -> MATERIALIZED;
      case "in-model", "model", "inmodel", "in_model" -> IN_MODEL;
      default -> Choices.parse(values(), Placement::label, text, "placement");
    };
  }
}
