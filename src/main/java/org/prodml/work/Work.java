package org.prodml.work;

import java.util.concurrent.CancellationException;
import java.util.function.BooleanSupplier;
import java.util.function.DoubleConsumer;

/**
 * How a long computation of the library (a forest, a simulation, a replay) reports how far it is
 * and learns that it was cancelled. It is the library's own, so packages such as {@code train} or
 * {@code simulate} need nothing from the notebook pipeline; a stage wraps its progress in one.
 */
public interface Work {
  /** Work nobody watches and nobody cancels. */
  Work NONE = of(f -> {}, () -> false);

  /** Fraction done, in [0, 1]. */
  void report(double fraction);

  boolean isCancelled();

  /** Throws {@link CancellationException} when cancelled; call it between units of work. */
  default void checkCancelled() {
    if (isCancelled() || Thread.currentThread().isInterrupted()) {
      throw new CancellationException("cancelled");
    }
  }

  /**
   * The part {@code [from, to]} of this work: a fraction reported to the part is scaled into that
   * range, so a step of a longer job reports the whole job's progress.
   */
  default Work part(double from, double to) {
    Work outer = this;
    return of(
        f -> outer.report(from + (to - from) * Math.max(0, Math.min(1, f))), outer::isCancelled);
  }

  static Work of(DoubleConsumer report, BooleanSupplier cancelled) {
    return new Work() {
      @Override
      public void report(double fraction) {
        report.accept(fraction);
      }

      @Override
      public boolean isCancelled() {
        return cancelled.getAsBoolean();
      }
    };
  }
}
