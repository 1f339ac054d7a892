package org.prodml.profile;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A seeded, uniform sample of a dataset's rows, gathered in the same streaming pass as its profile
 * (see {@code RowSampler}): what pairwise measures such as feature correlations are computed from,
 * whatever the size of the file, without reading it again. Its rows are in the order of their
 * priorities, so its first rows are a smaller uniform sample of their own.
 *
 * <p>Numeric columns hold their parsed values (NaN when missing or invalid), categorical and yes/no
 * columns their text (null when missing); time columns are not sampled.
 */
public final class RowSample {
  /** At most this many rows: enough to measure a correlation of 0.95 to about ±0.001. */
  public static final int ROWS = 10_000;

  /**
   * At most this many values (32 MB of numbers): a table of more than {@code CELLS / ROWS} columns
   * gets fewer rows, {@code CELLS / columns}.
   */
  public static final int CELLS = 4_000_000;

  private final long datasetRows;
  private final int rows;
  private final Map<String, double[]> numbers = new HashMap<>();
  private final Map<String, String[]> texts = new HashMap<>();

  RowSample(
      long datasetRows,
      int rows,
      String[] numericNames,
      double[][] numericValues,
      String[] textNames,
      String[][] textValues) {
    this.datasetRows = datasetRows;
    this.rows = rows;
    for (int j = 0; j < numericNames.length; j++) {
      numbers.put(numericNames[j], numericValues[j]);
    }
    for (int j = 0; j < textNames.length; j++) {
      texts.put(textNames[j], textValues[j]);
    }
  }

  /** An empty sample, for a profile made without one. */
  public static RowSample none() {
    return new RowSample(0, 0, new String[0], new double[0][], new String[0], new String[0][]);
  }

  /** The rows in the sample. */
  public int rows() {
    return rows;
  }

  /** The rows of the dataset the sample was drawn from. */
  public long datasetRows() {
    return datasetRows;
  }

  /** The sampled values of a numeric column (NaN when missing), or null when it is not one. */
  public double[] numbers(String column) {
    return numbers.get(column);
  }

  /** The sampled values of a categorical column (null when missing), or null when it is not one. */
  public String[] texts(String column) {
    return texts.get(column);
  }

  /** Whether the column was sampled (numeric, categorical or yes/no). */
  public boolean has(String column) {
    return numbers.containsKey(column) || texts.containsKey(column);
  }

  /** The sampled columns among the given ones, in their order. */
  public List<String> sampled(List<String> columns) {
    return columns.stream().filter(this::has).toList();
  }
}
