package org.prodml.train;

import java.util.Locale;

/** What a model predicts: a class (with probabilities) or a number. */
public enum Task {
  CLASSIFICATION,
  REGRESSION;

  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }
}
