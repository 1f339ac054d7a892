package org.prodml.deploy;

import java.util.List;
import org.prodml.text.Choices;

/**
 * The deployment tests the course names that run before a push, in the order they run. The quality
 * gate is apart: it runs where the model is evaluated.
 */
public enum DeploymentCheck {
  REPRODUCIBILITY("reproducibility"),
  TEST_CALLS("test-calls"),
  INTEGRATION("integration"),
  COMPATIBILITY("compatibility");

  private final String label;

  DeploymentCheck(String label) {
    this.label = label;
  }

  /** The word a paragraph or option writes. */
  public String label() {
    return label;
  }

  public static List<String> labels() {
    return Choices.words(values(), DeploymentCheck::label);
  }

  public static DeploymentCheck parse(String text) {
    return Choices.parse(values(), DeploymentCheck::label, text, "deployment check");
  }
}
