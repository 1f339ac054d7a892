package org.prodml.readiness;

import java.util.List;

/**
 * A question catalog or an answers file that cannot be used. Each error is one line naming the file
 * (or "notebook"), the line and the question id, so a person can fix it; the message holds them
 * all, one per line.
 */
public final class ReadinessInputException extends IllegalArgumentException {
  private final List<String> errors;

  public ReadinessInputException(List<String> errors) {
    super(String.join("\n", errors));
    this.errors = List.copyOf(errors);
  }

  public ReadinessInputException(String error) {
    this(List.of(error));
  }

  public List<String> errors() {
    return errors;
  }
}
