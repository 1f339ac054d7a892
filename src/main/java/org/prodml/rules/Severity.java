package org.prodml.rules;

/** How much a finding matters. Only CRITICAL fails an audit (exit code 1). */
public enum Severity {
  /** A teaching note or context; never blocks. */
  INFO,
  /** Fix before production. */
  WARNING,
  /** The system is not ready: the audit fails. */
  CRITICAL;
}
