package org.prodml.evaluate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.prodml.data.DataLoader;
import org.prodml.facts.FeatureImportanceFact;
import org.prodml.facts.SliceMetricFact;
import org.prodml.split.SplitMethod;
import org.prodml.split.SplitResult;
import org.prodml.split.SplitSpec;
import org.prodml.split.Splitter;
import org.prodml.train.LabelSpec;
import org.prodml.train.ModelSpec;
import org.prodml.train.ModelType;
import org.prodml.train.Predictions;
import org.prodml.train.TrainedModel;
import org.prodml.train.Trainer;
import org.prodml.transform.Encoding;
import org.prodml.transform.FitScope;
import org.prodml.transform.FittedTransforms;
import org.prodml.transform.Placement;
import org.prodml.transform.TransformPlan;
import org.prodml.work.Work;
import tech.tablesaw.api.Table;

class EvaluatorTest {
  @Test
  void aucCountsOrderedPairsAndTiesHalf() {
    // Positives score 0.9 and 0.4, negatives 0.4 and 0.1: pairs (0.9>0.4, 0.9>0.1, 0.4=0.4,
    // 0.4>0.1) → 3.5 / 4.
    assertEquals(
        0.875,
        Metrics.auc(new double[] {0.9, 0.4, 0.4, 0.1}, new boolean[] {true, true, false, false}),
        1e-12);
    assertEquals(Double.NaN, Metrics.auc(new double[] {0.2, 0.3}, new boolean[] {true, true}));
    assertEquals(Math.sqrt(2.5), Metrics.rmse(new double[] {1, 2}, new double[] {2, 4}), 1e-12);
    assertEquals(1.5, Metrics.mae(new double[] {1, 2}, new double[] {2, 4}), 1e-12);
  }

  @Test
  void flightDelaysWithALogisticModel() {
    Table flights = DataLoader.load(Path.of("datasets/flights-20k/data.csv"));
    SplitResult split =
        Splitter.split(
            flights, "data", new SplitSpec(SplitMethod.TIME, 0.25, null, "date"), "date", null);
    List<String> features = List.of("distance", "origin");
    FittedTransforms t =
        TransformPlan.parse(
                split.train(),
                features,
                "timepart date part=hour\nstandardize date.hour, distance",
                Encoding.LINEAR,
                Placement.MATERIALIZED,
                FitScope.TRAINING)
            .fit(split.train(), "train");
    LabelSpec delayed = new LabelSpec("delay", 15.0);
    TrainedModel model =
        Trainer.train(
            split.train(), t, ModelSpec.of(ModelType.LOGISTIC, delayed, 1L), "date", Work.NONE);
    Predictions p = model.predict(split.test());
    EvaluationResult result = Evaluator.evaluate(model, p, split.test(), "test");
    ClassificationMetrics r = result.classification();
    assertEquals(5000, result.rows());
    long positives = r.confusion()[1][0] + r.confusion()[1][1];
    assertEquals(r.perClass().get(1).support(), positives);
    assertTrue(
        r.auc() > 0.55 && r.auc() < 0.75,
        "hour and distance say a little about delays: AUC " + r.auc());
    assertTrue(r.accuracy() > 0.74, "accuracy " + r.accuracy());
    assertTrue(r.logLoss() > 0.4 && r.logLoss() < 0.7, "log loss " + r.logLoss());
    // Prediction bias = mean predicted probability − observed delay rate in March.
    double mean = Metrics.mean(p.positive());
    assertEquals(mean - (double) positives / result.rows(), r.predictionBias(), 1e-12);
    long bucketRows = r.calibration().stream().mapToLong(CalibrationBucket::rows).sum();
    assertEquals(5000, bucketRows);
    assertTrue(
        r.calibrationError() >= Math.abs(r.predictionBias()) - 1e-12,
        "the bucket-wise error bounds the overall bias");
  }

  @Test
  void slicesAndImportanceOnPenguins() {
    Table penguins = DataLoader.load(Path.of("datasets/penguins/data.csv"));
    SplitResult split =
        Splitter.split(
            penguins,
            "data",
            new SplitSpec(SplitMethod.STRATIFIED, 0.3, 2L, "Species"),
            null,
            null);
    List<String> features = List.of("Island", "Beak Length (mm)", "Beak Depth (mm)", "Sex");
    FittedTransforms t =
        TransformPlan.auto(
                split.train(), features, Encoding.LINEAR, Placement.MATERIALIZED, FitScope.TRAINING)
            .fit(split.train(), "train");
    TrainedModel model =
        Trainer.train(
            split.train(),
            t,
            ModelSpec.of(ModelType.LOGISTIC, LabelSpec.of("Species"), 1L),
            null,
            Work.NONE);
    Predictions p = model.predict(split.test());
    EvaluationResult overall = Evaluator.evaluate(model, p, split.test(), "test");
    List<SliceMetricFact> slices = Evaluator.slices(model, p, split.test(), "Island", overall);
    assertEquals(3, slices.size());
    assertEquals(overall.rows(), slices.stream().mapToLong(SliceMetricFact::rows).sum());
    List<SliceMetricFact> quartiles =
        Evaluator.slices(model, p, split.test(), "Beak Depth (mm)", overall);
    assertTrue(quartiles.get(0).slice().startsWith("q"), quartiles.get(0).slice());
    Map<String, FeatureImportanceFact> importance =
        Evaluator.permutationImportance(model, split.test(), 3, 5L, Work.NONE).stream()
            .collect(Collectors.toMap(FeatureImportanceFact::feature, Function.identity()));
    assertEquals(
        1.0,
        importance.get("Beak Length (mm)").relativeImportance(),
        1e-12,
        "beak length tells Adelie from the rest");
    assertTrue(importance.get("Beak Length (mm)").importance() > 0.2);
    assertTrue(
        importance.get("Sex").relativeImportance() < 0.1,
        "sex says little about species: " + importance.get("Sex"));
    assertEquals(
        importance,
        Evaluator.permutationImportance(model, split.test(), 3, 5L, Work.NONE).stream()
            .collect(Collectors.toMap(FeatureImportanceFact::feature, Function.identity())),
        "seeded shuffles repeat");
  }

  @Test
  void regressionMetricsOnCars() {
    Table cars = DataLoader.load(Path.of("datasets/cars/data.csv"));
    SplitResult split =
        Splitter.split(
            cars, "data", new SplitSpec(SplitMethod.TIME, 0.25, null, "Year"), "Year", null);
    List<String> features = List.of("Weight_in_lbs", "Horsepower", "Origin");
    FittedTransforms t =
        TransformPlan.auto(
                split.train(), features, Encoding.LINEAR, Placement.MATERIALIZED, FitScope.TRAINING)
            .fit(split.train(), "train");
    TrainedModel model =
        Trainer.train(
            split.train(),
            t,
            ModelSpec.of(ModelType.LINEAR, LabelSpec.of("Miles_per_Gallon"), 1L),
            "Year",
            Work.NONE);
    EvaluationResult result = Evaluator.evaluate(model, split.test(), "test");
    assertEquals("rmse", result.metric());
    RegressionMetrics r = result.regression();
    assertTrue(
        r.bias() < -2,
        "cars of the last model years use less fuel than the older ones predict: bias " + r.bias());
    assertTrue(r.rmse() > Math.abs(r.bias()));
  }
}
