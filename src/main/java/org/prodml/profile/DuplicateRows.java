package org.prodml.profile;

/**
 * Counts duplicate rows from 64-bit row hashes in bounded memory. Every row whose hash falls below
 * a threshold is counted in a hash → count map; while the map holds at most {@value #CAPACITY}
 * distinct rows the threshold is the whole hash space and the count is exact. When it overflows,
 * the threshold halves and rows above it are dropped (adaptive hash sampling, as in a Theta
 * sketch): duplicates among the sampled rows, scaled by the sampling rate, estimate the duplicates
 * of the whole data.
 *
 * <p>Each kept hash also remembers the first line it was seen on, so two files' tables tell which
 * rows of one repeat rows of the other, with example lines ({@link #overlap}). The sampling is by
 * hash value, the same for every file, so two sampled tables still meet on the same rows: the
 * overlap among the rows both keep, scaled by the sampling rate, estimates the whole overlap.
 */
final class DuplicateRows {
  static final int CAPACITY = 1 << 17;

  /**
   * Open addressing on the (well mixed) row hash, at most half full (growing up to twice the
   * capacity, so a small file does not pay for the full table); a count of 0 marks an empty slot.
   */
  private static final int SLOTS = CAPACITY << 1;

  private long[] keys = new long[1 << 10];
  private int[] counts = new int[1 << 10];
  private long[] lines = new long[1 << 10];
  private int size;

  /** Rows are sampled when (hash >>> 1) < threshold; Long.MAX_VALUE samples every row. */
  private long threshold = Long.MAX_VALUE;

  private long sampledRows;

  /**
   * Row hashes wait here and go into the table {@value #BLOCK} at a time: the per-row path is one
   * store, so the JIT's code for it does not change when the sampling starts.
   */
  private static final int BLOCK = 1024;

  private final long[] block = new long[BLOCK];
  private final long[] blockLines = new long[BLOCK];
  private int blockSize;

  /** One row: its hash and the line it starts on (counted from the part's start). */
  void add(long hash, long line) {
    blockLines[blockSize] = line;
    block[blockSize++] = hash;
    if (blockSize == BLOCK) {
      drain();
    }
  }

  private void drain() {
    for (int i = 0; i < blockSize; i++) {
      long hash = block[i];
      if (threshold == Long.MAX_VALUE || (hash >>> 1) < threshold) {
        sampledRows++;
        addTo(hash, 1, blockLines[i]);
      }
    }
    blockSize = 0;
  }

  /** Adds {@code offset} to every line remembered: a part's lines become the file's. */
  void shiftLines(long offset) {
    drain();
    if (offset == 0) {
      return;
    }
    for (int j = 0; j < keys.length; j++) {
      if (counts[j] != 0) {
        lines[j] += offset;
      }
    }
  }

  /**
   * Counts {@code count} more rows of this hash, halving the sample while the table is over
   * capacity.
   */
  private void addTo(long hash, int count, long line) {
    int mask = keys.length - 1;
    int i = (int) hash & mask;
    int c;
    while ((c = counts[i]) != 0) {
      if (keys[i] == hash) {
        counts[i] = c + count;
        lines[i] = Math.min(lines[i], line);
        return;
      }
      i = (i + 1) & mask;
    }
    keys[i] = hash;
    counts[i] = count;
    lines[i] = line;
    size++;
    if (size * 2 > keys.length && keys.length < SLOTS) {
      rebuild(keys.length * 2);
    }
    while (size > CAPACITY) {
      halve();
    }
  }

  /**
   * Halves the sampled share of the hash space: the rows above the new threshold leave the table.
   */
  private void halve() {
    threshold = threshold == Long.MAX_VALUE ? 1L << 62 : threshold >>> 1;
    rebuild(keys.length);
  }

  /** Re-inserts the rows still sampled into a table of {@code slots} slots. */
  private void rebuild(int slots) {
    long[] oldKeys = keys;
    int[] oldCounts = counts;
    long[] oldLines = lines;
    keys = new long[slots];
    counts = new int[slots];
    lines = new long[slots];
    size = 0;
    int mask = slots - 1;
    for (int j = 0; j < oldKeys.length; j++) {
      int c = oldCounts[j];
      if (c != 0) {
        long hash = oldKeys[j];
        if (threshold != Long.MAX_VALUE && (hash >>> 1) >= threshold) {
          sampledRows -= c;
        } else {
          int i = (int) hash & mask;
          while (counts[i] != 0) {
            i = (i + 1) & mask;
          }
          keys[i] = hash;
          counts[i] = c;
          lines[i] = oldLines[j];
          size++;
        }
      }
    }
  }

  void merge(DuplicateRows other) {
    drain();
    other.drain();
    while (threshold > other.threshold) {
      halve();
    }
    for (int j = 0; j < other.keys.length; j++) {
      int c = other.counts[j];
      long hash = other.keys[j];
      if (c != 0 && (threshold == Long.MAX_VALUE || (hash >>> 1) < threshold)) {
        sampledRows += c;
        addTo(hash, c, other.lines[j]);
      }
    }
  }

  boolean isExact() {
    drain();
    return threshold == Long.MAX_VALUE;
  }

  /** Rows that repeat an earlier row: exact, or estimated from the sample. */
  long duplicates() {
    drain();
    long sampledDuplicates = sampledRows - size;
    if (isExact()) {
      return sampledDuplicates;
    }
    double rate = (double) threshold / (1L << 62) / 2; // share of hash space sampled
    return Math.round(sampledDuplicates / rate);
  }

  /** The share of the hash space this table keeps (1 while exact). */
  private double rate() {
    return threshold == Long.MAX_VALUE ? 1 : (double) threshold / (1L << 62) / 2;
  }

  private int slot(long hash) {
    int mask = keys.length - 1;
    int i = (int) hash & mask;
    int c;
    while ((c = counts[i]) != 0) {
      if (keys[i] == hash) {
        return i;
      }
      i = (i + 1) & mask;
    }
    return -1;
  }

  /**
   * Rows of {@code current} that repeat a row of {@code reference}: their count (estimated from the
   * rows both keep when either sampled), and up to {@code examples} pairs of lines, current first,
   * earliest current lines first.
   */
  static Overlap overlap(DuplicateRows reference, DuplicateRows current, int examples) {
    reference.drain();
    current.drain();
    long common = Math.min(reference.threshold, current.threshold);
    long rows = 0;
    java.util.List<long[]> pairs = new java.util.ArrayList<>();
    for (int j = 0; j < current.keys.length; j++) {
      int c = current.counts[j];
      long hash = current.keys[j];
      if (c == 0 || (common != Long.MAX_VALUE && (hash >>> 1) >= common)) {
        continue;
      }
      int r = reference.slot(hash);
      if (r >= 0) {
        rows += c;
        pairs.add(new long[] {current.lines[j], reference.lines[r]});
      }
    }
    pairs.sort((a, b) -> Long.compare(a[0], b[0]));
    double rate = common == Long.MAX_VALUE ? 1 : Math.min(reference.rate(), current.rate());
    return new Overlap(
        Math.round(rows / rate),
        common == Long.MAX_VALUE,
        pairs.subList(0, Math.min(examples, pairs.size())));
  }

  /** Rows repeating another table's rows, whether counted exactly, and example line pairs. */
  record Overlap(long rows, boolean exact, java.util.List<long[]> examples) {}
}
