package org.prodml.profile;

import it.unimi.dsi.fastutil.longs.LongIterator;
import it.unimi.dsi.fastutil.longs.LongOpenHashSet;
import org.apache.datasketches.hll.HllSketch;
import org.apache.datasketches.hll.TgtHllType;
import org.apache.datasketches.hll.Union;

/**
 * Counts distinct 64-bit value hashes: exactly while there are at most {@value #EXACT_LIMIT}, then
 * with a HyperLogLog sketch (about 1.6% error at lgK=12) fed the exact set on the switch, so
 * low-cardinality columns never pay for the sketch.
 */
final class DistinctCounter {
  static final int EXACT_LIMIT = 1 << 13;
  static final int HLL_LG_K = 12;

  private LongOpenHashSet exact = new LongOpenHashSet();
  private HllSketch sketch;

  void add(long hash) {
    if (exact != null) {
      if (exact.add(hash) && exact.size() > EXACT_LIMIT) {
        toSketch();
      }
    } else {
      sketch.update(hash);
    }
  }

  private void toSketch() {
    sketch = new HllSketch(HLL_LG_K, TgtHllType.HLL_8);
    for (LongIterator it = exact.iterator(); it.hasNext(); ) {
      sketch.update(it.nextLong());
    }
    exact = null;
  }

  void merge(DistinctCounter other) {
    if (exact != null && other.exact != null) {
      exact.addAll(other.exact);
      if (exact.size() > EXACT_LIMIT) {
        toSketch();
      }
      return;
    }
    if (exact != null) {
      toSketch();
    }
    HllSketch theirs = other.sketch;
    if (theirs == null) {
      theirs = new HllSketch(HLL_LG_K, TgtHllType.HLL_8);
      for (LongIterator it = other.exact.iterator(); it.hasNext(); ) {
        theirs.update(it.nextLong());
      }
    }
    Union union = new Union(HLL_LG_K);
    union.update(sketch);
    union.update(theirs);
    sketch = union.getResult(TgtHllType.HLL_8);
  }

  boolean isExact() {
    return exact != null;
  }

  long estimate() {
    return exact != null ? exact.size() : Math.round(sketch.getEstimate());
  }

  /** A well-mixed hash of a number (equal values, equal hashes; -0.0 and 0.0 alike). */
  static long hashNumber(double v) {
    long bits = Double.doubleToLongBits(v == 0 ? 0.0 : v);
    bits *= 0x9E3779B97F4A7C15L;
    return bits ^ (bits >>> 32);
  }
}
