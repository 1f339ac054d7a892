package org.prodml.rules;

import java.util.List;

/**
 * What one rule run produced: the findings, the other facts rules derived (scores, verdicts), and
 * the ids of the rules that fired.
 */
public record Judgement(List<Finding> findings, List<Object> derived, List<String> firedRuleIds) {

  /** The derived facts of one type, in the order rules inserted them. */
  public <T> List<T> derived(Class<T> type) {
    return derived.stream().filter(type::isInstance).map(type::cast).toList();
  }

  public boolean hasCritical() {
    return findings.stream().anyMatch(Finding::isCritical);
  }
}
