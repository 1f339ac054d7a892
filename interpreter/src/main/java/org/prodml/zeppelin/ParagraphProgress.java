package org.prodml.zeppelin;

import org.prodml.work.Work;

/**
 * The {@link Work} a running paragraph hands to its stage: the stage reports how far it is
 * (Zeppelin polls it through {@code getProgress}) and sees the cancel flag Zeppelin's {@code
 * cancel} sets. Both fields are volatile because the polling and cancelling threads are not the one
 * running the stage.
 */
final class ParagraphProgress implements Work {
  private volatile double fraction;
  private volatile boolean cancelled;

  @Override
  public void report(double fraction) {
    if (!Double.isNaN(fraction)) {
      this.fraction = Math.max(0, Math.min(1, fraction));
    }
  }

  @Override
  public boolean isCancelled() {
    return cancelled;
  }

  void cancel() {
    cancelled = true;
  }

  /** Percent done, as Zeppelin's progress bar wants it. */
  int percent() {
    return (int) Math.round(fraction * 100);
  }
}
