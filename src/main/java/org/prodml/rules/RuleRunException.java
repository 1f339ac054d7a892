package org.prodml.rules;

/**
 * A rule run stopped at one of its {@link EvaluationLimits}: no findings are kept, and the message
 * names the rule that fired most or was being matched, and the limit that stopped it.
 */
public final class RuleRunException extends RuntimeException {
  private final String rule;

  public RuleRunException(String rule, String message) {
    super(message);
    this.rule = rule;
  }

  /** The rule named as the cause, or null when no rule had been matched. */
  public String rule() {
    return rule;
  }
}
