package org.prodml.rules;

import java.util.List;

/** DRL that does not compile. The message lists each error as {@code origin:line: text}. */
public class RuleCompileException extends RuntimeException {
  private final List<String> errors;

  public RuleCompileException(List<String> errors) {
    super(String.join("\n", errors));
    this.errors = List.copyOf(errors);
  }

  public RuleCompileException(String error) {
    this(List.of(error));
  }

  public List<String> errors() {
    return errors;
  }
}
