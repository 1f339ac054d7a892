package org.prodml.profile;

/**
 * A small open-addressing set of 64-bit hashes that are already well mixed (the profiler's value
 * hashes): linear probing on the low bits, no re-mixing, no boxing. Zero marks an empty slot, so
 * the hash 0 is kept apart.
 */
final class LongSet {
  private long[] slots;
  private int size;
  private boolean hasZero;

  LongSet(int expected) {
    slots = new long[Integer.highestOneBit(Math.max(16, expected * 2 - 1)) << 1];
  }

  /** Adds the hash; true when it was new. */
  boolean add(long hash) {
    if (hash == 0) {
      if (hasZero) {
        return false;
      }
      hasZero = true;
      size++;
      return true;
    }
    int mask = slots.length - 1;
    int i = (int) hash & mask;
    long current;
    while ((current = slots[i]) != 0) {
      if (current == hash) {
        return false;
      }
      i = (i + 1) & mask;
    }
    slots[i] = hash;
    if (++size * 2 > slots.length) {
      grow();
    }
    return true;
  }

  private void grow() {
    long[] old = slots;
    slots = new long[old.length * 2];
    int mask = slots.length - 1;
    for (long h : old) {
      if (h != 0) {
        int i = (int) h & mask;
        while (slots[i] != 0) {
          i = (i + 1) & mask;
        }
        slots[i] = h;
      }
    }
  }

  int size() {
    return size;
  }

  /** Calls the consumer with every hash in the set. */
  void forEach(java.util.function.LongConsumer consumer) {
    if (hasZero) {
      consumer.accept(0);
    }
    for (long h : slots) {
      if (h != 0) {
        consumer.accept(h);
      }
    }
  }
}
