package org.prodml.train;

import java.util.concurrent.Callable;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.prodml.work.Work;

/**
 * Runs Smile fits one at a time on one thread. Smile 3.1.1 seeds its random numbers per thread
 * ({@code MathEx.setSeed}), and a forest seeds each tree on the pool thread that grows it; two fits
 * sharing those threads at once could reseed each other mid-tree. One trainer thread keeps two
 * notes training at the same time from touching each other's random state; the caller waits in
 * short slices, so a cancel returns within 50 ms (an unfinished Smile call cannot be interrupted:
 * its result is dropped when it ends).
 */
final class SmileRunner {
  private static final ExecutorService TRAINER =
      Executors.newSingleThreadExecutor(
          r -> {
            Thread t = new Thread(r, "prodml-smile-trainer");
            t.setDaemon(true);
            return t;
          });

  private SmileRunner() {}

  static <T> T run(Callable<T> job, Work work) {
    work.checkCancelled();
    Future<T> future = TRAINER.submit(job);
    try {
      while (true) {
        try {
          return future.get(50, TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
          if (work.isCancelled()) {
            future.cancel(false);
            throw new CancellationException("cancelled");
          }
        }
      }
    } catch (InterruptedException e) {
      future.cancel(false);
      Thread.currentThread().interrupt();
      throw new CancellationException("interrupted");
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof RuntimeException r) {
        throw r;
      }
      if (cause instanceof Error err) {
        throw err;
      }
      throw new IllegalStateException(cause);
    }
  }
}
