package org.prodml.train;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import org.prodml.text.Format;
import org.prodml.transform.Frame;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/**
 * The label a model learns: a column, or a yes/no question about a numeric column ({@code above}:
 * "is delay above 15?", the usual framing of the flights data, derived here and never stored).
 *
 * @param column the label column
 * @param above when set, the label is "column > above" (class 1) against "column ≤ above" (class 0)
 */
public record LabelSpec(String column, Double above) {

  public static LabelSpec of(String column) {
    return new LabelSpec(column, null);
  }

  /** The label as people read it: "weather", or "delay > 15". */
  public String describe() {
    return above == null ? column : column + " > " + Format.number(above);
  }

  /** Classification for a text label or a derived yes/no; regression for a numeric column. */
  public Task task(Table table) {
    requireIn(table);
    if (above != null) {
      return Task.CLASSIFICATION;
    }
    return Frame.kindOf(table.column(column).type()) == Frame.Kind.NUMBER
        ? Task.REGRESSION
        : Task.CLASSIFICATION;
  }

  public void requireIn(Table table) {
    if (!table.columnNames().contains(column)) {
      throw new IllegalArgumentException(
          "no label column '"
              + column
              + "'; the data has "
              + String.join(", ", table.columnNames()));
    }
    if (above != null && Frame.kindOf(table.column(column).type()) != Frame.Kind.NUMBER) {
      throw new IllegalArgumentException(
          "label " + column + " is not numeric, so 'above' cannot derive a class from it");
    }
  }

  /** The class names present in the table, in a stable order (class 1 is the positive class). */
  public List<String> classes(Table table) {
    if (above != null) {
      return List.of(column + " ≤ " + Format.number(above), describe());
    }
    TreeSet<String> names = new TreeSet<>();
    Column<?> c = table.column(column);
    for (int r = 0; r < table.rowCount(); r++) {
      if (!c.isMissing(r)) {
        names.add(c.getString(r));
      }
    }
    return new ArrayList<>(names);
  }

  /** Each row's class index among {@code classes}: -1 when missing, -2 when not one of them. */
  public int[] classIndex(Table table, List<String> classes) {
    requireIn(table);
    int n = table.rowCount();
    int[] y = new int[n];
    if (above != null) {
      double[] v = Frame.of(table, List.of(column)).numbers(column);
      for (int r = 0; r < n; r++) {
        y[r] = Double.isNaN(v[r]) ? -1 : v[r] > above ? 1 : 0;
      }
      return y;
    }
    Column<?> c = table.column(column);
    java.util.Map<String, Integer> index = new java.util.HashMap<>();
    for (int i = 0; i < classes.size(); i++) {
      index.put(classes.get(i), i);
    }
    for (int r = 0; r < n; r++) {
      y[r] = c.isMissing(r) ? -1 : index.getOrDefault(c.getString(r), -2);
    }
    return y;
  }

  /** Each row's numeric label, NaN when missing. */
  public double[] values(Table table) {
    requireIn(table);
    return Frame.of(table, List.of(column)).numbers(column);
  }
}
