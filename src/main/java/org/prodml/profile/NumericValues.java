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
 * table for the common low-cardinality numeric column. A table of more than 128 ordered columns
 * gives each a smaller share of the limits of stages 1 and 2 ({@link #PART_VALUES}).
 */
final class NumericValues {
  static final int EXACT_VALUES = Quantiles.EXACT_LIMIT;
  static final int DISTINCT_LIMIT = DistinctCounter.EXACT_LIMIT;
  private static final int HLL_LG_K = DistinctCounter.HLL_LG_K;

  /**
   * The values the ordered columns of one part of a file may keep together (64 MB), in stage 1;
   * stage 2 tables get an eighth of it in distinct values. Up to 128 ordered columns each keeps
   * {@value #EXACT_VALUES} values and {@value #DISTINCT_LIMIT} distinct ones; a wider table's
   * columns keep fewer and move on to the sketches sooner, so that memory does not grow with the
   * width times the rows.
   */
  static final int PART_VALUES = 1 << 23;

  /** This column's share: values kept in stage 1, distinct values counted in stage 2. */
  private final int exactValues;

  private final int tableLimit;

  /**
   * Values arrive here; every {@value #BLOCK} of them go on to the current stage together. The per
   * value path is then one store whatever the stage, so the JIT's code for it never meets a branch
   * it had not seen when a column moves on to the next stage (which would make it recompile).
   */
  private static final int BLOCK = 1024;

  private final double[] block = new double[BLOCK];
  private int blockSize;

  // stage 1
  private double[] values = new double[BLOCK];
  private int size;
  private boolean
      sorted; // values[0, size) are in order: the result and the distinct count share one sort

  // stage 2: open addressing on the value hash; count 0 marks an empty slot
  private double[] keys;
  private long[] counts;
  private int distinct;

  // stage 3
  private KllDoublesSketch sketch;
  private HllSketch hll;
  private long lastHash;
  private boolean hasLast;

  NumericValues() {
    this(EXACT_VALUES, DISTINCT_LIMIT);
  }

  NumericValues(int exactValues, int tableLimit) {
    this.exactValues = exactValues;
    this.tableLimit = tableLimit;
  }

  /** The values of one of {@code orderedColumns} ordered columns of a part, with its share. */
  static NumericValues ofOneOf(int orderedColumns) {
    int columns = Math.max(1, orderedColumns);
    return new NumericValues(
        Math.min(EXACT_VALUES, Math.max(BLOCK, PART_VALUES / columns)),
        Math.min(DISTINCT_LIMIT, Math.max(BLOCK / 4, PART_VALUES / 8 / columns)));
  }

  /** Adds a finite value. */
  void add(double v) {
    block[blockSize++] = v;
    if (blockSize == BLOCK) {
      drain();
    }
  }

  /** Moves the block's values on to the current stage. */
  private void drain() {
    int n = blockSize;
    blockSize = 0;
    if (n > 0) {
      take(block, 0, n);
    }
  }

  /** Adds values[from, to) (each with weight 1) in whatever stage this is. */
  private void take(double[] v, int from, int to) {
    if (values != null) {
      int n = to - from;
      if (size + n > values.length) {
        values = Arrays.copyOf(values, Math.max(values.length * 2, size + n));
      }
      System.arraycopy(v, from, values, size, n);
      size += n;
      sorted = false;
      if (size > exactValues) {
        toTable();
      }
      return;
    }
    int i = from;
    while (i < to && keys != null) {
      double x = v[i++];
      count(x, DistinctCounter.hashNumber(x), 1);
    }
    if (i < to) {
      stream(v, i, to);
    }
  }

  /** Stage 3: values[from, to) into the sketches. */
  private void stream(double[] v, int from, int to) {
    sketch.update(v, from, to - from);
    for (int i = from; i < to; i++) {
      long hash = DistinctCounter.hashNumber(v[i]);
      if (!hasLast || hash != lastHash) { // sorted or repeated values skip the sketch
        lastHash = hash;
        hasLast = true;
        hll.update(hash);
      }
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
      if (distinct > tableLimit) {
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
    take(kept, 0, n);
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
      addWeighted(v, weight);
    }
  }

  void merge(NumericValues other) {
    drain();
    other.drain();
    if (values != null && other.values != null && size + other.size <= exactValues) {
      take(other.values, 0, other.size);
      return;
    }
    if (values != null) {
      toTable();
    }
    if (other.values != null) {
      if (keys != null) {
        take(other.values, 0, other.size);
      } else {
        for (int j = 0; j < other.size; j++) {
          addWeighted(other.values[j], 1);
        }
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
      sketch.merge(other.sketch);
      Union union = new Union(HLL_LG_K);
      union.update(hll);
      union.update(other.hll);
      hll = union.getResult(TgtHllType.HLL_8);
    }
  }

  /** The quantile sketch of all values: repeatable unless the column had too many distinct. */
  KllDoublesSketch result() {
    drain();
    if (values != null) {
      double[] kept = sortedValues();
      return Quantiles.seeded(sk -> sk.update(kept, 0, size));
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
      return Quantiles.seeded(
          sk -> {
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
    return sketch;
  }

  /** The kept values (stage 1), sorted in place once. */
  private double[] sortedValues() {
    if (!sorted) {
      Arrays.sort(values, 0, size);
      sorted = true;
    }
    return values;
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
    drain();
    if (values != null) {
      double[] sorted = sortedValues();
      int unique = 0;
      for (int j = 0; j < size; j++) {
        if (j == 0 || sorted[j] != sorted[j - 1]) {
          unique++;
        }
      }
      if (unique <= DISTINCT_LIMIT) {
        return unique;
      }
      HllSketch h = new HllSketch(HLL_LG_K, TgtHllType.HLL_8);
      for (int j = 0; j < size; j++) {
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
