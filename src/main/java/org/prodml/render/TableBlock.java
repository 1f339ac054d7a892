package org.prodml.render;

import java.util.ArrayList;
import java.util.List;
import tech.tablesaw.api.Table;

/**
 * A titled table of text cells. {@code totalRows} counts the rows the table stands for; when it
 * exceeds {@code rows.size()} the adapter says how many more there are.
 */
public record TableBlock(String title, List<String> header, List<List<String>> rows, long totalRows)
    implements Block {

  public TableBlock {
    header = List.copyOf(header);
    rows = rows.stream().map(r -> (List<String>) new ArrayList<>(r)).map(List::copyOf).toList();
  }

  public static TableBlock of(String title, List<String> header, List<List<String>> rows) {
    return new TableBlock(title, header, rows, rows.size());
  }

  /** The first {@code maxRows} rows of a Tablesaw table, missing cells shown empty. */
  public static TableBlock of(String title, Table table, int maxRows) {
    List<List<String>> rows = new ArrayList<>();
    int shown = Math.min(maxRows, table.rowCount());
    for (int r = 0; r < shown; r++) {
      List<String> row = new ArrayList<>();
      for (int c = 0; c < table.columnCount(); c++) {
        var column = table.column(c);
        row.add(column.isMissing(r) ? "" : column.getString(r));
      }
      rows.add(row);
    }
    return new TableBlock(title, table.columnNames(), rows, table.rowCount());
  }

  /**
   * The same rows, standing for {@code total} rows (a file's first rows, read without the rest).
   */
  public TableBlock standingFor(long total) {
    return new TableBlock(title, header, rows, Math.max(total, rows.size()));
  }

  public long hiddenRows() {
    return Math.max(0, totalRows - rows.size());
  }
}
