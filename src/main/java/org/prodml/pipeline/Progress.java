package org.prodml.pipeline;

import java.util.concurrent.CancellationException;

/**
 * How a long stage reports how far it is and learns it was cancelled. Stages call
 * {@link #checkCancelled()} between units of work (a tree, a window, a retrain) so a cancel stops
 * them within a second.
 */
public interface Progress {
  Progress NONE = new Progress() {
    @Override
    public void report(double fraction) {}

    @Override
    public boolean isCancelled() {
      return false;
    }
  };

  /** Fraction done, in [0, 1]. */
  void report(double fraction);

  boolean isCancelled();

  default void checkCancelled() {
    if (isCancelled() || Thread.currentThread().isInterrupted()) {
      throw new CancellationException("cancelled");
    }
  }
}
