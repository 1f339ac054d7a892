package org.prodml.evaluate;

import java.util.HashSet;
import java.util.Set;
import tech.tablesaw.api.Table;

/**
 * The groups (penguins, authors, patients) a model's training rows belong to. A model that trained
 * on a group knows it: its score on rows of that group is not a fair reference for a model that
 * never saw them, so the quality gate does not compare the two.
 *
 * @param column the group column
 * @param values the group values of the training rows
 */
public record TrainingGroups(String column, Set<String> values) {
  public TrainingGroups {
    values = Set.copyOf(values);
  }

  /** The groups of a table's rows, by its group column. */
  public static TrainingGroups of(Table table, String column) {
    Set<String> values = new HashSet<>();
    for (int r = 0; r < table.rowCount(); r++) {
      values.add(table.getString(r, column));
    }
    return new TrainingGroups(column, values);
  }

  /** The share of the table's rows whose group is one of these; 0 without the group column. */
  public double shareOf(Table table) {
    if (!table.columnNames().contains(column) || table.rowCount() == 0) {
      return 0;
    }
    long seen = 0;
    for (int r = 0; r < table.rowCount(); r++) {
      seen += values.contains(table.getString(r, column)) ? 1 : 0;
    }
    return (double) seen / table.rowCount();
  }
}
