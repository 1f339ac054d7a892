package org.prodml.split;

import java.util.Locale;
import org.prodml.text.Choices;

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

  /**
   * The split data gets when none is asked for: by time when it has a time column (a model serves
   * the future, so it is tested on the future), else stratified by the label, else random.
   */
  public static SplitMethod defaultFor(String timeColumn, String label) {
    return timeColumn != null ? TIME : label != null ? STRATIFIED : RANDOM;
  }

  /**
   * The column this method splits by, among the data's label, time and group columns (null for
   * random).
   */
  public String column(String label, String timeColumn, String groupColumn) {
    return switch (this) {
      case STRATIFIED -> label;
      case TIME -> timeColumn;
      case GROUP -> groupColumn;
      case RANDOM -> null;
    };
  }

  public static SplitMethod parse(String text) {
    return Choices.parse(values(), SplitMethod::label, text, "split method");
  }
}
