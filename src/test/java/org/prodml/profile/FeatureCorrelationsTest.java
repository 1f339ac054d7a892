package org.prodml.readiness;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.prodml.data.DataLoader;
import org.prodml.facts.FeatureCorrelationFact;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

class FeatureCorrelationsTest {

  @Test
  void pearsonOnTheWeatherData() {
    Table weather = DataLoader.load(Path.of("datasets/seattle-weather/data.csv"));
    List<FeatureCorrelationFact> facts =
        FeatureCorrelations.of(
            weather,
            "seattle-weather",
            List.of("precipitation", "temp_max", "temp_min", "wind", "weather"));
    assertEquals(
        6,
        facts.size(),
        "the 4 numeric features pairwise; weather is categorical and pairs with no other");
    FeatureCorrelationFact temps =
        facts.stream()
            .filter(f -> f.featureA().equals("temp_max") && f.featureB().equals("temp_min"))
            .findFirst()
            .orElseThrow();
    assertEquals("pearson", temps.measure());
    assertEquals(1461, temps.rows());
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
    List<FeatureCorrelationFact> facts =
        FeatureCorrelations.of(t, "t", List.of("city", "code", "unrelated", "c", "f"));
    FeatureCorrelationFact same = find(facts, "city", "code");
    assertEquals("cramersV", same.measure());
    assertEquals(1.0, same.value(), 1e-9);
    assertEquals(299, same.rows(), "the row with a missing code is skipped");
    assertTrue(find(facts, "city", "unrelated").value() < 0.1, "independent categories");
    FeatureCorrelationFact units = find(facts, "c", "f");
    assertEquals(1.0, units.value(), 1e-9);
    assertEquals(299, units.rows(), "NaN is skipped");
    assertEquals(
        4, facts.size(), "3 categorical pairs and 1 numeric pair; mixed pairs are not measured");
    assertThrows(
        IllegalArgumentException.class, () -> FeatureCorrelations.of(t, "t", List.of("nope")));
  }

  static FeatureCorrelationFact find(List<FeatureCorrelationFact> facts, String a, String b) {
    return facts.stream()
        .filter(f -> f.featureA().equals(a) && f.featureB().equals(b))
        .findFirst()
        .orElseThrow();
  }
}
