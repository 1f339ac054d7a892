package org.prodml.profile;

import java.util.Arrays;
import org.apache.datasketches.hll.HllSketch;
import org.apache.datasketches.hll.TgtHllType;
import org.apache.datasketches.hll.Union;
import org.apache.datasketches.kll.KllDoublesSketch;

/**
 * The values of an ordered column, for its quantiles, histogram and distinct count, in bounded
 * memory. Three stages, each entered only when the previous one overflows:
 *
 * <ol>
 *   <li>up to {@value Quantiles#EXACT_LIMIT} values are kept as they come; the sketch is built from
 *       them sorted, with a re-seeded KLL, and the distinct count read off the sorted values (exact
 *       up to {@value DistinctCounter#EXACT_LIMIT} distinct, else HyperLogLog over them);
 *   <li>beyond that, while the column has at most {@value DistinctCounter#EXACT_LIMIT} distinct
 *       values (a delay in minutes, a distance, a count), a value → count table: the distinct count
 *       stays exact, and the KLL sketch is built at the end from the sorted (value, count) pairs by
 *       weighted updates with a re-seeded KLL, so even large files give repeatable quantiles;
 *   <li>beyond that, a streamed KLL sketch (k={@value Quantiles#K}, fed in blocks) and a
 *       HyperLogLog sketch (lgK={@value DistinctCounter#HLL_LG_K}) of the value hashes.
 * </ol>
 *
 * This replaces a per-value KLL update and a per-value distinct-set insert by one probe of a small
 * table for the common low-cardinality numeric column.
 */
final class NumericValues {
  static final int EXACT_VALUES = Quantiles.EXACT_LIMIT;
  static final int DISTINCT_LIMIT = DistinctCounter.EXACT_LIMIT;
  private static final int HLL_LG_K = DistinctCounter.HLL_LG_K;

  // stage 1
  private double[] values = new double[256];
  private int size;

  // stage 2: open addressing on the value hash; count 0 marks an empty slot
  private double[] keys;
  private long[] counts;
  private int distinct;

  // stage 3
  private KllDoublesSketch sketch;
  private HllSketch hll;
  private final double[] pending = new double[1024];
  private int pendingSize;
  private long lastHash;
  private boolean hasLast;

  /** Adds a finite value; {@code hash} is {@link DistinctCounter#hashNumber}(v). */
  void add(double v, long hash) {
    if (values != null) {
      if (size == values.length) {
        values = Arrays.copyOf(values, Math.min(size * 2, EXACT_VALUES + 1));
      }
      values[size++] = v;
      if (size > EXACT_VALUES) {
        toTable();
      }
    } else if (keys != null) {
      count(v, hash, 1);
    } else {
      stream(v, hash);
    }
  }

  private void stream(double v, long hash) {
    pending[pendingSize++] = v;
    if (pendingSize == pending.length) {
      flush();
    }
    if (!hasLast || hash != lastHash) {
      lastHash = hash;
      hasLast = true;
      hll.update(hash);
    }
  }

  private void flush() {
    if (pendingSize > 0) {
      sketch.update(pending, 0, pendingSize);
      pendingSize = 0;
    }
  }

  /** Stage 2: counts one more (value, weight); moves on to stage 3 when too many distinct. */
  private void count(double v, long hash, long weight) {
    int mask = keys.length - 1;
    int i = (int) hash & mask;
    long c;
    double key = v == 0 ? 0.0 : v;
    while ((c = counts[i]) != 0) {
      if (keys[i] == key) {
        counts[i] = c + weight;
        return;
      }
      i = (i + 1) & mask;
    }
    keys[i] = key;
    counts[i] = weight;
    if (++distinct * 2 > keys.length) {
      if (distinct > DISTINCT_LIMIT) {
        toStream();
      } else {
        growTable();
      }
    }
  }

  private void growTable() {
    double[] oldKeys = keys;
    long[] oldCounts = counts;
    keys = new double[oldKeys.length * 2];
    counts = new long[oldKeys.length * 2];
    int mask = keys.length - 1;
    for (int j = 0; j < oldKeys.length; j++) {
      if (oldCounts[j] != 0) {
        int i = (int) DistinctCounter.hashNumber(oldKeys[j]) & mask;
        while (counts[i] != 0) {
          i = (i + 1) & mask;
        }
        keys[i] = oldKeys[j];
        counts[i] = oldCounts[j];
      }
    }
  }

  /** Stage 1 → 2 (or straight on to 3 when the kept values have too many distinct). */
  private void toTable() {
    double[] kept = values;
    int n = size;
    values = null;
    size = 0;
    keys = new double[64];
    counts = new long[64];
    distinct = 0;
    for (int j = 0; j < n; j++) {
      double v = kept[j];
      if (keys != null) {
        count(v, DistinctCounter.hashNumber(v), 1);
      } else {
        stream(v, DistinctCounter.hashNumber(v));
      }
    }
  }

  /** Stage 2 → 3: the table's values go into the sketches with their counts. */
  private void toStream() {
    double[] oldKeys = keys;
    long[] oldCounts = counts;
    keys = null;
    counts = null;
    sketch = KllDoublesSketch.newHeapInstance(Quantiles.K);
    hll = new HllSketch(HLL_LG_K, TgtHllType.HLL_8);
    for (int j = 0; j < oldKeys.length; j++) {
      if (oldCounts[j] != 0) {
        addWeighted(oldKeys[j], oldCounts[j]);
      }
    }
  }

  /** Stage 3: one value with a weight. */
  private void addWeighted(double v, long weight) {
    if (weight == 1) {
      sketch.update(v);
    } else {
      sketch.update(v, weight);
    }
    hll.update(DistinctCounter.hashNumber(v));
  }

  /** Adds (value, weight) in whatever stage this is, past stage 1. */
  private void absorb(double v, long weight) {
    if (keys != null) {
      count(v, DistinctCounter.hashNumber(v), weight);
    } else {
      flush();
      addWeighted(v, weight);
    }
  }

  void merge(NumericValues other) {
    if (values != null && other.values != null && size + other.size <= EXACT_VALUES) {
      if (values.length < size + other.size) {
        values = Arrays.copyOf(values, Math.min(EXACT_VALUES + 1, Math.max(values.length * 2, size + other.size)));
      }
      System.arraycopy(other.values, 0, values, size, other.size);
      size += other.size;
      return;
    }
    if (values != null) {
      toTable();
    }
    if (other.values != null) {
      for (int j = 0; j < other.size; j++) {
        absorb(other.values[j], 1);
      }
    } else if (other.keys != null) {
      for (int j = 0; j < other.keys.length; j++) {
        if (other.counts[j] != 0) {
          absorb(other.keys[j], other.counts[j]);
        }
      }
    } else {
      if (keys != null) {
        toStream();
      }
      flush();
      other.flush();
      sketch.merge(other.sketch);
      Union union = new Union(HLL_LG_K);
      union.update(hll);
      union.update(other.hll);
      hll = union.getResult(TgtHllType.HLL_8);
    }
  }

  /** The quantile sketch of all values: repeatable unless the column had too many distinct. */
  KllDoublesSketch result() {
    if (values != null) {
      double[] sorted = Arrays.copyOf(values, size);
      Arrays.sort(sorted);
      return Quantiles.seeded(sk -> sk.update(sorted, 0, sorted.length));
    }
    if (keys != null) {
      double[] sorted = new double[distinct];
      int k = 0;
      for (int j = 0; j < keys.length; j++) {
        if (counts[j] != 0) {
          sorted[k++] = keys[j];
        }
      }
      Arrays.sort(sorted);
      return Quantiles.seeded(sk -> {
        for (double v : sorted) {
          long c = countOf(v);
          if (c == 1) {
            sk.update(v);
          } else {
            sk.update(v, c);
          }
        }
      });
    }
    flush();
    return sketch;
  }

  private long countOf(double key) {
    int mask = keys.length - 1;
    int i = (int) DistinctCounter.hashNumber(key) & mask;
    while (keys[i] != key || counts[i] == 0) {
      i = (i + 1) & mask;
    }
    return counts[i];
  }

  /** Distinct values: exact up to {@value DistinctCounter#EXACT_LIMIT}, estimated beyond. */
  long distinct() {
    if (values != null) {
      double[] sorted = Arrays.copyOf(values, size);
      Arrays.sort(sorted);
      int unique = 0;
      for (int j = 0; j < sorted.length; j++) {
        if (j == 0 || sorted[j] != sorted[j - 1]) {
          unique++;
        }
      }
      if (unique <= DISTINCT_LIMIT) {
        return unique;
      }
      HllSketch h = new HllSketch(HLL_LG_K, TgtHllType.HLL_8);
      for (int j = 0; j < sorted.length; j++) {
        if (j == 0 || sorted[j] != sorted[j - 1]) {
          h.update(DistinctCounter.hashNumber(sorted[j]));
        }
      }
      return Math.round(h.getEstimate());
    }
    if (keys != null) {
      return distinct;
    }
    return Math.round(hll.getEstimate());
  }
}
