package org.prodml.facts;

/**
 * What a column is for in the model: usage is "feature", "label", "time", "group", "id" or
 * "ignored". {@code availableAfterLabel} marks a value known only once the label is (it leaks);
 * {@code pii} marks personal data.
 */
public record FeatureFact(String column, String usage, boolean availableAfterLabel, boolean pii) {

  public static FeatureFact feature(String column) {
    return new FeatureFact(column, "feature", false, false);
  }
}
