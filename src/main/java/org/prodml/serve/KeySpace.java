package org.prodml.serve;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.prodml.transform.Frame;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/**
 * The keys of a static prediction table (an origin airport, a route) and how often each occurs in
 * the data the table is built from. Rare keys are the long tail: few rows, many distinct values,
 * and together a large share of requests.
 */
public final class KeySpace {
  /** Keys seen fewer times than this in the key-space data count as the tail. */
  public static final int TAIL_BELOW = 5;

  /** Bands of key frequency in the key-space data, for coverage by band. */
  public static final List<String> BANDS = List.of("50+ rows", "5–49 rows", "1–4 rows", "unseen");

  private final List<String> columns;
  private final Map<String, Long> counts;

  private KeySpace(List<String> columns, Map<String, Long> counts) {
    this.columns = List.copyOf(columns);
    this.counts = counts;
  }

  /**
   * The natural key of a lookup table when none is named: the first text column among the given
   * ones (numbers rarely repeat exactly, so a table keyed by one would miss almost every request).
   * Empty when there is none.
   */
  public static List<String> firstText(Table table, List<String> columns) {
    for (String c : columns) {
      if (table.columnNames().contains(c)
          && Frame.kindOf(table.column(c).type()) == Frame.Kind.TEXT) {
        return List.of(c);
      }
    }
    return List.of();
  }

  public static KeySpace of(Table table, List<String> columns) {
    for (String c : columns) {
      if (!table.columnNames().contains(c)) {
        throw new IllegalArgumentException(
            "no key column '" + c + "'; the data has " + String.join(", ", table.columnNames()));
      }
    }
    Map<String, Long> counts = new HashMap<>();
    for (int r = 0; r < table.rowCount(); r++) {
      counts.merge(key(table, columns, r), 1L, Long::sum);
    }
    return new KeySpace(columns, counts);
  }

  /** The key of a row: its key columns' values joined with '|'. */
  public static String key(Table table, List<String> columns, int row) {
    if (columns.size() == 1) {
      Column<?> c = table.column(columns.get(0));
      return c.isMissing(row) ? "" : c.getString(row);
    }
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < columns.size(); i++) {
      Column<?> c = table.column(columns.get(i));
      if (i > 0) {
        b.append('|');
      }
      b.append(c.isMissing(row) ? "" : c.getString(row));
    }
    return b.toString();
  }

  public String key(Table table, int row) {
    return key(table, columns, row);
  }

  public List<String> columns() {
    return columns;
  }

  public long count(String key) {
    return counts.getOrDefault(key, 0L);
  }

  public int size() {
    return counts.size();
  }

  /**
   * Keys seen at least {@code minCount} times, most frequent first (ties by key), at most {@code
   * max}.
   */
  public List<String> keys(int minCount, int max) {
    return counts.entrySet().stream()
        .filter(e -> e.getValue() >= minCount)
        .sorted(
            Map.Entry.<String, Long>comparingByValue()
                .reversed()
                .thenComparing(Map.Entry.comparingByKey()))
        .limit(max)
        .map(Map.Entry::getKey)
        .toList();
  }

  /** The frequency band of a key. */
  public String band(String key) {
    long n = count(key);
    if (n >= 50) {
      return BANDS.get(0);
    }
    if (n >= TAIL_BELOW) {
      return BANDS.get(1);
    }
    return n > 0 ? BANDS.get(2) : BANDS.get(3);
  }

  /** Empty coverage counters, one per band, in band order. */
  static Map<String, long[]> emptyBands() {
    Map<String, long[]> bands = new LinkedHashMap<>();
    BANDS.forEach(b -> bands.put(b, new long[2]));
    return bands;
  }

  /** A representative raw row per key: the median of each number, the most frequent text. */
  static Frame representatives(
      Table table, KeySpace space, List<String> keys, List<String> inputs) {
    Map<String, Integer> slot = new HashMap<>();
    for (int i = 0; i < keys.size(); i++) {
      slot.put(keys.get(i), i);
    }
    Frame raw = Frame.of(table, inputs);
    int[] keyOf = new int[table.rowCount()];
    for (int r = 0; r < table.rowCount(); r++) {
      keyOf[r] = slot.getOrDefault(space.key(table, r), -1);
    }
    Frame out = new Frame(keys.size());
    for (String c : inputs) {
      if (raw.isText(c)) {
        String[] v = raw.texts(c);
        List<Map<String, Integer>> counts = new java.util.ArrayList<>();
        for (int k = 0; k < keys.size(); k++) {
          counts.add(new HashMap<>());
        }
        for (int r = 0; r < v.length; r++) {
          if (keyOf[r] >= 0 && v[r] != null) {
            counts.get(keyOf[r]).merge(v[r], 1, Integer::sum);
          }
        }
        String[] rep = new String[keys.size()];
        for (int k = 0; k < keys.size(); k++) {
          rep[k] =
              counts.get(k).entrySet().stream()
                  .max(
                      Map.Entry.<String, Integer>comparingByValue()
                          .thenComparing(Map.Entry::getKey, java.util.Comparator.reverseOrder()))
                  .map(Map.Entry::getKey)
                  .orElse(null);
        }
        out.putTexts(c, rep);
      } else {
        double[] v = raw.numbers(c);
        List<List<Double>> values = new java.util.ArrayList<>();
        for (int k = 0; k < keys.size(); k++) {
          values.add(new java.util.ArrayList<>());
        }
        for (int r = 0; r < v.length; r++) {
          if (keyOf[r] >= 0 && !Double.isNaN(v[r])) {
            values.get(keyOf[r]).add(v[r]);
          }
        }
        double[] rep = new double[keys.size()];
        for (int k = 0; k < keys.size(); k++) {
          List<Double> list = values.get(k);
          if (list.isEmpty()) {
            rep[k] = Double.NaN;
          } else {
            list.sort(null);
            rep[k] = list.get(list.size() / 2);
          }
        }
        if (raw.isTime(c)) {
          out.putTime(c, rep);
        } else {
          out.putNumbers(c, rep);
        }
      }
    }
    return out;
  }
}
