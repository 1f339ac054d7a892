package org.prodml.rules;

import java.util.Map;

/**
 * What a threshold's value may be, for a default a rule declares and for an override alike: a
 * finite number, never negative (a limit below zero makes a "more than" rule fire on everything and
 * a "less than" rule never); and a share — a name whose last part says Share — at most 1. NaN would
 * silently switch a rule off: every comparison with it is false.
 */
public final class Thresholds {
  private Thresholds() {}

  /** Whether the threshold is a share of something, in [0, 1], by its name. */
  public static boolean isShare(String name) {
    return name.substring(name.lastIndexOf('.') + 1).contains("Share");
  }

  /** Why the value does not fit the threshold, or null when it does. */
  public static String problem(String name, double value) {
    if (!Double.isFinite(value)) {
      return "threshold " + name + " must be a finite number, not " + value;
    }
    if (value < 0) {
      return "threshold " + name + " must not be negative, not " + value;
    }
    if (isShare(name) && value > 1) {
      return "threshold " + name + " is a share, between 0 and 1, not " + value;
    }
    return null;
  }

  /**
   * Checks every value.
   *
   * @throws IllegalArgumentException naming the first threshold whose value does not fit
   */
  public static void check(Map<String, Double> values) {
    values.forEach(
        (name, value) -> {
          String problem = problem(name, value == null ? Double.NaN : value);
          if (problem != null) {
            throw new IllegalArgumentException(problem);
          }
        });
  }
}
