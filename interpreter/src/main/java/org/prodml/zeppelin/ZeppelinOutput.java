package org.prodml.zeppelin;

import java.util.ArrayList;
import java.util.List;
import org.apache.zeppelin.interpreter.InterpreterResult.Type;
import org.apache.zeppelin.interpreter.InterpreterResultMessage;
import org.prodml.render.Block;
import org.prodml.render.HtmlBlock;
import org.prodml.render.TableBlock;
import org.prodml.render.TextBlock;
import org.prodml.text.Html;

/**
 * Renders the library's blocks in Zeppelin's display system: a table as {@code %table} (a titled
 * TSV whose cells cannot break it), an HTML fragment as {@code %html} unchanged (its producer
 * escaped it), text as {@code %text}.
 */
final class ZeppelinOutput {
  private ZeppelinOutput() {}

  static List<InterpreterResultMessage> render(List<? extends Block> blocks, int maxRows) {
    List<InterpreterResultMessage> messages = new ArrayList<>();
    for (Block block : blocks) {
      if (block instanceof TableBlock table) {
        table(table, maxRows, messages);
      } else if (block instanceof HtmlBlock html) {
        messages.add(new InterpreterResultMessage(Type.HTML, html.html()));
      } else if (block instanceof TextBlock text) {
        messages.add(new InterpreterResultMessage(Type.TEXT, text.text()));
      }
    }
    return messages;
  }

  private static void table(
      TableBlock table, int maxRows, List<InterpreterResultMessage> messages) {
    if (table.rows().isEmpty() && table.totalRows() == 0) {
      messages.add(
          new InterpreterResultMessage(
              Type.TEXT, (table.title().isBlank() ? "table" : table.title()) + ": none"));
      return;
    }
    if (!table.title().isBlank()) {
      messages.add(
          new InterpreterResultMessage(
              Type.HTML, "<h5 class=\"prodml-title\">" + Html.escape(table.title()) + "</h5>"));
    }
    messages.add(new InterpreterResultMessage(Type.TABLE, tsv(table, maxRows)));
    int shown = Math.min(maxRows, table.rows().size());
    long hidden = table.totalRows() - shown;
    if (hidden > 0) {
      messages.add(
          new InterpreterResultMessage(
              Type.HTML, moreRows(hidden, shown, table.totalRows(), maxRows)));
    }
  }

  /** Zeppelin's {@code %table} payload: header and rows as tab-separated lines. */
  static String tsv(TableBlock table, int maxRows) {
    StringBuilder s = new StringBuilder();
    line(table.header(), s);
    int shown = Math.min(maxRows, table.rows().size());
    for (int r = 0; r < shown; r++) {
      line(table.rows().get(r), s);
    }
    return s.toString();
  }

  private static void line(List<String> cells, StringBuilder s) {
    for (int c = 0; c < cells.size(); c++) {
      if (c > 0) {
        s.append('\t');
      }
      s.append(cell(cells.get(c)));
    }
    s.append('\n');
  }

  /**
   * A cell without the characters that end a cell or a row in Zeppelin's TSV (JDBC's interpreter
   * does the same); an empty cell would shift nothing, so it stays empty.
   */
  static String cell(String value) {
    if (value == null) {
      return "";
    }
    return value.replace("\r\n", " ").replace('\t', ' ').replace('\n', ' ').replace('\r', ' ');
  }

  /** The notice under a cut table, styled like Zeppelin's own ResultMessages. */
  static String moreRows(long hidden, int shown, long total, int maxRows) {
    String hint =
        shown >= maxRows
            ? " The prodml.maxRows setting (" + maxRows + ") limits what a table shows."
            : "";
    return "<div class=\"result-alert alert-warning\" role=\"alert\"><strong>"
        + hidden
        + " more row"
        + (hidden == 1 ? "" : "s")
        + "</strong> not shown ("
        + shown
        + " of "
        + total
        + ")."
        + Html.escape(hint)
        + "</div>";
  }
}
