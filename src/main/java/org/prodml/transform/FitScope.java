package org.prodml.transform;

import org.prodml.text.Choices;

/**
 * Which rows a transform's statistics come from. {@link #TRAINING}: fitted once on the training
 * rows and reused unchanged everywhere. {@link #BATCH}: fitted again on every batch it is applied
 * to, so a z-score means something different in each batch (and a batch of one request has no
 * spread at all): the course's normalisation-per-batch mistake, kept here to be seen.
 */
public enum FitScope {
  TRAINING("training"),
  BATCH("batch");

  private final String label;

  FitScope(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }

  public static FitScope parse(String text) {
    return switch (text.strip().toLowerCase(java.util.Locale.ROOT)) {
      case "training", "train", "dataset" -> TRAINING;
      case "batch", "per-batch" -> BATCH;
      default -> Choices.parse(values(), FitScope::label, text, "fit");
    };
  }
}
