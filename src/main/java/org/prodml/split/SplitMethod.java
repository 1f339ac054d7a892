package org.prodml.split;

import java.util.Locale;

/** How rows are divided between training and test. */
public enum SplitMethod {
  /** Each row independently, by a seeded shuffle. */
  RANDOM,
  /** A seeded shuffle within each label class, so both sides keep the class shares. */
  STRATIFIED,
  /** Train on the past, test on the future: every test row is later than every training row. */
  TIME,
  /** Whole groups (an author, a patient, a route) go to one side, chosen by a seeded shuffle. */
  GROUP;

  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static SplitMethod parse(String text) {
    try {
      return valueOf(text.strip().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("split method must be random, stratified, time or group, not '" + text + "'");
    }
  }
}
