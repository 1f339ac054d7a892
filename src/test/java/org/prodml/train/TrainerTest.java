package org.prodml.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.prodml.data.DataLoader;
import org.prodml.evaluate.EvaluationResult;
import org.prodml.evaluate.Evaluator;
import org.prodml.evaluate.RegressionMetrics;
import org.prodml.split.SplitMethod;
import org.prodml.split.SplitResult;
import org.prodml.split.SplitSpec;
import org.prodml.split.Splitter;
import org.prodml.transform.FitScope;
import org.prodml.transform.FittedTransforms;
import org.prodml.transform.Placement;
import org.prodml.transform.TransformPlan;
import org.prodml.work.Work;
import tech.tablesaw.api.Table;

class TrainerTest {
  static final List<String> PENGUIN_FEATURES =
      List.of(
          "Island",
          "Beak Length (mm)",
          "Beak Depth (mm)",
          "Flipper Length (mm)",
          "Body Mass (g)",
          "Sex");
  static final Table PENGUINS = DataLoader.load(Path.of("datasets/penguins/data.csv"));
  static final SplitResult SPLIT =
      Splitter.split(
          PENGUINS,
          "data",
          new SplitSpec(SplitMethod.STRATIFIED, 0.25, 11L, "Species"),
          null,
          null);

  static TrainedModel train(ModelSpec spec) {
    Table train = SPLIT.train();
    FittedTransforms t =
        TransformPlan.auto(
                train,
                PENGUIN_FEATURES,
                spec.type().encoding(),
                Placement.MATERIALIZED,
                FitScope.TRAINING)
            .fit(train, "train");
    return Trainer.train(train, t, spec, null, Work.NONE);
  }

  static ModelSpec forest(Long seed) {
    return ModelSpec.of(ModelType.FOREST, LabelSpec.of("Species"), seed).with("trees", 15);
  }

  @Test
  void theSameSeedGivesTheSameForestAndAnotherSeedAnother() {
    TrainedModel a = train(forest(7L));
    TrainedModel b = train(forest(7L));
    TrainedModel c = train(forest(8L));
    assertEquals(a.fingerprint(), b.fingerprint());
    assertNotEquals(a.fingerprint(), c.fingerprint());
    assertTrue(a.seeded());
    assertEquals(7, a.seed());
    assertEquals(
        List.of(
            "maxDepth=20",
            "maxNodes=rows/5",
            "mtry=default",
            "nodeSize=5",
            "subsample=1.0",
            "trees=15"),
        a.fact().hyperparameters());
    assertTrue(a.fact().randomized());
  }

  @Test
  void theSameSeedGivesTheSameBoostedModel() {
    ModelSpec spec = ModelSpec.of(ModelType.GBT, LabelSpec.of("Species"), 5L).with("trees", 20);
    assertEquals(train(spec).fingerprint(), train(spec).fingerprint());
  }

  @Test
  void twoNotesTrainingAtOnceGetTheModelsTheyWouldGetAlone() throws Exception {
    ModelSpec gbt = ModelSpec.of(ModelType.GBT, LabelSpec.of("Species"), 5L).with("trees", 20);
    List<String> alone =
        List.of(
            train(forest(7L)).fingerprint(),
            train(forest(8L)).fingerprint(),
            train(gbt).fingerprint());
    var pool = java.util.concurrent.Executors.newFixedThreadPool(3);
    try {
      for (int round = 0; round < 3; round++) {
        var a = pool.submit(() -> train(forest(7L)).fingerprint());
        var b = pool.submit(() -> train(forest(8L)).fingerprint());
        var c = pool.submit(() -> train(gbt).fingerprint());
        assertEquals(alone, List.of(a.get(), b.get(), c.get()), "round " + round);
      }
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void anUnseededRunIsRecordedAsSuch() {
    TrainedModel m = train(forest(null));
    assertFalse(m.seeded());
    assertEquals(0, m.seed());
    assertFalse(m.fact().seeded());
    assertNotEquals(
        m.fingerprint(), train(forest(null)).fingerprint(), "two unseeded forests differ");
  }

  @Test
  void logisticRegressionBeatsTheMajorityBaselineOnPenguins() {
    TrainedModel logistic = train(ModelSpec.of(ModelType.LOGISTIC, LabelSpec.of("Species"), 1L));
    TrainedModel baseline = train(ModelSpec.of(ModelType.BASELINE, LabelSpec.of("Species"), 1L));
    EvaluationResult l = Evaluator.evaluate(logistic, SPLIT.test(), "test");
    EvaluationResult b = Evaluator.evaluate(baseline, SPLIT.test(), "test");
    assertEquals(86, l.rows());
    assertEquals(38.0 / 86, b.value(), 1e-12, "the baseline always says Adelie");
    assertTrue(l.value() > 0.97, "logistic accuracy " + l.value());
    assertEquals(List.of("Adelie", "Chinstrap", "Gentoo"), logistic.classes());
    assertFalse(logistic.fact().randomized());
  }

  @Test
  void linearRegressionOnCars() {
    Table cars = DataLoader.load(Path.of("datasets/cars/data.csv"));
    List<String> features =
        List.of(
            "Cylinders", "Displacement", "Horsepower", "Weight_in_lbs", "Acceleration", "Origin");
    FittedTransforms t =
        TransformPlan.auto(
                cars,
                features,
                ModelType.LINEAR.encoding(),
                Placement.MATERIALIZED,
                FitScope.TRAINING)
            .fit(cars, "data");
    TrainedModel ols =
        Trainer.train(
            cars,
            t,
            ModelSpec.of(ModelType.LINEAR, LabelSpec.of("Miles_per_Gallon"), 1L),
            "Year",
            Work.NONE);
    assertEquals(398, ols.trainingRows(), "the 8 rows without a label are left out");
    RegressionMetrics r = Evaluator.evaluate(ols, cars, "data").regression();
    assertTrue(r.r2() > 0.7 && r.r2() < 0.8, "R² " + r.r2());
    assertEquals(
        0, r.bias(), 1e-6, "least squares with an intercept has no bias on its training rows");
    assertEquals("1982-01-01", ols.trainingDataEnd());
    TrainedModel forest =
        Trainer.train(
            cars,
            TransformPlan.auto(
                    cars,
                    features,
                    ModelType.FOREST.encoding(),
                    Placement.MATERIALIZED,
                    FitScope.TRAINING)
                .fit(cars, "data"),
            ModelSpec.of(ModelType.FOREST, LabelSpec.of("Miles_per_Gallon"), 1L).with("trees", 20),
            null,
            Work.NONE);
    assertTrue(Evaluator.evaluate(forest, cars, "data").regression().rmse() < r.rmse());
  }

  @Test
  void aDerivedYesNoLabelOnFlights() {
    Table flights = DataLoader.load(Path.of("datasets/flights-20k/data.csv")).first(3000);
    LabelSpec delayed = new LabelSpec("delay", 15.0);
    assertEquals(List.of("delay ≤ 15", "delay > 15"), delayed.classes(flights));
    FittedTransforms t =
        TransformPlan.parse(
                flights,
                List.of("distance", "origin"),
                "timepart date part=hour",
                ModelType.LOGISTIC.encoding(),
                Placement.MATERIALIZED,
                FitScope.TRAINING)
            .fit(flights, "train");
    TrainedModel m =
        Trainer.train(flights, t, ModelSpec.of(ModelType.LOGISTIC, delayed, 1L), "date", Work.NONE);
    assertEquals("classification", m.fact().task());
    assertEquals("delay > 15", m.fact().label());
    assertThrows(
        IllegalArgumentException.class,
        () ->
            Trainer.train(
                flights,
                t,
                ModelSpec.of(ModelType.LOGISTIC, LabelSpec.of("delay"), 1L),
                "date",
                Work.NONE));
  }

  @Test
  void aCancelledForestStopsBeforeMostTreesAreGrown() {
    Table flights = DataLoader.load(Path.of("datasets/flights-20k/data.csv"));
    FittedTransforms t =
        TransformPlan.parse(
                flights,
                List.of("distance", "origin", "destination"),
                "timepart date part=hour",
                ModelType.FOREST.encoding(),
                Placement.MATERIALIZED,
                FitScope.TRAINING)
            .fit(flights, "train");
    AtomicBoolean cancel = new AtomicBoolean();
    double[] progress = {0};
    Work work =
        Work.of(
            f -> {
              progress[0] = f;
              if (f > 0.06) {
                cancel.set(true); // after the first trees
              }
            },
            cancel::get);
    long started = System.nanoTime();
    long[] cancelledAt = {0};
    assertThrows(
        CancellationException.class,
        () ->
            Trainer.train(
                flights,
                t,
                ModelSpec.of(ModelType.FOREST, new LabelSpec("delay", 15.0), 3L).with("trees", 500),
                "date",
                Work.of(
                    f -> {
                      work.report(f);
                      if (cancel.get() && cancelledAt[0] == 0) {
                        cancelledAt[0] = System.nanoTime();
                      }
                    },
                    work::isCancelled)));
    long stopped = System.nanoTime();
    assertTrue(cancelledAt[0] > 0, "progress was reported before the cancel");
    // Judged by work left undone, not by a clock: a loaded machine must not fail it.
    assertTrue(
        progress[0] < 0.5,
        "most of the 500 trees were never grown: "
            + progress[0]
            + " after "
            + (stopped - started) / 1e6
            + " ms");
  }
}
