package org.prodml.rules;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Predicate;
import org.kie.api.KieBase;
import org.kie.api.event.rule.DefaultRuleRuntimeEventListener;
import org.kie.api.event.rule.ObjectInsertedEvent;
import org.kie.api.runtime.KieSession;
import org.prodml.facts.Evidence;
import org.prodml.facts.Threshold;

/**
 * Runs compiled rules over facts: facts in, evidence out, findings made. Each run is a fresh,
 * short-lived session holding the facts and one {@link Threshold} per declared name (its default or
 * the override). Each {@link Evidence} a rule inserts becomes a {@link Finding} built from that
 * rule's metadata; anything else a rule inserts is kept as a derived fact.
 */
final class RuleEvaluator {
  private final KieBase kieBase;
  private final Map<String, RuleMetadata> byName = new HashMap<>();
  private final Map<String, Double> thresholdDefaults;

  RuleEvaluator(KieBase kieBase, List<RuleMetadata> rules, Map<String, Double> thresholdDefaults) {
    this.kieBase = kieBase;
    rules.forEach(r -> byName.put(r.name(), r));
    this.thresholdDefaults = thresholdDefaults;
  }

  /** See {@link RuleBase#evaluate(Collection, Map, Predicate)}. */
  Judgement evaluate(
      Collection<?> facts, Map<String, Double> overrides, Predicate<RuleMetadata> filter) {
    checkThresholds(overrides);
    Set<Finding> findings = new LinkedHashSet<>();
    List<Object> derived = new ArrayList<>();
    Set<String> fired = new LinkedHashSet<>();
    KieSession session = kieBase.newKieSession();
    try {
      session.addEventListener(
          new DefaultRuleRuntimeEventListener() {
            @Override
            public void objectInserted(ObjectInsertedEvent event) {
              if (event.getRule() == null) {
                return; // a fact inserted from outside, not by a rule
              }
              RuleMetadata rule = byName.get(event.getRule().getName());
              fired.add(rule.id());
              if (event.getObject() instanceof Evidence evidence) {
                findings.add(toFinding(rule, evidence));
              } else {
                derived.add(event.getObject());
              }
            }
          });
      Map<String, Double> thresholds = new TreeMap<>(thresholdDefaults);
      thresholds.putAll(overrides);
      thresholds.forEach((name, value) -> session.insert(new Threshold(name, value)));
      for (Object fact : facts) {
        session.insert(fact);
      }
      session.fireAllRules(match -> filter.test(byName.get(match.getRule().getName())));
    } finally {
      session.dispose();
    }
    List<Finding> sorted = new ArrayList<>(findings);
    sorted.sort(
        Comparator.comparing(Finding::severity)
            .reversed()
            .thenComparing(Finding::ruleId)
            .thenComparing(f -> String.valueOf(f.subject())));
    return new Judgement(sorted, derived, List.copyOf(fired));
  }

  /** See {@link RuleBase#checkThresholds}. */
  void checkThresholds(Map<String, Double> overrides) {
    for (String name : overrides.keySet()) {
      if (!thresholdDefaults.containsKey(name)) {
        throw new IllegalArgumentException(
            "unknown threshold '"
                + name
                + "'; rules declare "
                + String.join(", ", thresholdDefaults.keySet()));
      }
    }
  }

  /** The finding a rule's evidence makes: the rule's metadata, with its templates filled. */
  static Finding toFinding(RuleMetadata rule, Evidence evidence) {
    return new Finding(
        rule.id(),
        rule.severity(),
        rule.topic(),
        rule.stage(),
        evidence.subject(),
        Messages.fill(rule.explanation(), evidence),
        evidence.values(),
        Messages.fill(rule.remedy(), evidence));
  }
}
