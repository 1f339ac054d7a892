package org.prodml.profile;

import java.util.List;
import org.apache.datasketches.kll.KllDoublesSketch;
import org.prodml.data.ValueType;
import org.prodml.data.Values;

/**
 * One column's running profile, in bounded memory whatever the row count: counts, moments (Welford,
 * merged with Chan's formula), a KLL quantile sketch for ordered kinds, a distinct counter, and a
 * category counter for categorical kinds. Accumulators of two parts of a file merge into the
 * accumulator of the whole.
 */
final class ColumnAccumulator {
  private static final long MISSING_HASH = 0x9E3779B97F4A7C15L;

  final String name;
  final ValueType type;
  private final String[] missingMarkers;
  private final boolean[] markerStart = new boolean[128];

  long count;
  long missing;
  long nan;
  long inf;
  long invalid;
  String invalidExample;
  long invalidLine = -1;

  private long n;
  private double mean;
  private double m2;
  private double min = Double.POSITIVE_INFINITY;
  private double max = Double.NEGATIVE_INFINITY;
  private long zeros;

  /**
   * Values of ordered columns: quantiles and distinct count (categorical ones use the category
   * counter).
   */
  private final NumericValues quantiles;

  private final CategoryCounter categories;

  /** The last parsed value of this column in the current row: number, or category text. */
  double lastNumber;

  String lastText;

  /** A hash of the last raw value, for duplicate-row detection. */
  long lastHash;

  // Time columns repeat their date part row after row: parse it once.
  private final char[] lastDate = new char[10];
  private double lastDateSeconds = Double.NaN;

  /** An accumulator of one of {@code orderedColumns} ordered columns, for memory shares. */
  ColumnAccumulator(String name, ValueType type, String[] missingMarkers, int orderedColumns) {
    this.name = name;
    this.type = type;
    this.missingMarkers = missingMarkers;
    for (String m : missingMarkers) {
      if (!m.isEmpty() && m.charAt(0) < 128) {
        markerStart[m.charAt(0)] = true;
      }
    }
    this.quantiles = type.kind().ordered() ? NumericValues.ofOneOf(orderedColumns) : null;
    this.categories = type.kind().ordered() ? null : new CategoryCounter();
  }

  /** Takes one raw field; remembers its parsed value in lastNumber / lastText. */
  void acceptText(char[] b, int off, int len, long line) {
    count++;
    lastText = null;
    lastNumber = Double.NaN;
    if (isMissing(b, off, len)) {
      missing++;
      lastHash = MISSING_HASH;
      return;
    }
    switch (type.kind()) {
      case NUMERIC -> {
        double v = Values.parseDouble(b, off, len);
        lastHash = DistinctCounter.hashNumber(v);
        if (Double.isNaN(v)) {
          if (Values.isNaNText(b, off, len)) {
            nan++;
          } else {
            lastHash = hash(b, off, len);
            invalid(b, off, len, line);
          }
          return;
        }
        if (type != ValueType.DOUBLE && !Double.isInfinite(v) && v != Math.rint(v)) {
          invalid(b, off, len, line);
          return;
        }
        addNumber(v);
      }
      case DATETIME -> {
        double v = parseTime(b, off, len);
        lastHash = DistinctCounter.hashNumber(v);
        if (Double.isNaN(v)) {
          lastHash = hash(b, off, len);
          invalid(b, off, len, line);
          return;
        }
        addNumber(v);
      }
      case BOOLEAN -> {
        lastHash = hash(b, off, len);
        double v = Values.parseBoolean(b, off, len);
        if (Double.isNaN(v)) {
          invalid(b, off, len, line);
          return;
        }
        char[] text = v == 1 ? TRUE : FALSE;
        addCategory(text, 0, text.length, v == 1 ? 1 : 2);
        lastNumber = v;
      }
      case CATEGORICAL -> {
        lastHash = hash(b, off, len);
        addCategory(b, off, len, lastHash);
      }
    }
  }

  private static final char[] TRUE = "true".toCharArray();
  private static final char[] FALSE = "false".toCharArray();

  private double parseTime(char[] b, int off, int len) {
    if (len < 10) {
      return Double.NaN;
    }
    double day;
    if (!Double.isNaN(lastDateSeconds) && sameDate(b, off)) {
      day = lastDateSeconds;
    } else {
      day = Values.parseDateSeconds(b, off);
      if (Double.isNaN(day)) {
        return Double.NaN;
      }
      System.arraycopy(b, off, lastDate, 0, 10);
      lastDateSeconds = day;
    }
    return len == 10 ? day : day + Values.parseTimeOfDay(b, off + 10, len - 10);
  }

  private boolean sameDate(char[] b, int off) {
    int diff =
        0; // no early exit: a branch per character would recompile whenever a new one first differs
    for (int i = 0; i < 10; i++) {
      diff |= b[off + i] ^ lastDate[i];
    }
    return diff == 0;
  }

  /** Takes a value already typed (from an in-memory table); NaN counts as NaN, not missing. */
  void acceptNumber(double v) {
    count++;
    lastText = null;
    lastNumber = Double.NaN;
    lastHash = DistinctCounter.hashNumber(v);
    if (Double.isNaN(v)) {
      nan++;
      return;
    }
    addNumber(v);
  }

  void acceptMissing() {
    count++;
    missing++;
    lastText = null;
    lastNumber = Double.NaN;
    lastHash = MISSING_HASH;
  }

  void acceptCategory(String value) {
    count++;
    lastNumber = Double.NaN;
    char[] chars = value.toCharArray();
    lastHash = hash(chars, 0, chars.length);
    if (type == ValueType.BOOLEAN) {
      lastNumber = Boolean.parseBoolean(value) ? 1 : 0;
    }
    addCategory(chars, 0, chars.length, lastHash);
  }

  private void addNumber(double v) {
    if (Double.isInfinite(v)) {
      inf++;
      return;
    }
    lastNumber = v;
    n++;
    double delta = v - mean;
    mean += delta / n;
    m2 += delta * (v - mean);
    if (v < min) {
      min = v;
    }
    if (v > max) {
      max = v;
    }
    if (v == 0) {
      zeros++;
    }
    quantiles.add(v);
  }

  private void addCategory(char[] b, int off, int len, long hash) {
    n++;
    lastText = categories.add(b, off, len, hash); // the category counter counts distinct values too
  }

  private void invalid(char[] b, int off, int len, long line) {
    invalid++;
    if (invalidExample == null) {
      invalidExample = new String(b, off, Math.min(len, 80));
      invalidLine = line;
    }
  }

  private boolean isMissing(char[] b, int off, int len) {
    if (len == 0) {
      return true;
    }
    char first = b[off];
    if (len > 4 || first >= 128 || !markerStart[first]) {
      return false;
    }
    outer:
    for (String marker : missingMarkers) {
      if (marker.length() != len) {
        continue;
      }
      for (int i = 0; i < len; i++) {
        if (marker.charAt(i) != b[off + i]) {
          continue outer;
        }
      }
      return true;
    }
    return false;
  }

  static long hash(char[] b, int off, int len) {
    long h = 0xcbf29ce484222325L;
    for (int i = off; i < off + len; i++) {
      h = (h ^ b[i]) * 0x100000001b3L;
    }
    h ^= h >>> 33;
    h *= 0xff51afd7ed558ccdL;
    return h ^ (h >>> 33);
  }

  /** Adds another part of the same column (Chan's parallel moments; sketch unions). */
  void merge(ColumnAccumulator other) {
    count += other.count;
    missing += other.missing;
    nan += other.nan;
    inf += other.inf;
    if (invalidExample == null && other.invalidExample != null) {
      invalidExample = other.invalidExample;
      invalidLine = other.invalidLine;
    }
    invalid += other.invalid;
    if (other.n > 0) {
      long total = n + other.n;
      double delta = other.mean - mean;
      m2 += other.m2 + delta * delta * n * other.n / total;
      mean += delta * other.n / total;
      n = total;
    }
    min = Math.min(min, other.min);
    max = Math.max(max, other.max);
    zeros += other.zeros;
    if (quantiles != null) {
      quantiles.merge(other.quantiles);
    }
    if (categories != null) {
      categories.merge(other.categories);
    }
  }

  ColumnProfile toProfile() {
    long distinctCount =
        n == 0
            ? 0
            : Math.max(
                1, Math.min(categories != null ? categories.distinct() : quantiles.distinct(), n));
    NumericSummary numeric = null;
    Histogram histogram = null;
    byte[] quantileBytes = null;
    List<ValueCount> frequencies = List.of();
    boolean complete = false;
    if (quantiles != null && n > 0) {
      KllDoublesSketch sketch = quantiles.result();
      double stddev = n > 1 ? Math.sqrt(m2 / (n - 1)) : 0;
      numeric = NumericSummary.of(min, max, mean, stddev, zeros, sketch);
      histogram = Histogram.of(sketch, min, max, Histogram.DEFAULT_BINS, n);
      quantileBytes = sketch.toByteArray();
    }
    if (categories != null && n > 0) {
      List<ValueCount> all = categories.frequencies();
      complete = categories.isExact() && all.size() <= ColumnProfile.MAX_VALUES;
      frequencies =
          all.size() > ColumnProfile.MAX_VALUES ? all.subList(0, ColumnProfile.MAX_VALUES) : all;
    }
    return new ColumnProfile(
        name,
        type,
        count,
        missing,
        nan,
        inf,
        invalid,
        invalidExample,
        invalidLine,
        distinctCount,
        numeric,
        histogram,
        List.copyOf(frequencies),
        complete,
        quantileBytes);
  }
}
