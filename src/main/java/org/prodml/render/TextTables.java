package org.prodml.render;

import java.util.ArrayList;
import java.util.List;

/** Renders a table block as aligned plain text for a terminal, cells cut to a width. */
public final class TextTables {
  private TextTables() {}

  public static String render(TableBlock table, int maxCellWidth) {
    List<List<String>> rows = new ArrayList<>();
    rows.add(table.header());
    for (List<String> r : table.rows()) {
      List<String> cells = new ArrayList<>();
      for (String c : r) {
        String oneLine = c == null ? "" : c.replace('\n', ' ').replace('\t', ' ');
        cells.add(
            oneLine.length() > maxCellWidth
                ? oneLine.substring(0, maxCellWidth - 1) + "…"
                : oneLine);
      }
      rows.add(cells);
    }
    int columns = table.header().size();
    int[] widths = new int[columns];
    for (List<String> r : rows) {
      for (int i = 0; i < columns && i < r.size(); i++) {
        widths[i] = Math.max(widths[i], r.get(i).length());
      }
    }
    StringBuilder out = new StringBuilder();
    if (table.title() != null && !table.title().isEmpty()) {
      out.append(table.title()).append('\n');
    }
    for (int r = 0; r < rows.size(); r++) {
      List<String> row = rows.get(r);
      for (int i = 0; i < columns; i++) {
        String cell = i < row.size() ? row.get(i) : "";
        out.append(cell);
        if (i < columns - 1) {
          out.append(" ".repeat(widths[i] - cell.length() + 2));
        }
      }
      out.append('\n');
      if (r == 0) {
        for (int i = 0; i < columns; i++) {
          out.append("-".repeat(widths[i]));
          if (i < columns - 1) {
            out.append("  ");
          }
        }
        out.append('\n');
      }
    }
    if (table.hiddenRows() > 0) {
      out.append("… ").append(table.hiddenRows()).append(" more rows\n");
    }
    return out.toString();
  }
}
