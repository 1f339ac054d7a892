package org.prodml.csv;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.prodml.data.DataInputException;

class CsvFileTest {
  @TempDir Path dir;

  private Path csv(String name, String text) throws Exception {
    return Files.writeString(dir.resolve(name), text);
  }

  private static List<String> read(Path file, int threads) {
    CsvFile csv = CsvFile.of(file);
    CsvHeader header = csv.readHeader(10, fields -> {});
    return TextRecords.inFile(csv.read(threads, header.width(), TextRecords::new, bytes -> {}));
  }

  @Test
  void recordsArriveFieldByFieldWithTheLineTheyStartOn() throws Exception {
    Path f = csv("a.csv", "a,b,c\n1,,x\n\"2\",\"multi\nline\",\"say \"\"hi\"\"\"\n\n3,4,\n");
    CsvFile csv = CsvFile.of(f);
    List<List<String>> sample = new ArrayList<>();
    CsvHeader header = csv.readHeader(10, sample::add);
    assertEquals(List.of("a", "b", "c"), header.names());
    assertEquals(
        List.of(
            List.of("1", "", "x"),
            List.of("2", "multi\nline", "say \"hi\""),
            List.of("3", "4", "")),
        sample);
    AtomicLong progress = new AtomicLong();
    List<CsvPart<TextRecords>> parts =
        csv.read(4, header.width(), TextRecords::new, progress::addAndGet);
    assertEquals(1, parts.size(), "a small file is one part");
    assertEquals(
        List.of("2: 1||x", "3: 2|multi\nline|say \"hi\"", "6: 3|4|"), TextRecords.inFile(parts));
    assertEquals(1, parts.get(0).handler().emptyLines, "the empty line is no record");
    assertEquals(Files.size(f), progress.get(), "every byte is reported once");
  }

  @Test
  void theSampleStopsAfterItsRecords() throws Exception {
    Path f = csv("s.csv", "a\n1\n2\n3\n");
    List<List<String>> sample = new ArrayList<>();
    CsvFile.of(f).readHeader(2, sample::add);
    assertEquals(List.of(List.of("1"), List.of("2")), sample);
  }

  @Test
  void headerNamesAreCleanedAndMustBeUnique() throws Exception {
    CsvHeader header =
        CsvFile.of(csv("h.csv", "\uFEFFid , ,x\n1,2,3\n")).readHeader(10, fields -> {});
    assertEquals(List.of("id", "column_2", "x"), header.names());
    Path dup = csv("d.csv", "a,b,a\n1,2,3\n");
    assertTrue(
        assertThrows(DataInputException.class, () -> CsvFile.of(dup).readHeader(10, fields -> {}))
            .getMessage()
            .endsWith("d.csv:1: column 'a': appears twice in the header"));
  }

  @Test
  void aByteOrderMarkIsNoPartOfTheFirstName() throws Exception {
    Path f = csv("bom.csv", "\uFEFFname,n\nx,1\n");
    assertEquals(3, Files.readAllBytes(f).length - "name,n\nx,1\n".length(), "three bytes of BOM");
    CsvHeader header = CsvFile.of(f).readHeader(10, fields -> {});
    assertEquals(List.of("name", "n"), header.names());
    assertEquals(List.of("2: x|1"), read(f, 1));
  }

  @Test
  void utf8TextReadsAsWrittenAcrossBufferEnds() throws Exception {
    String[] names = {"caf\u00e9", "na\u00efve", "\u65e5\u672c", "plain", "\uD83D\uDE00x"};
    StringBuilder text = new StringBuilder("\uFEFFname,n\n");
    List<String> expected = new ArrayList<>();
    for (int i = 0; i < 60_000; i++) {
      String name = names[i % names.length];
      text.append(name).append(',').append(i).append('\n');
      expected.add((i + 2) + ": " + name + "|" + i);
    }
    assertEquals(expected, read(Files.writeString(dir.resolve("utf8.csv"), text.toString()), 1));
  }

  @Test
  void malformedUtf8BecomesTheReplacementCharacter() throws Exception {
    Path f = dir.resolve("latin1.csv");
    Files.write(f, "a,b\ncaf\u00e9,1\n".getBytes(StandardCharsets.ISO_8859_1));
    assertEquals(List.of("2: caf\uFFFD|1"), read(f, 1));
  }

  @Test
  void anEmptyFileOrOneWithOnlyEmptyLinesHasNoHeader() throws Exception {
    Path empty = csv("empty.csv", "");
    assertTrue(
        assertThrows(DataInputException.class, () -> CsvFile.of(empty))
            .getMessage()
            .endsWith("empty.csv: the file is empty (no header row)"));
    Path blank = csv("blank.csv", "\n\n");
    assertTrue(
        assertThrows(DataInputException.class, () -> CsvFile.of(blank).readHeader(10, fields -> {}))
            .getMessage()
            .endsWith("blank.csv: the file is empty (no header row)"));
    assertEquals(List.of(), read(csv("header.csv", "a,b\n"), 1), "a header alone has no records");
  }

  @Test
  void missingFilesAndFoldersAreNamed() {
    assertTrue(
        assertThrows(DataInputException.class, () -> CsvFile.of(dir.resolve("none.csv")))
            .getMessage()
            .endsWith("none.csv: no such file"));
    assertTrue(
        assertThrows(DataInputException.class, () -> CsvFile.of(dir))
            .getMessage()
            .endsWith(": is a folder, not a CSV file"));
  }

  @Test
  void aRaggedRowIsAnErrorNamingTheFileAndLine() throws Exception {
    Path inSample = csv("r.csv", "a,b\n1,2\n\"x\ny\",2,3\n");
    assertTrue(
        assertThrows(DataInputException.class, () -> read(inSample, 1))
            .getMessage()
            .endsWith("r.csv:3: row has 3 fields but the header has 2"));
    Path pastSample = csv("p.csv", "a,b\n1,2\n3,4\n\"x\ny\",2\n5\n");
    CsvFile csv = CsvFile.of(pastSample);
    CsvHeader header = csv.readHeader(1, fields -> {});
    assertTrue(
        assertThrows(
                DataInputException.class,
                () -> csv.read(1, header.width(), TextRecords::new, bytes -> {}))
            .getMessage()
            .endsWith("p.csv:6: row has 1 field but the header has 2"));
  }

  /**
   * A file large enough to be read in parts: {@code rows} rows, some with quoted fields holding
   * commas, quotes and newlines; when asked, one quoted field of many lines sits across the file's
   * middle, where the first guessed cut falls; then {@code tail}.
   */
  private Path largeFile(String name, boolean quotedMiddle, String tail) throws Exception {
    List<String> rows = new ArrayList<>();
    for (int i = 0; i < 640_000; i++) {
      rows.add(
          "k" + (i % 50) + "," + i + "," + (i % 997 == 0 ? "\"a,\"\"b\"\"\nc\"" : "plain") + "\n");
    }
    StringBuilder quoted = new StringBuilder("k1,-1,\"");
    for (int i = 0; i < 100; i++) {
      quoted.append("line ").append(i).append('\n');
    }
    quoted.append("\"\n");
    long total = 6 + rows.stream().mapToLong(String::length).sum();
    long quotedAt = quotedMiddle ? total / 2 : Long.MAX_VALUE;
    Path f = dir.resolve(name);
    try (BufferedWriter w = Files.newBufferedWriter(f)) {
      w.write("k,i,q\n");
      long written = 6;
      for (String row : rows) {
        if (written >= quotedAt) {
          w.write(quoted.toString());
          quotedAt = Long.MAX_VALUE;
        }
        w.write(row);
        written += row.length();
      }
      w.write(tail);
    }
    assertTrue(Files.size(f) > CsvFile.PARALLEL_MIN_BYTES);
    return f;
  }

  @Test
  void partsReadAtOnceGiveTheRecordsAndLinesOfOneReadEvenWhenACutFallsInAQuotedField()
      throws Exception {
    for (boolean quotedMiddle : new boolean[] {false, true}) {
      Path f = largeFile("large" + quotedMiddle + ".csv", quotedMiddle, "k2,last,plain\n");
      CsvFile csv = CsvFile.of(f);
      List<CsvPart<TextRecords>> parts = csv.read(2, 3, TextRecords::new, bytes -> {});
      assertEquals(2, parts.size());
      List<String> two = TextRecords.inFile(parts);
      List<String> one = read(f, 1);
      assertEquals(one.size(), two.size());
      assertEquals(one, two);
      assertEquals(quotedMiddle ? 640_002 : 640_001, two.size());
      long lines = Files.readAllLines(f).size();
      assertEquals(lines + ": k2|last|plain", two.get(two.size() - 1));
      if (quotedMiddle) {
        assertTrue(two.stream().anyMatch(r -> r.contains(": k1|-1|line 0\nline 1\n")));
      }
    }
  }

  @Test
  void aRaggedRowInALaterPartNamesItsLineInTheFile() throws Exception {
    for (boolean quotedMiddle : new boolean[] {false, true}) {
      Path bad = largeFile("bad" + quotedMiddle + ".csv", quotedMiddle, "k2,1,plain,extra\n");
      long lines = Files.readAllLines(bad).size();
      for (int threads : new int[] {1, 2}) {
        String message =
            assertThrows(
                    DataInputException.class,
                    () -> CsvFile.of(bad).read(threads, 3, TextRecords::new, bytes -> {}))
                .getMessage();
        assertTrue(
            message.endsWith(":" + lines + ": row has 4 fields but the header has 3"), message);
      }
    }
  }
}
