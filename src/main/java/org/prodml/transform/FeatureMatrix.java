package org.prodml.transform;

import java.util.List;
import java.util.Map;

/**
 * What a model reads: named numeric columns, column-major, after the transforms. Nominal columns
 * (category codes) carry their level names so a tree model can treat them as categories. {@code
 * absent} names model features the batch did not produce (filled with zeros), which happens when a
 * serving path builds a different vocabulary than training did.
 */
public record FeatureMatrix(
    List<String> names,
    double[][] columns,
    int rows,
    Map<String, List<String>> nominal,
    List<String> absent) {

  public FeatureMatrix {
    names = List.copyOf(names);
    nominal = Map.copyOf(nominal);
    absent = List.copyOf(absent);
  }

  public int width() {
    return names.size();
  }

  /** One row's features, in the order of {@link #names()}. */
  public double[] row(int i) {
    double[] row = new double[columns.length];
    for (int c = 0; c < columns.length; c++) {
      row[c] = columns[c][i];
    }
    return row;
  }

  /** All rows, row-major, as Smile's linear models take them. */
  public double[][] rowMajor() {
    double[][] x = new double[rows][columns.length];
    for (int c = 0; c < columns.length; c++) {
      double[] col = columns[c];
      for (int i = 0; i < rows; i++) {
        x[i][c] = col[i];
      }
    }
    return x;
  }

  public double[] column(String name) {
    int i = names.indexOf(name);
    if (i < 0) {
      throw new IllegalArgumentException("no feature '" + name + "'");
    }
    return columns[i];
  }
}
