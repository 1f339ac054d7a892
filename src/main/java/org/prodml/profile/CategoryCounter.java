package org.prodml.profile;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.datasketches.common.ArrayOfStringsSerDe;
import org.apache.datasketches.frequencies.ErrorType;
import org.apache.datasketches.frequencies.ItemsSketch;
import org.apache.datasketches.memory.Memory;

/**
 * Counts categorical values. While a column has at most {@value #EXACT_LIMIT} distinct values the
 * counts are exact, in an open-addressing table keyed by a 64-bit hash of the raw characters, so a
 * repeated value costs no String. Beyond that, a frequent-items sketch keeps the heavy hitters with
 * error bounds.
 */
final class CategoryCounter {
  static final int EXACT_LIMIT = 2000;
  static final int ITEMS_MAP = 2048;
  private static final int CAPACITY = 4096; // power of two, load stays under one half

  private long[] keys = new long[CAPACITY];
  private long[] counts = new long[CAPACITY];
  private String[] values = new String[CAPACITY];
  private int size;
  private ItemsSketch<String> sketch;

  /** Distinct values once the exact table is gone (an HLL over value hashes). */
  private DistinctCounter distinct;

  /** Adds one occurrence; returns the value's String (shared across occurrences when exact). */
  String add(char[] b, int off, int len, long hash) {
    if (sketch != null) {
      String v = new String(b, off, len);
      sketch.update(v);
      distinct.add(hash);
      return v;
    }
    int slot = slot(hash);
    if (values[slot] == null) {
      values[slot] = new String(b, off, len);
      keys[slot] = hash;
      size++;
    }
    counts[slot]++;
    String v = values[slot];
    if (size > EXACT_LIMIT) {
      toSketch();
    }
    return v;
  }

  void add(String value, long hash, long count) {
    if (sketch != null) {
      sketch.update(value, count);
      distinct.add(hash);
      return;
    }
    int slot = slot(hash);
    if (values[slot] == null) {
      values[slot] = value;
      keys[slot] = hash;
      size++;
    }
    counts[slot] += count;
    if (size > EXACT_LIMIT) {
      toSketch();
    }
  }

  private int slot(long hash) {
    int mask = CAPACITY - 1;
    int i = (int) (hash ^ (hash >>> 32)) & mask;
    while (values[i] != null && keys[i] != hash) {
      i = (i + 1) & mask;
    }
    return i;
  }

  private void toSketch() {
    sketch = new ItemsSketch<>(ITEMS_MAP);
    distinct = new DistinctCounter();
    for (int i = 0; i < CAPACITY; i++) {
      if (values[i] != null) {
        sketch.update(values[i], counts[i]);
        distinct.add(keys[i]);
      }
    }
    keys = null;
    counts = null;
    values = null;
  }

  void merge(CategoryCounter other) {
    if (other.sketch != null) {
      if (sketch == null) {
        toSketch();
      }
      sketch.merge(other.sketch);
      distinct.merge(other.distinct);
      return;
    }
    for (int i = 0; i < CAPACITY; i++) {
      if (other.values[i] != null) {
        add(other.values[i], other.keys[i], other.counts[i]);
      }
    }
  }

  boolean isExact() {
    return sketch == null;
  }

  /** Distinct values: exact while counted exactly, estimated after. */
  long distinct() {
    return sketch == null ? size : distinct.estimate();
  }

  /** Values with their counts (estimates once the sketch took over), most frequent first. */
  List<ValueCount> frequencies() {
    List<ValueCount> all = new ArrayList<>();
    if (sketch == null) {
      for (int i = 0; i < CAPACITY; i++) {
        if (values[i] != null) {
          all.add(new ValueCount(values[i], counts[i]));
        }
      }
    } else {
      for (ItemsSketch.Row<String> row : sketch.getFrequentItems(0, ErrorType.NO_FALSE_NEGATIVES)) {
        all.add(new ValueCount(row.getItem(), row.getEstimate()));
      }
    }
    all.sort(
        java.util.Comparator.comparingLong(ValueCount::count)
            .reversed()
            .thenComparing(ValueCount::value));
    return all;
  }

  /**
   * Writes the counts in the partial-profile byte format: the exact (hash, count, value) entries,
   * or the frequent-items sketch's own bytes and the distinct counter.
   */
  void write(DataOutput out) throws IOException {
    if (sketch == null) {
      out.writeByte(1);
      out.writeInt(size);
      for (int i = 0; i < CAPACITY; i++) {
        if (values[i] != null) {
          out.writeLong(keys[i]);
          out.writeLong(counts[i]);
          PartialProfile.writeString(out, values[i]);
        }
      }
    } else {
      out.writeByte(2);
      PartialProfile.writeBytes(out, sketch.toByteArray(new ArrayOfStringsSerDe()));
      distinct.write(out);
    }
  }

  /** Reads what {@link #write} wrote. */
  static CategoryCounter read(DataInput in) throws IOException {
    CategoryCounter c = new CategoryCounter();
    int form = in.readByte();
    if (form == 1) {
      int n = in.readInt();
      for (int j = 0; j < n; j++) {
        long hash = in.readLong();
        long count = in.readLong();
        c.add(PartialProfile.readString(in), hash, count);
      }
    } else if (form == 2) {
      c.keys = null;
      c.counts = null;
      c.values = null;
      c.sketch =
          ItemsSketch.getInstance(
              Memory.wrap(PartialProfile.readBytes(in)), new ArrayOfStringsSerDe());
      c.distinct = DistinctCounter.read(in);
    } else {
      throw new IOException("unknown form " + form + " of a column's categories");
    }
    return c;
  }
}
