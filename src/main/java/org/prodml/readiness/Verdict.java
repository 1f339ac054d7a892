package org.prodml.readiness;

import org.prodml.rules.Judgement;

/**
 * An audit's outcome: any CRITICAL finding makes the system not ready. Warnings and a low ML Test
 * Score do not change the verdict, but they are what the next incident is made of, so reports show
 * them beside it.
 */
public enum Verdict {
  READY,
  NOT_READY;

  public static Verdict of(Judgement judgement) {
    return judgement.hasCritical() ? NOT_READY : READY;
  }
}
