package org.prodml.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.prodml.data.DataLoader;
import org.prodml.facts.FeatureSkewFact;
import org.prodml.facts.ServingFact;
import org.prodml.train.LabelSpec;
import org.prodml.train.ModelSpec;
import org.prodml.train.ModelType;
import org.prodml.train.TrainedModel;
import org.prodml.train.Trainer;
import org.prodml.transform.Encoding;
import org.prodml.transform.FitScope;
import org.prodml.transform.FittedTransforms;
import org.prodml.transform.Placement;
import org.prodml.transform.TransformPlan;
import org.prodml.work.Work;
import tech.tablesaw.api.Table;

class ServingTest {
  static final Table FLIGHTS = DataLoader.load(Path.of("datasets/flights-20k/data.csv"));
  static final Table JANUARY = FLIGHTS.first(6937);
  static final Table MARCH = FLIGHTS.last(7099);

  static TrainedModel model(FitScope scope) {
    FittedTransforms t =
        TransformPlan.parse(
                JANUARY,
                List.of("distance", "origin", "destination"),
                "timepart date part=hour\nstandardize distance, date.hour",
                Encoding.LINEAR,
                Placement.MATERIALIZED,
                scope)
            .fit(JANUARY, "train");
    return Trainer.train(
        JANUARY,
        t,
        ModelSpec.of(ModelType.LOGISTIC, new LabelSpec("delay", 15.0), 1L),
        "date",
        Work.NONE);
  }

  @Test
  void staticRouteTableMissesTheRareRoutesThatDynamicAnswers() {
    TrainedModel model = model(FitScope.TRAINING);
    StaticInference table =
        StaticInference.precompute(
            model, JANUARY, List.of("origin", "destination"), 1, Integer.MAX_VALUE);
    ServingResult s = table.serve(MARCH, "date");
    ServingResult d =
        DynamicInference.serve(model, MARCH, ServingPath.SHARED, table.keySpace(), "date");
    ServingFact sf = s.fact();
    ServingFact df = d.fact();
    assertEquals(7099, sf.requests());
    assertEquals(1.0, df.coverage());
    assertTrue(
        sf.coverage() < 0.9 && sf.coverage() > 0.6,
        "static coverage of March routes " + sf.coverage());
    assertEquals(
        table.size(), sf.predictionsComputed(), "static computes one prediction per cached route");
    assertEquals(7099, df.predictionsComputed());
    // Unseen routes are all misses; routes seen 50+ times in January are all hits.
    assertEquals(0, s.coverageByFrequency().get("unseen")[1]);
    long[] head = s.coverageByFrequency().get("50+ rows");
    assertEquals(head[0], head[1]);
    assertTrue(sf.tailRequestShare() > 0.2, "a long tail: " + sf.tailRequestShare());
    // Static answers are older: computed when January's data ended.
    assertTrue(sf.meanAgeHours() > 24 * 40, "mean age " + sf.meanAgeHours());
    assertEquals(0, df.meanAgeHours());
    assertTrue(sf.p50Ms() < df.p50Ms(), "a lookup is faster than transforms and a model");
    assertTrue(df.p99Ms() > 0 && df.p99Ms() < 50, "dynamic p99 " + df.p99Ms());
    assertEquals(0, df.nonFiniteOutputs());
  }

  @Test
  void aReimplementedServingPathIsCaughtAsSkew() {
    TrainedModel model = model(FitScope.TRAINING);
    List<FeatureSkewFact> shared = SkewCheck.compare(model, MARCH, ServingPath.SHARED, 500);
    assertTrue(shared.stream().allMatch(f -> f.mismatchedRows() == 0), shared.toString());
    List<FeatureSkewFact> reimplemented =
        SkewCheck.compare(model, MARCH, ServingPath.REIMPLEMENTED, 500);
    FeatureSkewFact distance =
        reimplemented.stream()
            .filter(f -> f.feature().equals("distance"))
            .findFirst()
            .orElseThrow();
    assertEquals(
        500,
        distance.mismatchedRows(),
        "a z-score with March's mean and spread differs on every row");
    FeatureSkewFact origin =
        reimplemented.stream().filter(f -> f.feature().equals("origin")).findFirst().orElseThrow();
    assertEquals(
        0,
        origin.mismatchedRows(),
        "origin is hashed (over 30 values): a stateless hash has nothing to recompute");
    FittedTransforms vocabulary =
        TransformPlan.parse(
                JANUARY,
                List.of("origin"),
                "onehot origin top=20",
                Encoding.LINEAR,
                Placement.MATERIALIZED,
                FitScope.TRAINING)
            .fit(JANUARY, "train");
    TrainedModel onehot =
        Trainer.train(
            JANUARY,
            vocabulary,
            ModelSpec.of(ModelType.LOGISTIC, new LabelSpec("delay", 15.0), 1L),
            "date",
            Work.NONE);
    FeatureSkewFact rebuilt =
        SkewCheck.compare(onehot, MARCH, ServingPath.REIMPLEMENTED, 2000).get(0);
    assertTrue(
        rebuilt.mismatchedRows() > 0 && rebuilt.mismatchShare() < 0.2,
        "a top-20 vocabulary rebuilt from March differs for the airports near the cut: " + rebuilt);
  }

  @Test
  void perBatchNormalisationIsSkewBetweenABatchAndOneRequest() {
    TrainedModel model = model(FitScope.BATCH);
    List<FeatureSkewFact> skew = SkewCheck.compare(model, MARCH, ServingPath.SHARED, 300);
    FeatureSkewFact distance =
        skew.stream().filter(f -> f.feature().equals("distance")).findFirst().orElseThrow();
    assertEquals(300, distance.mismatchedRows());
  }
}
