package org.prodml.rules;

import java.time.Duration;

/**
 * The most one rule run may do: how many times rules may fire, and for how long it may run. Rules
 * judge a bounded set of facts, so a real audit fires a few thousand times within seconds; a rule
 * whose action inserts what its own conditions match fires forever, and a run past either limit is
 * stopped and reported as an error naming the rule, with no findings. Both are settings of the
 * front end (the CLI's {@code --rules-max-firings} and {@code --rules-max-seconds}, the interpreter
 * properties {@code prodml.rules.maxFirings} and {@code prodml.rules.maxSeconds}), never of a
 * paragraph: in a shared Zeppelin the operator, not a learner, decides how long a run may hold the
 * scheduler.
 *
 * @param maxFirings rules.maxFirings: the most rule firings in one run
 * @param maxTime rules.maxSeconds: the longest one run may take, wall clock
 */
public record EvaluationLimits(long maxFirings, Duration maxTime) {
  /** The name of the firing limit in errors and settings. */
  public static final String MAX_FIRINGS = "rules.maxFirings";

  /** The name of the time limit in errors and settings. */
  public static final String MAX_SECONDS = "rules.maxSeconds";

  /**
   * Generous for real audits: a run of the largest shipped audit (the weather-serving-faults
   * scenario with a forest, monthly monitoring and answers) fires fewer than 150 times, a
   * 300-column file fewer than 300, and each run takes well under a second of rule time; 200,000
   * firings of a looping rule take seconds and little memory.
   */
  public static final EvaluationLimits DEFAULT =
      new EvaluationLimits(200_000, Duration.ofSeconds(120));

  public EvaluationLimits {
    if (maxFirings < 1) {
      throw new IllegalArgumentException(MAX_FIRINGS + " must be at least 1, not " + maxFirings);
    }
    if (maxTime == null || maxTime.isNegative() || maxTime.isZero()) {
      throw new IllegalArgumentException(MAX_SECONDS + " must be more than 0, not " + maxTime);
    }
  }

  /** Limits from a front end's settings: whole firings, and seconds (a fraction allowed). */
  public static EvaluationLimits of(long maxFirings, double maxSeconds) {
    if (!Double.isFinite(maxSeconds) || maxSeconds <= 0 || maxSeconds > 86_400) {
      throw new IllegalArgumentException(
          MAX_SECONDS + " must be more than 0 and at most 86400, not " + maxSeconds);
    }
    return new EvaluationLimits(maxFirings, Duration.ofMillis((long) Math.ceil(maxSeconds * 1000)));
  }
}
