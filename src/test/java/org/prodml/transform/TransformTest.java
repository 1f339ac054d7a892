package org.prodml.transform;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.prodml.data.DataLoader;
import org.prodml.facts.TransformFact;
import tech.tablesaw.api.Table;

class TransformTest {
  static final Table TRAIN =
      DataLoader.load(Path.of("datasets/seattle-weather/spans/train-2012-2013.csv"));
  static final Table SERVING =
      DataLoader.load(Path.of("datasets/seattle-weather/spans/serving-2015.csv"));

  static double mean(double[] v) {
    return Arrays.stream(v).average().orElse(Double.NaN);
  }

  static double sd(double[] v) {
    double m = mean(v);
    return Math.sqrt(Arrays.stream(v).map(x -> (x - m) * (x - m)).sum() / (v.length - 1));
  }

  static FittedTransforms fit(String body, FitScope scope, Table on) {
    return TransformPlan.parse(
            on,
            List.of("precipitation", "temp_max", "temp_min", "wind"),
            body,
            Encoding.LINEAR,
            Placement.MATERIALIZED,
            scope)
        .fit(on, "train");
  }

  @Test
  void standardizeFittedOnTrainingCentresOnlyTrainingRows() {
    FittedTransforms t = fit("standardize temp_max", FitScope.TRAINING, TRAIN);
    double[] train = t.apply(TRAIN).column("temp_max");
    double[] serving = t.apply(SERVING).column("temp_max");
    assertEquals(0, mean(train), 1e-9);
    assertEquals(1, sd(train), 1e-9);
    // 2015 was warmer than 2012-2013: with the training statistics the shift stays visible.
    assertEquals(0.240, mean(serving), 0.005);
    TransformFact fact = t.facts().get(0);
    assertEquals("standardize", fact.transform());
    assertEquals("training", fact.fitScope());
    assertEquals("mean=15.67 sd=7.33", fact.parameters());
  }

  @Test
  void perBatchFittingHidesTheShiftAndZeroesASingleRequest() {
    FittedTransforms t = fit("standardize temp_max", FitScope.BATCH, TRAIN);
    assertEquals("batch", t.facts().get(0).fitScope());
    assertEquals(
        0, mean(t.apply(SERVING).column("temp_max")), 1e-9, "each batch is centred on itself");
    assertEquals(
        0,
        t.applyRow(SERVING, 200)[t.featureNames().indexOf("temp_max")],
        0,
        "a batch of one has no spread");
    FittedTransforms once = fit("standardize temp_max", FitScope.TRAINING, TRAIN);
    assertNotEquals(0, once.applyRow(SERVING, 200)[once.featureNames().indexOf("temp_max")], 1e-6);
  }

  @Test
  void rowAndBatchPathsAgree() {
    FittedTransforms t =
        fit(
            "standardize temp_max, temp_min\nbucketize wind buckets=4\nlog precipitation",
            FitScope.TRAINING,
            TRAIN);
    FeatureMatrix batch = t.apply(SERVING);
    for (int r : new int[] {0, 17, 180, 364}) {
      assertArrayEquals(batch.row(r), t.applyRow(SERVING, r), 1e-12);
    }
  }

  @Test
  void minMaxClipLogAndBucketize() {
    FittedTransforms t =
        fit(
            "minmax temp_min\nclip precipitation max=10\nlog wind offset=-3\nbucketize temp_max buckets=4",
            FitScope.TRAINING,
            TRAIN);
    FeatureMatrix m = t.apply(TRAIN);
    assertEquals(0, Arrays.stream(m.column("temp_min")).min().orElseThrow(), 1e-12);
    assertEquals(1, Arrays.stream(m.column("temp_min")).max().orElseThrow(), 1e-12);
    assertEquals(10, Arrays.stream(m.column("precipitation")).max().orElseThrow(), 0);
    // ln(wind - 3) is undefined for calm days: the fact counts the NaNs the transform made.
    TransformFact log =
        t.facts().stream().filter(f -> f.transform().equals("log")).findFirst().orElseThrow();
    long calm =
        Arrays.stream(TRAIN.doubleColumn("wind").asDoubleArray()).filter(w -> w <= 3).count();
    assertEquals(calm, log.nonFinite());
    assertTrue(calm > 100);
    // Quantile buckets hold about a quarter of the training rows each.
    for (int b = 0; b < 4; b++) {
      double share = mean(m.column("temp_max_bucket" + b));
      assertEquals(0.25, share, 0.03, "bucket " + b);
    }
  }

  @Test
  void clipBoundsAndBucketEdgesAreInterpolatedPercentiles() {
    FittedTransforms t = fit("clip wind\nbucketize temp_max buckets=4", FitScope.TRAINING, TRAIN);
    // 731 training days: the 1st percentile lies between the 8th and 9th smallest wind (0.8 and
    // 0.9 m/s), 3/10 of the way; a nearest-rank percentile would say 0.8 and 7.6.
    assertEquals("min=0.83 max=7.57", t.facts().get(0).parameters());
    assertEquals("edges=9.7 14.4 21.7", t.facts().get(1).parameters());
  }

  @Test
  void oneHotHashCrossIndexAndTimePartOnFlights() {
    Table flights = DataLoader.load(Path.of("datasets/flights-20k/data.csv"));
    Table january = flights.first(6937);
    Table march = flights.last(7099);
    TransformPlan plan =
        TransformPlan.parse(
            january,
            List.of("distance", "origin", "destination"),
            "onehot origin top=10\nhash destination buckets=16\ncross origin, destination buckets=32\ntimepart date part=hour",
            Encoding.LINEAR,
            Placement.MATERIALIZED,
            FitScope.TRAINING);
    FittedTransforms t = plan.fit(january, "train");
    assertEquals(1 + 10 + 16 + 32 + 1, t.featureNames().size(), t.featureNames().toString());
    FeatureMatrix m = t.apply(march);
    // An origin outside the ten most frequent January ones gets all zeros; a known one exactly one
    // 1.
    int row = 0;
    double ones = 0;
    for (String f : t.featureNames()) {
      if (f.startsWith("origin=")) {
        ones += m.column(f)[row];
      }
    }
    String origin = march.stringColumn("origin").get(row);
    assertEquals(t.featureNames().contains("origin=" + origin) ? 1 : 0, ones);
    // A stable hash: the same bucket in another fit, on another table.
    FittedTransforms again = plan.fit(march, "train");
    assertArrayEquals(
        t.apply(march.first(50)).column("destination#3"),
        again.apply(march.first(50)).column("destination#3"));
    double[] hours = m.column("date.hour");
    assertEquals(march.dateTimeColumn("date").get(0).getHour(), hours[0]);
    assertEquals("origin×destination", t.sourceOf("origin×destination#5"));
    // Index codes for trees: 0 for anything outside the vocabulary.
    FittedTransforms index =
        TransformPlan.parse(
                january,
                List.of("origin"),
                "index origin top=5",
                Encoding.TREE,
                Placement.IN_MODEL,
                FitScope.TRAINING)
            .fit(january, "train");
    assertEquals(6, index.nominal().get("origin").size());
    assertEquals("in-model", index.placement());
    long other = Arrays.stream(index.apply(march).column("origin")).filter(c -> c == 0).count();
    assertTrue(
        other > 3000 && other < 6000,
        "most March flights leave from outside the top five: " + other);
  }

  @Test
  void fillAndAutomaticPlanOnPenguins() {
    Table penguins = DataLoader.load(Path.of("datasets/penguins/data.csv"));
    List<String> features =
        List.of(
            "Island",
            "Beak Length (mm)",
            "Beak Depth (mm)",
            "Flipper Length (mm)",
            "Body Mass (g)",
            "Sex");
    FittedTransforms auto =
        TransformPlan.auto(
                penguins, features, Encoding.LINEAR, Placement.MATERIALIZED, FitScope.TRAINING)
            .fit(penguins, "data");
    assertTrue(
        Arrays.stream(auto.apply(penguins).column("Body Mass (g)")).allMatch(Double::isFinite),
        "missing values filled");
    assertEquals(
        List.of(
            "Island",
            "Beak Length (mm)",
            "Beak Depth (mm)",
            "Flipper Length (mm)",
            "Body Mass (g)",
            "Sex"),
        auto.sources().stream()
            .sorted((a, b) -> features.indexOf(a) - features.indexOf(b))
            .toList());
    FittedTransforms declared =
        TransformPlan.parse(
                penguins,
                features,
                "fill Body Mass (g) with=median\nstandardize Body Mass (g)",
                Encoding.TREE,
                Placement.MATERIALIZED,
                FitScope.TRAINING)
            .fit(penguins, "data");
    TransformFact fill =
        declared.facts().stream()
            .filter(f -> f.column().equals("Body Mass (g)") && f.transform().equals("fill"))
            .findFirst()
            .orElseThrow();
    assertEquals("value=4050", fill.parameters());
    assertTrue(
        declared.nominal().containsKey("Island"),
        "the text features the body left out get the tree encoding");
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                TransformPlan.parse(
                    penguins,
                    features,
                    "standardize Beak Width",
                    Encoding.LINEAR,
                    Placement.MATERIALIZED,
                    FitScope.TRAINING));
    assertTrue(e.getMessage().startsWith("line 1: standardize: no column 'Beak'"), e.getMessage());
  }

  @Test
  void aReimplementedServingPathComputesOtherFeatures() {
    FittedTransforms t = fit("standardize temp_max", FitScope.TRAINING, TRAIN);
    FittedTransforms serving = t.servingReimplementation(SERVING);
    assertEquals(0, mean(serving.apply(SERVING).column("temp_max")), 1e-9);
    assertNotEquals(
        t.apply(SERVING).column("temp_max")[0], serving.apply(SERVING).column("temp_max")[0], 1e-6);
    FittedTransforms inModel =
        TransformPlan.parse(
                TRAIN,
                List.of("temp_max"),
                "standardize temp_max placement=in-model",
                Encoding.LINEAR,
                Placement.MATERIALIZED,
                FitScope.TRAINING)
            .fit(TRAIN, "train");
    assertArrayEquals(
        inModel.apply(SERVING).column("temp_max"),
        inModel.servingReimplementation(SERVING).apply(SERVING).column("temp_max"),
        "a transform in the model travels with it");
  }
}
