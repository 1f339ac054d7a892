package org.prodml.profile;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.prodml.data.DataInputException;
import org.prodml.data.ValueType;
import tech.tablesaw.api.ColumnType;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/**
 * Profiles a table a notebook already holds, with the same accumulators as the streaming CSV
 * profiler, so both give the same profile for the same data. Tablesaw's own summary() is not used:
 * it shows blank mean and deviation for columns with missing values.
 */
public final class TableProfiler {
  private TableProfiler() {}

  public static DatasetProfile profile(Table table, ProfileOptions options) {
    List<String> names = table.columnNames();
    for (String role : new String[] {options.label(), options.group(), options.time()}) {
      if (role != null && !names.contains(role)) {
        throw new DataInputException(
            table.name(), -1, role, "no such column; the table has " + String.join(", ", names));
      }
    }
    List<ValueType> types = new ArrayList<>();
    for (Column<?> c : table.columns()) {
      types.add(typeOf(c.type()));
    }
    DatasetAccumulator acc = new DatasetAccumulator(names, types, options);
    int rows = table.rowCount();
    Column<?>[] columns = table.columns().toArray(Column<?>[]::new);
    for (int r = 0; r < rows; r++) {
      for (int c = 0; c < columns.length; c++) {
        accept(acc.columns[c], columns[c], r);
      }
      // The line the row would have in a CSV file of the table: the header is line 1.
      acc.line = r + 2L;
      acc.endRow();
    }
    return acc.toProfile(table.name(), options);
  }

  private static void accept(ColumnAccumulator acc, Column<?> column, int row) {
    if (column.isMissing(row)) {
      acc.acceptMissing();
      return;
    }
    Object value = column.get(row);
    switch (acc.type.kind()) {
      case NUMERIC -> acc.acceptNumber(((Number) value).doubleValue());
      case DATETIME -> acc.acceptNumber(epochSeconds(value));
      case BOOLEAN, CATEGORICAL -> acc.acceptCategory(String.valueOf(value));
    }
  }

  private static double epochSeconds(Object value) {
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

  /** The profile type of a Tablesaw column type. */
  public static ValueType typeOf(ColumnType type) {
    String name = type.name();
    return switch (name) {
      case "INTEGER", "SHORT" -> ValueType.INTEGER;
      case "LONG" -> ValueType.LONG;
      case "DOUBLE", "FLOAT" -> ValueType.DOUBLE;
      case "BOOLEAN" -> ValueType.BOOLEAN;
      case "LOCAL_DATE" -> ValueType.LOCAL_DATE;
      case "LOCAL_DATE_TIME", "INSTANT" -> ValueType.LOCAL_DATE_TIME;
      default -> ValueType.STRING;
    };
  }
}
