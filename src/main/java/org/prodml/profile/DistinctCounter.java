package org.prodml.profile;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
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

  private LongSet exact = new LongSet(64);
  private HllSketch sketch;

  /** The previous hash: sorted or repeated values (a time column, a run of zeros) skip the set. */
  private long last;

  private boolean hasLast;

  void add(long hash) {
    if (hasLast && hash == last) {
      return;
    }
    last = hash;
    hasLast = true;
    if (exact != null) {
      if (exact.add(hash) && exact.size() > EXACT_LIMIT) {
        toSketch();
      }
    } else {
      sketch.update(hash);
    }
  }

  private void toSketch() {
    HllSketch fresh = new HllSketch(HLL_LG_K, TgtHllType.HLL_8);
    exact.forEach(fresh::update);
    sketch = fresh;
    exact = null;
  }

  void merge(DistinctCounter other) {
    if (exact != null && other.exact != null) {
      other.exact.forEach(exact::add);
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
      HllSketch fromExact = new HllSketch(HLL_LG_K, TgtHllType.HLL_8);
      other.exact.forEach(fromExact::update);
      theirs = fromExact;
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

  /**
   * A well-mixed hash of a number (equal values, equal hashes; -0.0 and 0.0 alike). Whole numbers
   * have dozens of trailing zero bits, so every bit must be mixed into the low ones a hash table
   * indexes by (MurmurHash3's 64-bit finalizer).
   */
  static long hashNumber(double v) {
    return mix(Double.doubleToLongBits(v == 0 ? 0.0 : v));
  }

  static long mix(long z) {
    z = (z ^ (z >>> 33)) * 0xff51afd7ed558ccdL;
    z = (z ^ (z >>> 33)) * 0xc4ceb9fe1a85ec53L;
    return z ^ (z >>> 33);
  }

  /** Writes the exact hashes, or the HyperLogLog sketch's own bytes. */
  void write(DataOutput out) throws IOException {
    if (exact != null) {
      out.writeByte(1);
      out.writeInt(exact.size());
      LongSetWriter writer = new LongSetWriter(out);
      exact.forEach(writer);
      if (writer.failure != null) {
        throw writer.failure;
      }
    } else {
      out.writeByte(2);
      PartialProfile.writeBytes(out, sketch.toCompactByteArray());
    }
  }

  /** Reads what {@link #write} wrote. */
  static DistinctCounter read(DataInput in) throws IOException {
    DistinctCounter d = new DistinctCounter();
    int form = in.readByte();
    if (form == 1) {
      int n = in.readInt();
      for (int j = 0; j < n; j++) {
        d.exact.add(in.readLong());
      }
    } else if (form == 2) {
      d.exact = null;
      d.sketch = HllSketch.heapify(PartialProfile.readBytes(in));
    } else {
      throw new IOException("unknown form " + form + " of a distinct count");
    }
    return d;
  }

  /** Writes hashes from a LongConsumer, keeping the first write failure. */
  private static final class LongSetWriter implements java.util.function.LongConsumer {
    private final DataOutput out;
    IOException failure;

    LongSetWriter(DataOutput out) {
      this.out = out;
    }

    @Override
    public void accept(long hash) {
      if (failure == null) {
        try {
          out.writeLong(hash);
        } catch (IOException e) {
          failure = e;
        }
      }
    }
  }
}
