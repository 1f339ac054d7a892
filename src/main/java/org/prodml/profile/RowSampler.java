package org.prodml.profile;

import java.util.ArrayList;
import java.util.List;
import org.prodml.data.ValueType;

/**
 * Gathers a {@link RowSample} while a dataset is profiled: a bounded, seeded sample of its rows,
 * for what needs the values of several columns of the same rows (pairwise feature correlations)
 * without a second read of the data.
 *
 * <p><b>Which rows.</b> Each row gets a priority, a seeded hash of its values, and the sample keeps
 * the rows of the lowest priorities ("bottom-k", as a Theta sketch keeps hashes). Distinct rows get
 * independent, uniform priorities, so the sample is a uniform random sample of the rows; copies of
 * one row share their priority and are in or out together. Because a row's priority depends on its
 * values alone, the sample does not depend on how the file was cut into parts, on the threads, or
 * on the order the parts merge in: the same data gives the same sample. Two samplers of two parts
 * merge into the sampler of the whole (the lowest priorities of both).
 *
 * <p><b>Bounded.</b> The sample holds at most {@link RowSample#ROWS} rows and {@link
 * RowSample#CELLS} values: a wide table gets fewer rows ({@code CELLS / columns}).
 *
 * <p><b>Layout.</b> Only numeric columns (their parsed value, NaN when missing or invalid) and
 * categorical or yes/no columns (their text, null when missing) are kept; time columns are not.
 * Slot {@code s} of {@code capacity} holds one row: {@code priority[s]}, {@code numbers[s *
 * numericWidth + j]} for the j-th numeric column and {@code texts[s * textWidth + j]} for the j-th
 * text column. A max-heap of slots by priority finds the row to replace.
 */
final class RowSampler {
  /** The seed of every row's priority: fixed, so a profile is repeatable. */
  static final long SEED = 0x5EED_0F_C0_77E1L;

  private final String[] numericNames;
  private final String[] textNames;
  private final int[] numericColumns;
  private final int[] textColumns;
  private final int capacity;

  private final long[] priority;
  private final double[] numbers;
  private final String[] texts;
  private final int[] heap; // slots, max-heap by priority
  private int size;
  private long rows;

  RowSampler(List<String> names, List<ValueType> types) {
    List<Integer> numeric = new ArrayList<>();
    List<Integer> text = new ArrayList<>();
    for (int i = 0; i < types.size(); i++) {
      ValueType.Kind kind = types.get(i).kind();
      if (kind == ValueType.Kind.NUMERIC) {
        numeric.add(i);
      } else if (kind == ValueType.Kind.CATEGORICAL || kind == ValueType.Kind.BOOLEAN) {
        text.add(i);
      }
    }
    numericColumns = numeric.stream().mapToInt(Integer::intValue).toArray();
    textColumns = text.stream().mapToInt(Integer::intValue).toArray();
    numericNames = numeric.stream().map(names::get).toArray(String[]::new);
    textNames = text.stream().map(names::get).toArray(String[]::new);
    int width = numericColumns.length + textColumns.length;
    capacity = width == 0 ? 0 : Math.max(1, Math.min(RowSample.ROWS, RowSample.CELLS / width));
    priority = new long[capacity];
    numbers = new double[capacity * numericColumns.length];
    texts = new String[capacity * textColumns.length];
    heap = new int[capacity];
  }

  /** The row just profiled, whose values the columns hold as their last ones. */
  void offer(long rowHash, ColumnAccumulator[] columns) {
    rows++;
    if (capacity == 0) {
      return;
    }
    long p = DistinctCounter.mix(rowHash ^ SEED);
    int slot = slotFor(p);
    if (slot < 0) {
      return;
    }
    int nw = numericColumns.length;
    for (int j = 0; j < nw; j++) {
      numbers[slot * nw + j] = columns[numericColumns[j]].lastNumber;
    }
    int tw = textColumns.length;
    for (int j = 0; j < tw; j++) {
      texts[slot * tw + j] = columns[textColumns[j]].lastText;
    }
  }

  /**
   * The slot a row of priority p goes to (a free one, or the one of the highest priority, which it
   * replaces), or -1 when the sample keeps its rows.
   */
  private int slotFor(long p) {
    if (size < capacity) {
      int slot = size++;
      priority[slot] = p;
      heap[slot] = slot;
      siftUp(slot);
      return slot;
    }
    int top = heap[0];
    if (Long.compareUnsigned(p, priority[top]) >= 0) {
      return -1;
    }
    priority[top] = p;
    siftDown(0);
    return top;
  }

  private void siftUp(int i) {
    int slot = heap[i];
    while (i > 0) {
      int parent = (i - 1) >>> 1;
      if (Long.compareUnsigned(priority[heap[parent]], priority[slot]) >= 0) {
        break;
      }
      heap[i] = heap[parent];
      i = parent;
    }
    heap[i] = slot;
  }

  private void siftDown(int i) {
    int slot = heap[i];
    while (true) {
      int child = 2 * i + 1;
      if (child >= size) {
        break;
      }
      if (child + 1 < size
          && Long.compareUnsigned(priority[heap[child + 1]], priority[heap[child]]) > 0) {
        child++;
      }
      if (Long.compareUnsigned(priority[heap[child]], priority[slot]) <= 0) {
        break;
      }
      heap[i] = heap[child];
      i = child;
    }
    heap[i] = slot;
  }

  /** Adds the rows of another part of the same data (the same columns). */
  void merge(RowSampler other) {
    rows += other.rows;
    int nw = numericColumns.length;
    int tw = textColumns.length;
    for (int s = 0; s < other.size; s++) {
      int slot = slotFor(other.priority[s]);
      if (slot >= 0) {
        System.arraycopy(other.numbers, s * nw, numbers, slot * nw, nw);
        System.arraycopy(other.texts, s * tw, texts, slot * tw, tw);
      }
    }
  }

  /** The sample, its rows in order of priority (a uniform sample's every prefix is one too). */
  RowSample result() {
    Integer[] order = new Integer[size];
    for (int s = 0; s < size; s++) {
      order[s] = s;
    }
    java.util.Arrays.sort(order, (a, b) -> Long.compareUnsigned(priority[a], priority[b]));
    int nw = numericColumns.length;
    int tw = textColumns.length;
    double[][] numericValues = new double[nw][size];
    String[][] textValues = new String[tw][size];
    for (int r = 0; r < size; r++) {
      int s = order[r];
      for (int j = 0; j < nw; j++) {
        numericValues[j][r] = numbers[s * nw + j];
      }
      for (int j = 0; j < tw; j++) {
        textValues[j][r] = texts[s * tw + j];
      }
    }
    return new RowSample(rows, size, numericNames, numericValues, textNames, textValues);
  }
}
