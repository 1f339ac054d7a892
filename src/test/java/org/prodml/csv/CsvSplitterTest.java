package org.prodml.csv;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CsvSplitterTest {
  @TempDir Path dir;

  @Test
  void aGuessCutsJustAfterTheFirstNewlinePastEachShareOfTheFile() throws Exception {
    // bytes: "a,b\n" 0-3, "1,2\n" 4-7, "3,\"x\ny\"\n" 8-15 (a newline inside quotes at 12), "5,6\n"
    // 16-19
    Path f = Files.writeString(dir.resolve("g.csv"), "a,b\n1,2\n3,\"x\ny\"\n5,6\n");
    CsvSplitter.Cuts cuts = CsvSplitter.guess(f, 20, 2);
    assertArrayEquals(
        new long[] {0, 13, 20}, cuts.starts(), "inside the quoted field: the parts find out");
    assertNull(cuts.linesBefore());
    assertArrayEquals(new long[] {0, 8, 13, 16, 20}, CsvSplitter.guess(f, 20, 5).starts());
    assertArrayEquals(
        new long[] {0, 4, 8, 13, 16, 20},
        CsvSplitter.guess(f, 20, 40).starts(),
        "more parts than lines: a part per line, none empty");
  }

  @Test
  void theCarefulSplitCutsOutsideQuotesAndCountsTheLinesBefore() throws Exception {
    Path f = Files.writeString(dir.resolve("c.csv"), "a,b\n1,2\n3,\"x\ny\"\n5,6\n");
    CsvSplitter.Cuts cuts = CsvSplitter.outsideQuotes(f, 20, 2);
    assertArrayEquals(new long[] {0, 16, 20}, cuts.starts());
    assertArrayEquals(new long[] {0, 4}, cuts.linesBefore());
    CsvSplitter.Cuts four = CsvSplitter.outsideQuotes(f, 20, 4);
    assertArrayEquals(new long[] {0, 8, 16, 20}, four.starts());
    assertArrayEquals(new long[] {0, 2, 4}, four.linesBefore());
  }

  @Test
  void aFileWithoutANewlineAfterTheFirstShareIsOnePart() throws Exception {
    Path f = Files.writeString(dir.resolve("one.csv"), "a\nbcdefgh");
    assertArrayEquals(new long[] {0, 9}, CsvSplitter.guess(f, 9, 2).starts());
    assertArrayEquals(new long[] {0, 9}, CsvSplitter.outsideQuotes(f, 9, 2).starts());
    assertArrayEquals(new long[] {0}, CsvSplitter.outsideQuotes(f, 9, 2).linesBefore());
  }
}
