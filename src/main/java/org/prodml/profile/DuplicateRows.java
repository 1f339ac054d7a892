package org.prodml.profile;

import it.unimi.dsi.fastutil.longs.Long2IntMap;
import it.unimi.dsi.fastutil.longs.Long2IntOpenHashMap;
import it.unimi.dsi.fastutil.objects.ObjectIterator;

/**
 * Counts duplicate rows from 64-bit row hashes in bounded memory. Every row whose hash falls below
 * a threshold is counted in a hash → count map; while the map holds at most
 * {@value #CAPACITY} distinct rows the threshold is the whole hash space and the count is exact.
 * When it overflows, the threshold halves and rows above it are dropped (adaptive hash sampling,
 * as in a Theta sketch): duplicates among the sampled rows, scaled by the sampling rate, estimate
 * the duplicates of the whole data.
 */
final class DuplicateRows {
  static final int CAPACITY = 1 << 17;

  // sized for CAPACITY rows from the start: no rehash while it fills, no shrinking when it halves
  private Long2IntOpenHashMap counts = new Long2IntOpenHashMap(CAPACITY);
  /** Rows are sampled when (hash >>> 1) < threshold; Long.MAX_VALUE samples every row. */
  private long threshold = Long.MAX_VALUE;
  private long sampledRows;
  /**
   * Row hashes wait here and go into the map {@value #BLOCK} at a time: the per-row path is one
   * store, so the JIT's code for it does not change when the sampling starts.
   */
  private static final int BLOCK = 1024;
  private final long[] block = new long[BLOCK];
  private int blockSize;

  void add(long hash) {
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
        counts.addTo(hash, 1);
        while (counts.size() > CAPACITY) {
          halve();
        }
      }
    }
    blockSize = 0;
  }

  private void halve() {
    threshold = threshold == Long.MAX_VALUE ? 1L << 62 : threshold >>> 1;
    for (ObjectIterator<Long2IntMap.Entry> it = counts.long2IntEntrySet().fastIterator(); it.hasNext(); ) {
      Long2IntMap.Entry e = it.next();
      if ((e.getLongKey() >>> 1) >= threshold) {
        sampledRows -= e.getIntValue();
        it.remove();
      }
    }
  }

  void merge(DuplicateRows other) {
    drain();
    other.drain();
    while (threshold > other.threshold) {
      halve();
    }
    for (ObjectIterator<Long2IntMap.Entry> it = other.counts.long2IntEntrySet().fastIterator(); it.hasNext(); ) {
      Long2IntMap.Entry e = it.next();
      if (threshold == Long.MAX_VALUE || (e.getLongKey() >>> 1) < threshold) {
        counts.addTo(e.getLongKey(), e.getIntValue());
        sampledRows += e.getIntValue();
      }
    }
    while (counts.size() > CAPACITY) {
      halve();
    }
  }

  boolean isExact() {
    drain();
    return threshold == Long.MAX_VALUE;
  }

  /** Rows that repeat an earlier row: exact, or estimated from the sample. */
  long duplicates() {
    drain();
    long sampledDuplicates = sampledRows - counts.size();
    if (isExact()) {
      return sampledDuplicates;
    }
    double rate = (double) threshold / (1L << 62) / 2; // share of hash space sampled
    return Math.round(sampledDuplicates / rate);
  }
}
