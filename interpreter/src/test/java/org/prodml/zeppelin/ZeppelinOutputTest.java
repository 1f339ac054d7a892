package org.prodml.zeppelin;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.apache.zeppelin.interpreter.InterpreterResultMessage;
import org.junit.jupiter.api.Test;
import org.prodml.render.HtmlBlock;
import org.prodml.render.TableBlock;
import org.prodml.render.TextBlock;

class ZeppelinOutputTest {

  private static List<String> render(int maxRows, org.prodml.render.Block... blocks) {
    return ZeppelinOutput.render(List.of(blocks), maxRows).stream()
        .map((InterpreterResultMessage m) -> m.getType() + ":" + m.getData())
        .toList();
  }

  @Test
  void aTableIsATitledTsvWhoseCellsCannotBreakRowsOrColumns() {
    TableBlock table =
        TableBlock.of(
            "a <title>",
            List.of("name", "note"),
            List.of(List.of("x", "tab\there"), List.of("y", "two\nlines\r\nthree")));

    assertEquals(
        List.of(
            "HTML:<h5 class=\"prodml-title\">a &lt;title&gt;</h5>",
            "TABLE:name\tnote\nx\ttab here\ny\ttwo lines three\n"),
        render(50, table));
  }

  @Test
  void rowsBeyondTheLimitAreCountedInANotice() {
    TableBlock table =
        TableBlock.of("", List.of("n"), List.of(List.of("1"), List.of("2"), List.of("3")));

    assertEquals(
        List.of(
            "TABLE:n\n1\n2\n",
            "HTML:<div class=\"result-alert alert-warning\" role=\"alert\"><strong>1 more row</strong> not shown (2 of 3)."
                + " The prodml.maxRows setting (2) limits what a table shows.</div>"),
        render(2, table));
  }

  @Test
  void rowsTheStageLeftOutAreCountedToo() {
    TableBlock table = new TableBlock("first rows", List.of("n"), List.of(List.of("1")), 1461);

    assertEquals(
        "HTML:<div class=\"result-alert alert-warning\" role=\"alert\"><strong>1460 more rows</strong> not shown"
            + " (1 of 1461).</div>",
        render(50, table).get(2));
  }

  @Test
  void anEmptyTableIsOneLineOfText() {
    assertEquals(
        List.of("TEXT:findings: none"),
        render(50, TableBlock.of("findings", List.of("rule"), List.of())));
  }

  @Test
  void htmlAndTextPassThroughInOrder() {
    assertEquals(
        List.of("TEXT:hello", "HTML:<svg></svg>"),
        render(50, new TextBlock("hello"), new HtmlBlock("<svg></svg>")));
  }
}
