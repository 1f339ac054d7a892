package org.prodml.profile;

import it.unimi.dsi.fastutil.doubles.DoubleArrayList;
import java.lang.reflect.Field;
import java.util.Arrays;
import java.util.Random;
import org.apache.datasketches.kll.KllDoublesSketch;
import org.apache.datasketches.kll.KllSketch;

/**
 * A column's values for quantiles and histograms, kept exactly while there are at most {@value
 * #EXACT_LIMIT} and streamed into a KLL sketch (k={@value #K}) beyond. The sketch of an exactly
 * kept column is built from its sorted values with a fixed seed, so profiling the same small data
 * twice gives the same sketch — and the same drift numbers. (KLL compacts at random; DataSketches
 * shares one static Random for it, which is re-seeded here.) Large data streams in blocks, through
 * KLL's cheaper vector update.
 */
final class Quantiles {
  static final int K = 200;
  static final int EXACT_LIMIT = 1 << 16;
  private static final long SEED = 0x5EEDL;
  private static final Object LOCK = new Object();
  private static final Random KLL_RANDOM = kllRandom();

  private DoubleArrayList exact = new DoubleArrayList();
  private KllDoublesSketch sketch;
  private final double[] pending = new double[1024];
  private int pendingSize;

  void add(double v) {
    if (exact != null) {
      exact.add(v);
      if (exact.size() > EXACT_LIMIT) {
        toSketch();
      }
      return;
    }
    pending[pendingSize++] = v;
    if (pendingSize == pending.length) {
      flush();
    }
  }

  private void toSketch() {
    sketch = KllDoublesSketch.newHeapInstance(K);
    sketch.update(exact.elements(), 0, exact.size());
    exact = null;
  }

  private void flush() {
    if (pendingSize > 0) {
      sketch.update(pending, 0, pendingSize);
      pendingSize = 0;
    }
  }

  void merge(Quantiles other) {
    if (exact != null && other.exact != null && exact.size() + other.exact.size() <= EXACT_LIMIT) {
      exact.addAll(other.exact);
      return;
    }
    if (exact != null) {
      toSketch();
    }
    flush();
    sketch.merge(other.result());
  }

  /** The sketch of all values: deterministic when they were kept exactly. */
  KllDoublesSketch result() {
    if (exact == null) {
      flush();
      return sketch;
    }
    double[] sorted = Arrays.copyOf(exact.elements(), exact.size());
    Arrays.sort(sorted);
    return seeded(sk -> sk.update(sorted, 0, sorted.length));
  }

  /**
   * A new sketch fed by {@code feed} with KLL's shared random re-seeded: the same feed, the same
   * sketch.
   */
  static KllDoublesSketch seeded(java.util.function.Consumer<KllDoublesSketch> feed) {
    synchronized (LOCK) {
      if (KLL_RANDOM != null) {
        KLL_RANDOM.setSeed(SEED);
      }
      KllDoublesSketch built = KllDoublesSketch.newHeapInstance(K);
      feed.accept(built);
      return built;
    }
  }

  private static Random kllRandom() {
    try {
      Field f = KllSketch.class.getDeclaredField("random");
      f.setAccessible(true);
      return (Random) f.get(null);
    } catch (ReflectiveOperationException | RuntimeException e) {
      return null; // a DataSketches without the field: sketches stay correct, only not repeatable
    }
  }
}
