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
import java.util.concurrent.CancellationException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Predicate;
import org.kie.api.KieBase;
import org.kie.api.event.rule.AfterMatchFiredEvent;
import org.kie.api.event.rule.DefaultAgendaEventListener;
import org.kie.api.event.rule.DefaultRuleRuntimeEventListener;
import org.kie.api.event.rule.MatchCreatedEvent;
import org.kie.api.event.rule.ObjectInsertedEvent;
import org.kie.api.runtime.KieSession;
import org.prodml.facts.Evidence;
import org.prodml.facts.Threshold;
import org.prodml.work.Work;

/**
 * Runs compiled rules over facts: facts in, evidence out, findings made. Each run is a fresh,
 * short-lived session holding the facts and one {@link Threshold} per declared name (its default or
 * the override). Each {@link Evidence} a rule inserts becomes a {@link Finding} built from that
 * rule's metadata; anything else a rule inserts is kept as a derived fact. A run is held to its
 * {@link EvaluationLimits} and stops when its {@link Work} is cancelled.
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

  /** How long a halted run may take to return before it is left behind. */
  private static final long GRACE_MILLIS = 2_000;

  /** How often the caller looks at the clock and the cancel flag while a run goes on. */
  private static final long POLL_MILLIS = 20;

  /**
   * See {@link RuleBase#evaluate(Collection, Map, Predicate)}. The session runs on a thread of its
   * own while this one watches the clock and the cancel flag: Drools' {@code halt()} stops a run
   * between firings, and a run that does not stop within a grace period (a match of enormous joins)
   * is left to finish on its daemon thread while the caller gets the error.
   */
  Judgement evaluate(
      Collection<?> facts,
      Map<String, Double> overrides,
      Predicate<RuleMetadata> filter,
      EvaluationLimits limits,
      Work work) {
    checkThresholds(overrides);
    Run run = new Run(facts, overrides, filter, limits);
    FutureTask<Judgement> task = new FutureTask<>(run::judge);
    Thread thread = new Thread(task, "prodml-rules-" + RUNS.incrementAndGet());
    thread.setDaemon(true);
    thread.start();
    long deadline = System.nanoTime() + limits.maxTime().toNanos();
    boolean cancelled = false;
    while (true) {
      try {
        return task.get(POLL_MILLIS, TimeUnit.MILLISECONDS);
      } catch (TimeoutException e) {
        if (work.isCancelled()) {
          cancelled = true;
          break;
        }
        if (System.nanoTime() > deadline) {
          break;
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        cancelled = true;
        break;
      } catch (ExecutionException e) {
        throw rethrown(e.getCause());
      }
    }
    run.halt();
    try {
      task.get(GRACE_MILLIS, TimeUnit.MILLISECONDS);
    } catch (TimeoutException | ExecutionException | InterruptedException e) {
      // stopped or left behind: either way the caller gets the error below, not the findings
    }
    if (cancelled) {
      throw new CancellationException("cancelled");
    }
    String rule = run.culprit();
    throw new RuleRunException(
        rule,
        "rules stopped after "
            + limits.maxTime().toMillis() / 1000.0
            + " s (the limit "
            + EvaluationLimits.MAX_SECONDS
            + "), "
            + (rule == null
                ? "before any rule matched"
                : "in rule \"" + rule + "\" (" + run.firings(rule) + " firings)")
            + "; no findings were kept. A rule that joins many facts with no condition between"
            + " them, or one whose action inserts what it matches, never ends");
  }

  private static final java.util.concurrent.atomic.AtomicLong RUNS =
      new java.util.concurrent.atomic.AtomicLong();

  private static RuntimeException rethrown(Throwable cause) {
    if (cause instanceof RuntimeException r) {
      return r;
    }
    if (cause instanceof Error error) {
      throw error; // out of memory, stack overflow: the front end's one line, not ours
    }
    return new IllegalStateException(cause);
  }

  /** One run: a fresh session over the facts, and what the caller needs to stop it. */
  private final class Run {
    private final Collection<?> facts;
    private final Map<String, Double> overrides;
    private final Predicate<RuleMetadata> filter;
    private final EvaluationLimits limits;
    private final AtomicBoolean halted = new AtomicBoolean();
    private final Map<String, Long> firings = new ConcurrentHashMap<>();
    private volatile KieSession session;
    private volatile String current;

    Run(
        Collection<?> facts,
        Map<String, Double> overrides,
        Predicate<RuleMetadata> filter,
        EvaluationLimits limits) {
      this.facts = facts;
      this.overrides = overrides;
      this.filter = filter;
      this.limits = limits;
    }

    void halt() {
      halted.set(true);
      KieSession running = session;
      if (running != null) {
        running.halt();
      }
    }

    long firings(String rule) {
      return firings.getOrDefault(rule, 0L);
    }

    /** The rule that fired most, else the one last matched. */
    String culprit() {
      return firings.entrySet().stream()
          .max(Map.Entry.comparingByValue())
          .map(Map.Entry::getKey)
          .orElse(current);
    }

    Judgement judge() {
      Set<Finding> findings = new LinkedHashSet<>();
      List<Object> derived = new ArrayList<>();
      Set<String> fired = new LinkedHashSet<>();
      KieSession kieSession = kieBase.newKieSession();
      session = kieSession;
      try {
        kieSession.addEventListener(
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
        kieSession.addEventListener(
            new DefaultAgendaEventListener() {
              @Override
              public void matchCreated(MatchCreatedEvent event) {
                current = event.getMatch().getRule().getName();
              }

              @Override
              public void afterMatchFired(AfterMatchFiredEvent event) {
                firings.merge(event.getMatch().getRule().getName(), 1L, Long::sum);
              }
            });
        Map<String, Double> thresholds = new TreeMap<>(thresholdDefaults);
        thresholds.putAll(overrides);
        thresholds.forEach((name, value) -> kieSession.insert(new Threshold(name, value)));
        for (Object fact : facts) {
          kieSession.insert(fact);
        }
        long max = limits.maxFirings() >= Integer.MAX_VALUE ? -1 : limits.maxFirings() + 1;
        int count =
            kieSession.fireAllRules(
                match -> !halted.get() && filter.test(byName.get(match.getRule().getName())),
                (int) max);
        if (count > limits.maxFirings()) {
          String rule = culprit();
          throw new RuleRunException(
              rule,
              "rules stopped after "
                  + limits.maxFirings()
                  + " firings (the limit "
                  + EvaluationLimits.MAX_FIRINGS
                  + "): rule \""
                  + rule
                  + "\" fired "
                  + firings(rule)
                  + " times; no findings were kept. A rule whose action inserts what its own"
                  + " conditions match fires forever");
        }
      } finally {
        session = null;
        kieSession.dispose();
      }
      List<Finding> sorted = new ArrayList<>(findings);
      sorted.sort(
          Comparator.comparing(Finding::severity)
              .reversed()
              .thenComparing(Finding::ruleId)
              .thenComparing(f -> String.valueOf(f.subject())));
      return new Judgement(sorted, derived, List.copyOf(fired));
    }
  }

  /** See {@link RuleBase#checkThresholds}. */
  void checkThresholds(Map<String, Double> overrides) {
    Thresholds.check(overrides);
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
