package org.prodml.csv;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The byte parser reads CSV as FastCSV (the reference, which reads headers and samples) does: the
 * same records, fields and lines, and the same ragged row, on random text full of quotes, line
 * breaks and UTF-8, read through buffers from one byte long up.
 */
class CsvPartParserTest {
  @TempDir Path dir;

  private static final String[] TOKENS = {
    "a",
    "b",
    "12",
    "-3.5",
    "",
    " ",
    ",",
    ",",
    ",",
    "\"",
    "\"\"",
    "\n",
    "\n",
    "\r\n",
    "caf\u00e9",
    "\u65e5\u672c",
    "\uD83D\uDE00",
    "x\"y"
  };

  /** Each record as "line: field|field", or "error line" for the first ragged one. */
  private static List<String> reference(String text) throws Exception {
    List<String> records = new ArrayList<>();
    int width = -1;
    try (CsvReader<CsvRecord> reader =
        CsvReader.builder().skipEmptyLines(true).ofCsvRecord(new StringReader(text))) {
      for (CsvRecord r : reader) {
        if (width < 0) {
          width = r.getFieldCount();
          continue;
        }
        if (r.getFieldCount() != width) {
          records.add("error " + r.getStartingLineNumber());
          break;
        }
        records.add(r.getStartingLineNumber() + ": " + String.join("|", r.getFields()));
      }
    }
    return records;
  }

  private static int width(String text) throws Exception {
    try (CsvReader<CsvRecord> reader = CsvReader.builder().ofCsvRecord(new StringReader(text))) {
      for (CsvRecord r : reader) {
        return r.getFieldCount();
      }
    }
    return 0;
  }

  private List<String> parsed(Path file, int width, int buffer) throws Exception {
    TextRecords records = new TextRecords();
    List<String> result = new ArrayList<>();
    try {
      CsvPartParser.parse(file, 0, Files.size(file), width, records, n -> {}, null, buffer);
      result.addAll(records.records);
    } catch (CsvPartParser.Problem p) {
      result.addAll(records.records);
      result.add("error " + p.line);
    }
    return result;
  }

  @Test
  void randomTextReadsAsFastCsvReadsIt() throws Exception {
    Random random = new Random(15);
    int[] buffers = {1, 2, 3, 7, 64, 4096};
    for (int round = 0; round < 600; round++) {
      StringBuilder text = new StringBuilder(round % 5 == 0 ? "\uFEFF" : "");
      int tokens = 1 + random.nextInt(60);
      for (int i = 0; i < tokens; i++) {
        text.append(TOKENS[random.nextInt(TOKENS.length)]);
      }
      if (random.nextBoolean()) {
        text.append('\n');
      }
      String csv = text.toString();
      String withoutBom = csv.startsWith("\uFEFF") ? csv.substring(1) : csv;
      Path file = dir.resolve("r" + round + ".csv");
      Files.writeString(file, csv, StandardCharsets.UTF_8);
      int width = width(withoutBom);
      if (width == 0) {
        continue;
      }
      List<String> expected = reference(withoutBom);
      for (int buffer : buffers) {
        assertEquals(
            expected,
            parsed(file, width, buffer),
            "round " + round + ", buffer " + buffer + ": " + csv.replace("\n", "\\n"));
      }
    }
  }

  @Test
  void carriageReturnsAloneEndLinesToo() throws Exception {
    Path file = Files.writeString(dir.resolve("cr.csv"), "h,i\ra,b\rc,\"d\re\"\r\rf,g");
    assertEquals(
        List.of("2: a|b", "3: c|d\re", "6: f|g"), parsed(file, 2, 3), "CR, CR in quotes, empty");
  }

  @Test
  void anUnclosedQuoteTakesTheRestOfThePartUpToTheLimit() throws Exception {
    Path file = Files.writeString(dir.resolve("open.csv"), "a,b\n1,\"2\n3,4\n");
    assertEquals(List.of("2: 1|2\n3,4\n"), parsed(file, 2, 16));
    Path huge = dir.resolve("huge.csv");
    byte[] body = new byte[CsvPartParser.MAX_FIELD + 10];
    java.util.Arrays.fill(body, (byte) 'x');
    Files.write(huge, "a,b\n1,\"".getBytes(StandardCharsets.US_ASCII));
    Files.write(huge, body, java.nio.file.StandardOpenOption.APPEND);
    CsvPartParser.Problem p =
        assertThrows(
            CsvPartParser.Problem.class,
            () ->
                CsvPartParser.parse(
                    huge, 0, Files.size(huge), 2, new TextRecords(), n -> {}, null));
    assertEquals(2, p.line);
    assertTrue(p.problem.startsWith("not valid CSV: a field longer than"), p.problem);
  }
}
