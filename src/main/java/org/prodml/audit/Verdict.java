package org.prodml.audit;

/** An audit's outcome: any CRITICAL finding makes the system not ready. */
public enum Verdict {
  READY,
  NOT_READY
}
