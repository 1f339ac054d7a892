package org.prodml.profile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.prodml.csv.CsvFile;
import org.prodml.data.DataLoader;
import org.prodml.facts.FeatureCorrelationFact;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

class FeatureCorrelationsTest {
  @TempDir Path dir;

  @Test
  void pearsonOnTheWeatherData() {
    Path file = Path.of("datasets/seattle-weather/data.csv");
    DatasetProfile profile = CsvProfiler.profile(file, ProfileOptions.defaults());
    List<FeatureCorrelationFact> facts =
        FeatureCorrelations.of(
            profile, List.of("precipitation", "temp_max", "temp_min", "wind", "weather"));
    assertEquals(
        1,
        facts.size(),
        "of the 4 numeric features only the temperatures go together; weather pairs with no other: "
            + facts);
    FeatureCorrelationFact temps = facts.get(0);
    assertEquals(List.of("temp_max", "temp_min"), List.of(temps.featureA(), temps.featureB()));
    assertEquals("pearson", temps.measure());
    assertEquals(1461, temps.rows());
    assertEquals(1461, temps.sampleRows(), "a small file is sampled whole");
    assertEquals("all 1461 rows", temps.sampled());
    Table weather = DataLoader.load(file);
    assertEquals(
        textbookPearson(
            weather.doubleColumn("temp_max").asDoubleArray(),
            weather.doubleColumn("temp_min").asDoubleArray()),
        temps.value(),
        1e-9);
    assertTrue(
        temps.value() > 0.8 && temps.value() < 0.95, "related, not copies: " + temps.value());
  }

  static double textbookPearson(double[] x, double[] y) {
    double mx = java.util.Arrays.stream(x).average().orElseThrow();
    double my = java.util.Arrays.stream(y).average().orElseThrow();
    double sxy = 0;
    double sxx = 0;
    double syy = 0;
    for (int i = 0; i < x.length; i++) {
      sxy += (x[i] - mx) * (y[i] - my);
      sxx += (x[i] - mx) * (x[i] - mx);
      syy += (y[i] - my) * (y[i] - my);
    }
    return Math.abs(sxy / Math.sqrt(sxx * syy));
  }

  @Test
  void cramersVForCategoricalPairsAndMissingValuesSkipped() {
    String[] city = new String[300];
    String[] copy = new String[300];
    String[] unrelated = new String[300];
    double[] celsius = new double[300];
    double[] fahrenheit = new double[300];
    for (int i = 0; i < 300; i++) {
      city[i] = "city" + (i % 3);
      copy[i] = "code" + (i % 3);
      unrelated[i] = "u" + ((i / 3) % 4);
      celsius[i] = i % 37;
      fahrenheit[i] = i == 5 ? Double.NaN : celsius[i] * 9 / 5 + 32;
    }
    Table t =
        Table.create(
            "t",
            StringColumn.create("city", city),
            StringColumn.create("code", copy),
            StringColumn.create("unrelated", unrelated),
            DoubleColumn.create("c", celsius),
            DoubleColumn.create("f", fahrenheit));
    t.stringColumn("code").setMissing(7);
    DatasetProfile profile = TableProfiler.profile(t, ProfileOptions.defaults());
    List<FeatureCorrelationFact> facts =
        FeatureCorrelations.of(profile, List.of("city", "code", "unrelated", "c", "f"));
    FeatureCorrelationFact same = find(facts, "city", "code");
    assertEquals("cramersV", same.measure());
    assertEquals(1.0, same.value(), 1e-9);
    assertEquals(299, same.rows(), "the row with a missing code is skipped");
    FeatureCorrelationFact units = find(facts, "c", "f");
    assertEquals(1.0, units.value(), 1e-9);
    assertEquals(299, units.rows(), "NaN is skipped");
    assertEquals(2, facts.size(), "independent categories and mixed pairs are no facts: " + facts);
    assertThrows(
        IllegalArgumentException.class, () -> FeatureCorrelations.of(profile, List.of("nope")));
  }

  /**
   * A file of more rows than the sample holds, read in two parts at once: its near copy is found on
   * a sample of {@link RowSample#ROWS} rows, the same whether it was read in one part or two.
   */
  @Test
  void aLargeFileIsMeasuredOnTheSameSampleWhateverTheParts() throws Exception {
    Path file = dir.resolve("large.csv");
    Random random = new Random(7);
    int rows = 120_000;
    try (BufferedWriter w = Files.newBufferedWriter(file)) {
      w.write("id,x,x_copy,y,label\n");
      for (int i = 0; i < rows; i++) {
        double x = random.nextGaussian() * 10;
        w.write(
            "row-number-"
                + i
                + ","
                + x
                + ","
                + (x * 1.8 + 32 + random.nextGaussian() * 0.5)
                + ","
                + random.nextGaussian()
                + ","
                + (random.nextBoolean() ? "yes" : "no")
                + "\n");
      }
    }
    assertTrue(Files.size(file) > CsvFile.PARALLEL_MIN_BYTES, "read in two parts");
    List<String> features = List.of("x", "x_copy", "y");
    DatasetProfile twoParts =
        CsvProfiler.profile(file, ProfileOptions.defaults().withLabel("label").withThreads(2));
    DatasetProfile onePart =
        CsvProfiler.profile(file, ProfileOptions.defaults().withLabel("label").withThreads(1));
    List<FeatureCorrelationFact> facts = FeatureCorrelations.of(twoParts, features);
    assertEquals(facts, FeatureCorrelations.of(onePart, features), "the same sample");
    assertEquals(1, facts.size(), facts.toString());
    FeatureCorrelationFact copy = facts.get(0);
    assertEquals(List.of("x", "x_copy"), List.of(copy.featureA(), copy.featureB()));
    assertEquals(RowSample.ROWS, copy.sampleRows());
    assertEquals(rows, copy.datasetRows());
    assertEquals("a seeded sample of 10000 of its 120000 rows", copy.sampled());
    assertTrue(copy.value() > 0.99, "x_copy nearly copies x: " + copy.value());
  }

  /**
   * Hundreds of features are screened on a few rows first; the pairs found must be those a
   * measurement of every pair on the whole sample finds.
   */
  @Test
  void screeningFindsWhatMeasuringEveryPairFinds() {
    Random random = new Random(11);
    int features = 420;
    int rows = 800;
    List<tech.tablesaw.columns.Column<?>> columns = new ArrayList<>();
    double[][] values = new double[features][rows];
    for (int f = 0; f < features; f++) {
      for (int r = 0; r < rows; r++) {
        if (f % 40 == 39) {
          values[f][r] = values[f - 1][r] * 3 + random.nextGaussian() * 0.2; // a near copy
        } else if (f % 40 == 19) {
          values[f][r] = values[f - 1][r] + random.nextGaussian() * 0.7; // about 0.82
        } else if (f % 40 == 29) {
          values[f][r] = values[f - 1][r] + random.nextGaussian() * 1.2; // about 0.64
        } else {
          values[f][r] = random.nextGaussian();
        }
      }
      if (f % 50 == 7) {
        values[f][random.nextInt(rows)] = Double.NaN;
        values[f][random.nextInt(rows)] = Double.NaN;
      }
      columns.add(DoubleColumn.create("f" + f, values[f]));
    }
    String[] code = new String[rows];
    String[] codeCopy = new String[rows];
    String[] other = new String[rows];
    for (int r = 0; r < rows; r++) {
      int c = random.nextInt(6);
      code[r] = "c" + c;
      codeCopy[r] = random.nextInt(50) == 0 ? "x" + random.nextInt(6) : "d" + c;
      other[r] = "o" + random.nextInt(5);
    }
    columns.add(StringColumn.create("code", code));
    columns.add(StringColumn.create("code_copy", codeCopy));
    columns.add(StringColumn.create("other", other));
    Table table = Table.create("wide", columns);
    DatasetProfile profile = TableProfiler.profile(table, ProfileOptions.defaults());
    List<String> names = table.columnNames();
    assertTrue(
        (long) features * (features - 1) / 2 * rows > FeatureCorrelations.EXHAUSTIVE_WORK,
        "wide enough to be screened");

    List<FeatureCorrelationFact> facts = FeatureCorrelations.of(profile, names);
    List<String> expected = new ArrayList<>();
    for (int a = 0; a < features; a++) {
      for (int b = a + 1; b < features; b++) {
        if (completePearson(values[a], values[b]) >= FeatureCorrelations.MIN_REPORTED) {
          expected.add("f" + a + "~f" + b);
        }
      }
    }
    expected.add("code~code_copy");
    assertEquals(expected, facts.stream().map(f -> f.featureA() + "~" + f.featureB()).toList());
    assertTrue(expected.size() >= 2 * features / 40, "both the copies and the 0.82 pairs");
  }

  /** Pearson over the rows where both are present, textbook style (two passes). */
  static double completePearson(double[] x, double[] y) {
    double mx = 0;
    double my = 0;
    int n = 0;
    for (int i = 0; i < x.length; i++) {
      if (!Double.isNaN(x[i]) && !Double.isNaN(y[i])) {
        mx += x[i];
        my += y[i];
        n++;
      }
    }
    mx /= n;
    my /= n;
    double sxy = 0;
    double sxx = 0;
    double syy = 0;
    for (int i = 0; i < x.length; i++) {
      if (!Double.isNaN(x[i]) && !Double.isNaN(y[i])) {
        sxy += (x[i] - mx) * (y[i] - my);
        sxx += (x[i] - mx) * (x[i] - mx);
        syy += (y[i] - my) * (y[i] - my);
      }
    }
    return Math.abs(sxy / Math.sqrt(sxx * syy));
  }

  static FeatureCorrelationFact find(List<FeatureCorrelationFact> facts, String a, String b) {
    return facts.stream()
        .filter(f -> f.featureA().equals(a) && f.featureB().equals(b))
        .findFirst()
        .orElseThrow();
  }
}
