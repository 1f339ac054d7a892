package org.prodml.serve;

import java.util.Locale;
import org.prodml.text.Choices;

/**
 * How the serving side turns a request into features. {@link #SHARED}: it reuses the fitted
 * transforms that training used, statistics and all. {@link #REIMPLEMENTED}: it computes the
 * materialized transforms again its own way, from the serving traffic, which is how
 * training–serving skew usually arises.
 */
public enum ServingPath {
  SHARED,
  REIMPLEMENTED;

  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static ServingPath parse(String text) {
    return switch (text.strip().toLowerCase(Locale.ROOT)) {
      case "shared", "reuse", "same" -> SHARED;
      case "reimplemented", "recompute", "separate" -> REIMPLEMENTED;
      default -> Choices.parse(values(), ServingPath::label, text, "serving path");
    };
  }
}
