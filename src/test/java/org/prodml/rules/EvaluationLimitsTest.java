package org.prodml.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.prodml.facts.FeatureFact;
import org.prodml.work.Work;

/** A rule that never ends is stopped by the run's limits or by cancel, never a hang. */
class EvaluationLimitsTest {
  /** Each firing inserts a fact its own condition matches: it fires forever. */
  static final String LOOPING =
      """
      package rules.test;
      import org.prodml.facts.FeatureFact;
      rule "TT-002 A rule that feeds itself"
          @id("TT-002") @severity("INFO") @topic("MISSINGNESS") @stage("VALIDATE")
          @explanation("x") @remedy("y")
      when
          FeatureFact()
      then
          insert(FeatureFact.feature("again"));
      end
      """;

  static RuleBase looping() {
    return RuleBase.compile(List.of(new RuleSource("rules/Loop.drl", LOOPING)));
  }

  static final List<Object> ONE_FACT = List.of(FeatureFact.feature("a"));

  @Test
  void aRuleThatFiresForeverIsStoppedAtTheFiringLimitAndNamed() {
    RuleBase rules =
        looping().limitedTo(new EvaluationLimits(1_000, Duration.ofMinutes(1)), Work.NONE);

    RuleRunException e =
        assertThrows(RuleRunException.class, () -> rules.evaluate(ONE_FACT, Map.of(), r -> true));

    assertEquals("TT-002 A rule that feeds itself", e.rule());
    assertTrue(
        e.getMessage().contains("1000 firings (the limit rules.maxFirings)"), e.getMessage());
    assertTrue(e.getMessage().contains("no findings were kept"), e.getMessage());
  }

  @Test
  void aRunPastItsTimeIsStoppedWithinTheGraceAndNamesTheRule() {
    RuleBase rules =
        looping()
            .limitedTo(new EvaluationLimits(Long.MAX_VALUE, Duration.ofMillis(500)), Work.NONE);
    long start = System.nanoTime();

    RuleRunException e =
        assertThrows(RuleRunException.class, () -> rules.evaluate(ONE_FACT, Map.of(), r -> true));

    long millis = (System.nanoTime() - start) / 1_000_000;
    assertTrue(millis < 4_000, "stopped after " + millis + " ms");
    assertTrue(e.getMessage().contains("(the limit rules.maxSeconds)"), e.getMessage());
    assertTrue(e.getMessage().contains("TT-002 A rule that feeds itself"), e.getMessage());
  }

  @Test
  void cancellingTheWorkStopsTheRun() throws Exception {
    AtomicBoolean cancelled = new AtomicBoolean();
    RuleBase rules =
        looping()
            .limitedTo(
                new EvaluationLimits(Long.MAX_VALUE, Duration.ofMinutes(5)),
                Work.of(f -> {}, cancelled::get));
    Thread canceller =
        new Thread(
            () -> {
              try {
                Thread.sleep(300);
              } catch (InterruptedException e) {
                return;
              }
              cancelled.set(true);
            });
    canceller.start();
    long start = System.nanoTime();

    assertThrows(CancellationException.class, () -> rules.evaluate(ONE_FACT, Map.of(), r -> true));

    long millis = (System.nanoTime() - start) / 1_000_000;
    assertTrue(millis < 3_000, "stopped " + millis + " ms after the start");
    canceller.join();
  }

  @Test
  void limitsAreCheckedWhenSet() {
    assertThrows(IllegalArgumentException.class, () -> EvaluationLimits.of(0, 10));
    assertThrows(IllegalArgumentException.class, () -> EvaluationLimits.of(10, Double.NaN));
    assertThrows(IllegalArgumentException.class, () -> EvaluationLimits.of(10, -1));
  }
}
