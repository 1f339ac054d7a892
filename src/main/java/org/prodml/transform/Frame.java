package org.prodml.transform;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import tech.tablesaw.api.ColumnType;
import tech.tablesaw.api.NumericColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/**
 * The columns transforms read and write, for a batch of rows: a whole table at training time, one
 * row when a request is served. Numbers are doubles (missing = NaN), texts are strings (missing =
 * null), dates and times are numbers of epoch seconds marked as times. The same transform code runs
 * on a batch of one and on a batch of a million, which is what keeps training and serving alike.
 */
public final class Frame {
  private final int rows;
  private final Map<String, double[]> numbers = new LinkedHashMap<>();
  private final Map<String, String[]> texts = new LinkedHashMap<>();
  private final Set<String> times = new HashSet<>();
  private final Map<String, List<String>> levels = new LinkedHashMap<>();

  public Frame(int rows) {
    this.rows = rows;
  }

  /** The named columns of the table, converted. */
  public static Frame of(Table table, Collection<String> columns) {
    Frame frame = new Frame(table.rowCount());
    for (String name : columns) {
      Column<?> column = table.column(name);
      Kind kind = kindOf(column.type());
      int n = table.rowCount();
      if (kind == Kind.TEXT) {
        String[] values = new String[n];
        for (int r = 0; r < n; r++) {
          values[r] = text(column, r);
        }
        frame.texts.put(name, values);
      } else {
        double[] values = new double[n];
        for (int r = 0; r < n; r++) {
          values[r] = number(column, kind, r);
        }
        frame.numbers.put(name, values);
        if (kind == Kind.TIME) {
          frame.times.add(name);
        }
      }
    }
    return frame;
  }

  /** One row of the table, as a request would carry it. */
  public static Frame ofRow(Table table, int row, Collection<String> columns) {
    Frame frame = new Frame(1);
    for (String name : columns) {
      Column<?> column = table.column(name);
      Kind kind = kindOf(column.type());
      if (kind == Kind.TEXT) {
        frame.texts.put(name, new String[] {text(column, row)});
      } else {
        frame.numbers.put(name, new double[] {number(column, kind, row)});
        if (kind == Kind.TIME) {
          frame.times.add(name);
        }
      }
    }
    return frame;
  }

  /** How a Tablesaw column type is held in a frame. */
  public enum Kind {
    NUMBER,
    TEXT,
    TIME
  }

  public static Kind kindOf(ColumnType type) {
    return switch (type.name()) {
      case "INTEGER", "LONG", "SHORT", "DOUBLE", "FLOAT" -> Kind.NUMBER;
      case "LOCAL_DATE", "LOCAL_DATE_TIME", "INSTANT" -> Kind.TIME;
      default -> Kind.TEXT;
    };
  }

  private static String text(Column<?> column, int row) {
    if (column.isMissing(row)) {
      return null;
    }
    return column.getString(row);
  }

  private static double number(Column<?> column, Kind kind, int row) {
    if (column.isMissing(row)) {
      return Double.NaN;
    }
    if (kind == Kind.NUMBER) {
      return ((NumericColumn<?>) column).getDouble(row);
    }
    Object value = column.get(row);
    if (value instanceof LocalDate d) {
      return d.toEpochDay() * 86_400.0;
    }
    if (value instanceof LocalDateTime t) {
      return t.toEpochSecond(ZoneOffset.UTC);
    }
    if (value instanceof java.time.Instant i) {
      return i.getEpochSecond();
    }
    return Double.NaN;
  }

  /** A copy whose arrays can be changed without touching this frame. */
  public Frame copy() {
    Frame copy = new Frame(rows);
    numbers.forEach((k, v) -> copy.numbers.put(k, v.clone()));
    texts.forEach((k, v) -> copy.texts.put(k, v.clone()));
    copy.times.addAll(times);
    copy.levels.putAll(levels);
    return copy;
  }

  public int rows() {
    return rows;
  }

  public boolean has(String column) {
    return numbers.containsKey(column) || texts.containsKey(column);
  }

  public boolean isText(String column) {
    return texts.containsKey(column);
  }

  public boolean isTime(String column) {
    return times.contains(column);
  }

  /** The numeric values of a column (a time column gives epoch seconds). */
  public double[] numbers(String column) {
    double[] values = numbers.get(column);
    if (values == null) {
      throw new IllegalArgumentException(
          texts.containsKey(column)
              ? "column '"
                  + column
                  + "' holds text; encode it (onehot, hash or index) or use a transform for text"
              : "no column '" + column + "' in the data");
    }
    return values;
  }

  /** The values of a column as text: numbers are written as the shortest decimal. */
  public String[] texts(String column) {
    String[] values = texts.get(column);
    if (values != null) {
      return values;
    }
    double[] n = numbers(column);
    String[] out = new String[n.length];
    for (int i = 0; i < n.length; i++) {
      out[i] =
          Double.isNaN(n[i])
              ? null
              : n[i] == Math.rint(n[i]) && Math.abs(n[i]) < 1e15
                  ? Long.toString((long) n[i])
                  : Double.toString(n[i]);
    }
    return out;
  }

  public void putNumbers(String column, double[] values) {
    check(values.length);
    texts.remove(column);
    times.remove(column);
    levels.remove(column);
    numbers.put(column, values);
  }

  /** A column of epoch seconds, marked as a time (not a model feature until a part is derived). */
  public void putTime(String column, double[] values) {
    putNumbers(column, values);
    times.add(column);
  }

  /** A numeric column holding category codes 0..levels-1 (a tree model reads it as nominal). */
  public void putNominal(String column, double[] codes, List<String> levelNames) {
    putNumbers(column, codes);
    levels.put(column, List.copyOf(levelNames));
  }

  public void putTexts(String column, String[] values) {
    check(values.length);
    numbers.remove(column);
    times.remove(column);
    levels.remove(column);
    texts.put(column, values);
  }

  public void remove(String column) {
    numbers.remove(column);
    texts.remove(column);
    times.remove(column);
    levels.remove(column);
  }

  /** Names of the nominal columns and their levels. */
  public Map<String, List<String>> levels() {
    return levels;
  }

  /** All columns, numbers first then texts, each in insertion order. */
  public List<String> columns() {
    List<String> all = new ArrayList<>(numbers.keySet());
    all.addAll(texts.keySet());
    return all;
  }

  /** Numeric columns that are not times: what a model can read. */
  public List<String> numericFeatures() {
    return numbers.keySet().stream().filter(c -> !times.contains(c)).toList();
  }

  public List<String> textColumns() {
    return List.copyOf(texts.keySet());
  }

  private void check(int length) {
    if (length != rows) {
      throw new IllegalArgumentException(
          "column of " + length + " values in a frame of " + rows + " rows");
    }
  }
}
