package org.prodml.profile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.prodml.csv.CsvFile;
import org.prodml.data.DataInputException;
import org.prodml.data.DataLoader;
import org.prodml.data.ValueType;
import org.prodml.report.Json;

class CsvProfilerTest {
  @TempDir Path dir;

  Path csv(String name, String text) throws Exception {
    return Files.writeString(dir.resolve(name), text);
  }

  @Test
  void countsMissingNanInfinityAndInvalidValuesApart() throws Exception {
    Path f = csv("a.csv", "x,c\n1.5,a\n,b\nNaN,a\nInf,\n-2,a\nabc,NA\n3,c\n");
    DatasetProfile p =
        CsvProfiler.profile(f, ProfileOptions.defaults().withTypes(Map.of("x", ValueType.DOUBLE)));
    ColumnProfile x = p.column("x").orElseThrow();
    assertEquals(ValueType.DOUBLE, x.type());
    assertEquals(7, x.count());
    assertEquals(1, x.missing());
    assertEquals(1, x.nan());
    assertEquals(1, x.inf());
    assertEquals(1, x.invalid());
    assertEquals("abc", x.invalidExample());
    assertEquals(7, x.invalidLine(), "the header is line 1");
    assertEquals(-2, x.numeric().min());
    assertEquals(3, x.numeric().max());
    assertEquals((1.5 - 2 + 3) / 3, x.numeric().mean(), 1e-12);
    ColumnProfile c = p.column("c").orElseThrow();
    assertEquals(2, c.missing(), "empty and NA are missing");
    assertEquals(3, c.frequency("a"));
    assertTrue(c.frequenciesComplete());
    assertEquals(3, c.distinct());
  }

  @Test
  void infersTypesFromTheFirstRowsAndAcceptsDeclaredOnes() throws Exception {
    Path f =
        csv(
            "t.csv",
            "d,t,i,b,s\n2012-01-01,2001-01-01T00:47,1,true,x\n2012-01-02,2001/01/02 10:00,2,false,y\n");
    DatasetProfile p = CsvProfiler.profile(f, ProfileOptions.defaults());
    assertEquals(ValueType.LOCAL_DATE, p.column("d").orElseThrow().type());
    assertEquals(ValueType.LOCAL_DATE_TIME, p.column("t").orElseThrow().type());
    assertEquals(ValueType.INTEGER, p.column("i").orElseThrow().type());
    assertEquals(ValueType.BOOLEAN, p.column("b").orElseThrow().type());
    assertEquals(ValueType.STRING, p.column("s").orElseThrow().type());
    assertEquals(
        "2012-01-02",
        p.column("d").orElseThrow().formatValue(p.column("d").orElseThrow().numeric().max()));
    DatasetProfile declared =
        CsvProfiler.profile(f, ProfileOptions.defaults().withTypes(Map.of("i", ValueType.STRING)));
    assertEquals(ValueType.STRING, declared.column("i").orElseThrow().type());
  }

  @Test
  void aFewStrayValuesDoNotTurnANumericColumnIntoText() throws Exception {
    StringBuilder s = new StringBuilder("x\n");
    for (int i = 0; i < 300; i++) {
      s.append(i).append('\n');
    }
    s.append("n.a.\n");
    ColumnProfile x =
        CsvProfiler.profile(csv("stray.csv", s.toString()), ProfileOptions.defaults())
            .column("x")
            .orElseThrow();
    assertEquals(ValueType.INTEGER, x.type());
    assertEquals(1, x.invalid());
    assertEquals("n.a.", x.invalidExample());
  }

  @Test
  void duplicatesAndLabelAssociation() throws Exception {
    StringBuilder s = new StringBuilder("id,copy,noise,y\n");
    Random r = new Random(1);
    for (int i = 0; i < 400; i++) {
      String y = r.nextBoolean() ? "yes" : "no";
      s.append(i % 300)
          .append(',')
          .append(y.equals("yes") ? "Y" : "N")
          .append(',')
          .append(r.nextInt(4))
          .append(',')
          .append(y)
          .append('\n');
    }
    s.append(
        "0,N,1,no\n0,N,1,no\n"); // two more copies of one row (duplicates of each other at least)
    Path f = csv("assoc.csv", s.toString());
    DatasetProfile p = CsvProfiler.profile(f, ProfileOptions.defaults().withLabel("y"));
    assertTrue(p.duplicatesExact());
    assertTrue(p.duplicateRows() >= 1);
    Association copy =
        p.associations().stream().filter(a -> a.feature().equals("copy")).findFirst().orElseThrow();
    assertEquals("cramersV", copy.measure());
    assertTrue(copy.value() > 0.99, "a column copying the label: " + copy);
    Association noise =
        p.associations().stream()
            .filter(a -> a.feature().equals("noise"))
            .findFirst()
            .orElseThrow();
    assertEquals("correlationRatio", noise.measure());
    assertTrue(noise.value() < 0.2, "an independent column: " + noise);
    Association id =
        p.associations().stream().filter(a -> a.feature().equals("id")).findFirst().orElseThrow();
    assertTrue(
        id.value() < 0.3,
        "a near-unique id is not a label proxy once corrected for its many values: " + id);
  }

  @Test
  void theSameDataGivesTheSameProfileEveryTime() throws Exception {
    Path f = Path.of("datasets/seattle-weather/data.csv");
    ProfileOptions options = ProfileOptions.defaults().withLabel("weather").withTime("date");
    assertEquals(
        Json.write(CsvProfiler.profile(f, options)), Json.write(CsvProfiler.profile(f, options)));
  }

  @Test
  void theStreamedProfileMatchesTheInMemoryTableProfile() {
    Path f = Path.of("datasets/seattle-weather/data.csv");
    ProfileOptions options = ProfileOptions.defaults().withLabel("weather").withTime("date");
    DatasetProfile streamed = CsvProfiler.profile(f, options);
    DatasetProfile table = TableProfiler.profile(DataLoader.load(f), options);
    for (ColumnProfile c : streamed.columns()) {
      ColumnProfile t = table.column(c.name()).orElseThrow();
      assertEquals(c.type(), t.type(), c.name());
      assertEquals(c.count(), t.count());
      assertEquals(c.missing(), t.missing());
      assertEquals(c.distinct(), t.distinct(), c.name());
      if (c.numeric() != null) {
        assertEquals(c.numeric().mean(), t.numeric().mean(), 1e-9);
        assertEquals(c.numeric().quantiles(), t.numeric().quantiles(), c.name());
        assertEquals(c.histogram(), t.histogram(), c.name());
      } else {
        assertEquals(c.frequencies(), t.frequencies());
      }
    }
    assertEquals(streamed.associations(), table.associations());
  }

  @Test
  void aFileCutAcrossThreadsGivesTheSameCountsAsOneThread() throws Exception {
    Path f = dir.resolve("big.csv");
    Random r = new Random(7);
    try (BufferedWriter w = Files.newBufferedWriter(f)) {
      w.write("k,x,q\n");
      for (int i = 0; i < 700_000; i++) {
        // quoted fields with newlines inside must not fool the cut between parts
        w.write(
            "k"
                + r.nextInt(50)
                + ","
                + (r.nextInt(2000) - 1000) / 10.0
                + ","
                + (i % 997 == 0 ? "\"a\nb\"" : "plain")
                + "\n");
      }
    }
    assertTrue(Files.size(f) > CsvFile.PARALLEL_MIN_BYTES);
    DatasetProfile one = CsvProfiler.profile(f, ProfileOptions.defaults().withThreads(1));
    DatasetProfile two = CsvProfiler.profile(f, ProfileOptions.defaults().withThreads(2));
    assertEquals(700_000, two.rows());
    for (ColumnProfile c : one.columns()) {
      ColumnProfile d = two.column(c.name()).orElseThrow();
      assertEquals(c.count(), d.count());
      assertEquals(c.missing(), d.missing());
      assertEquals(c.distinct(), d.distinct(), c.name());
      assertEquals(c.frequencies(), d.frequencies(), c.name());
      if (c.numeric() != null) {
        assertEquals(c.numeric().min(), d.numeric().min());
        assertEquals(c.numeric().max(), d.numeric().max());
        assertEquals(c.numeric().mean(), d.numeric().mean(), 1e-9);
        assertEquals(
            c.numeric().median(), d.numeric().median(), 5.0, "KLL median within its rank error");
      }
    }
    assertEquals(one.duplicateRows(), two.duplicateRows());
  }

  /**
   * A big file: rows, one quoted field of many lines across the middle (when asked), rows, then
   * {@code tail}.
   */
  private Path bigFile(String name, boolean quotedMiddle, String tail) throws Exception {
    Path f = dir.resolve(name);
    try (BufferedWriter w = Files.newBufferedWriter(f)) {
      w.write("k,x,q\n");
      for (int i = 0; i < 320_000; i++) {
        w.write("k" + (i % 50) + "," + (i % 2000 - 1000) / 10.0 + ",plain\n");
      }
      if (quotedMiddle) {
        w.write("k1,1.5,\"");
        for (int i = 0; i < 200_000; i++) {
          w.write("line " + i + "\n");
        }
        w.write("\"\n");
      }
      for (int i = 0; i < 320_000; i++) {
        w.write("k" + (i % 50) + "," + (i % 2000 - 1000) / 10.0 + ",plain\n");
      }
      w.write(tail);
    }
    assertTrue(Files.size(f) > CsvFile.PARALLEL_MIN_BYTES);
    return f;
  }

  @Test
  void aCutInsideAQuotedFieldIsFoundAndLinesStayRightAcrossThreads() throws Exception {
    for (boolean quotedMiddle : new boolean[] {false, true}) {
      Path f =
          bigFile("inv" + quotedMiddle + ".csv", quotedMiddle, "k2,oops,plain\nk3,2.5,plain\n");
      DatasetProfile one = CsvProfiler.profile(f, ProfileOptions.defaults().withThreads(1));
      DatasetProfile two = CsvProfiler.profile(f, ProfileOptions.defaults().withThreads(2));
      assertEquals(one.rows(), two.rows());
      assertEquals(quotedMiddle ? 640_003 : 640_002, two.rows());
      ColumnProfile x1 = one.column("x").orElseThrow();
      ColumnProfile x2 = two.column("x").orElseThrow();
      assertEquals(1, x2.invalid());
      assertEquals(x1.invalidLine(), x2.invalidLine());
      assertEquals(Files.readAllLines(f).size() - 1, x2.invalidLine());
      assertEquals(
          one.column("q").orElseThrow().distinct(), two.column("q").orElseThrow().distinct());

      Path bad = bigFile("bad" + quotedMiddle + ".csv", quotedMiddle, "k2,1,plain,extra\n");
      long lines = Files.readAllLines(bad).size();
      for (int threads : new int[] {1, 2}) {
        String message =
            assertThrows(
                    DataInputException.class,
                    () -> CsvProfiler.profile(bad, ProfileOptions.defaults().withThreads(threads)))
                .getMessage();
        assertTrue(
            message.endsWith(":" + lines + ": row has 4 fields but the header has 3"), message);
      }
    }
  }

  @Test
  void utf8TextWithAByteOrderMarkReadsAsWrittenAcrossBufferEnds() throws Exception {
    StringBuilder text = new StringBuilder("\uFEFFname,n\n");
    String[] names = {"caf\u00e9", "na\u00efve", "\u65e5\u672c", "plain", "\uD83D\uDE00x"};
    for (int i = 0; i < 60_000; i++) {
      text.append(names[i % names.length]).append(',').append(i).append('\n');
    }
    Path f = Files.writeString(dir.resolve("utf8.csv"), text.toString());
    DatasetProfile p = CsvProfiler.profile(f, ProfileOptions.defaults().withThreads(1));
    assertEquals(60_000, p.rows());
    ColumnProfile name = p.column("name").orElseThrow();
    assertEquals(5, name.distinct());
    for (ValueCount v : name.frequencies()) {
      assertTrue(java.util.Arrays.asList(names).contains(v.value()), v.value());
      assertEquals(12_000, v.count());
    }
  }

  @Test
  void badFilesAreOneLineErrorsNamingTheLine() throws Exception {
    assertTrue(
        assertThrows(
                DataInputException.class,
                () -> CsvProfiler.profile(dir.resolve("none.csv"), ProfileOptions.defaults()))
            .getMessage()
            .endsWith("none.csv: no such file"));
    Path empty = csv("empty.csv", "");
    assertTrue(
        assertThrows(
                DataInputException.class,
                () -> CsvProfiler.profile(empty, ProfileOptions.defaults()))
            .getMessage()
            .contains("empty"));
    Path ragged = csv("r.csv", "a,b\n1,2\n1,2,3\n");
    assertTrue(
        assertThrows(
                DataInputException.class,
                () -> CsvProfiler.profile(ragged, ProfileOptions.defaults()))
            .getMessage()
            .endsWith("r.csv:3: row has 3 fields but the header has 2"));
    Path dup = csv("d.csv", "a,a\n1,2\n");
    assertTrue(
        assertThrows(
                DataInputException.class, () -> CsvProfiler.profile(dup, ProfileOptions.defaults()))
            .getMessage()
            .contains("column 'a': appears twice in the header"));
    Path ok = csv("ok.csv", "a,b\n1,2\n");
    assertTrue(
        assertThrows(
                DataInputException.class,
                () -> CsvProfiler.profile(ok, ProfileOptions.defaults().withLabel("c")))
            .getMessage()
            .contains("column 'c': no such column; the header has a, b"));
  }
}
