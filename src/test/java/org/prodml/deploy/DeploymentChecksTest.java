package org.prodml.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.prodml.data.DataLoader;
import org.prodml.evaluate.EvaluationResult;
import org.prodml.evaluate.Evaluator;
import org.prodml.evaluate.QualityGate;
import org.prodml.facts.DeploymentCheckFact;
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

class DeploymentChecksTest {
  static final Table TRAIN =
      DataLoader.load(Path.of("datasets/seattle-weather/spans/train-2012-2013.csv"));
  static final Table TEST =
      DataLoader.load(Path.of("datasets/seattle-weather/spans/test-2014.csv"));
  static final List<String> FEATURES = List.of("precipitation", "temp_max", "temp_min", "wind");

  static TrainedModel forest(Long seed) {
    FittedTransforms t =
        TransformPlan.auto(
                TRAIN, FEATURES, Encoding.TREE, Placement.MATERIALIZED, FitScope.TRAINING)
            .fit(TRAIN, "train");
    return Trainer.train(
        TRAIN,
        t,
        ModelSpec.of(ModelType.FOREST, LabelSpec.of("weather"), seed).with("trees", 10),
        "date",
        Work.NONE);
  }

  @Test
  void aSeededForestReproducesAndAnUnseededOneDoesNot() {
    DeploymentCheckFact seeded =
        DeploymentChecks.reproducibility(forest(3L), TRAIN, TRAIN, "date", TEST, Work.NONE);
    assertEquals(0, seeded.failures(), seeded.detail());
    assertEquals(seeded.observed(), seeded.reference());
    DeploymentCheckFact unseeded =
        DeploymentChecks.reproducibility(forest(null), TRAIN, TRAIN, "date", TEST, Work.NONE);
    assertTrue(unseeded.failures() >= 1, unseeded.detail());
    assertTrue(unseeded.detail().contains("no seed"), unseeded.detail());
  }

  @Test
  void testCallsIntegrationAndCompatibility() {
    TrainedModel model = forest(3L);
    DeploymentCheckFact calls = DeploymentChecks.testCalls(model, TEST, 50, 1L);
    assertEquals(50, calls.checked());
    assertEquals(0, calls.failures(), calls.detail());
    DeploymentCheckFact integration =
        DeploymentChecks.integration(model, TRAIN, "date", 300, 1L, Work.NONE);
    assertEquals(0, integration.failures(), integration.detail());
    DeploymentCheckFact compatible =
        DeploymentChecks.compatibility(model, TEST, DeploymentChecks.SERVING_ACCEPTS);
    assertEquals(0, compatible.failures(), compatible.detail());
    assertEquals(5, compatible.checked(), "four inputs and the format");
    Table withoutWind = TEST.copy().removeColumns("wind");
    DeploymentCheckFact missing =
        DeploymentChecks.compatibility(model, withoutWind, Set.of("prodml-model/0"));
    assertEquals(2, missing.failures(), missing.detail());
    assertTrue(
        missing.detail().contains("input wind is not in the serving data"), missing.detail());
  }

  @Test
  void theQualityGateComparesWithThePreviousModelAndTheFloor() {
    TrainedModel forestModel = forest(3L);
    EvaluationResult forest = Evaluator.evaluate(forestModel, TEST, "test");
    FittedTransforms t =
        TransformPlan.auto(
                TRAIN, FEATURES, Encoding.TREE, Placement.MATERIALIZED, FitScope.TRAINING)
            .fit(TRAIN, "train");
    TrainedModel baseline =
        Trainer.train(
            TRAIN,
            t,
            ModelSpec.of(ModelType.BASELINE, LabelSpec.of("weather"), 0L),
            null,
            Work.NONE);
    EvaluationResult majority = Evaluator.evaluate(baseline, TEST, "test");
    DeploymentCheckFact first = QualityGate.againstPrevious(forest, null);
    assertFalse(first.executed());
    DeploymentCheckFact worse = QualityGate.againstPrevious(majority, forest);
    assertEquals(forest.value() - majority.value(), worse.worsening(), 1e-12);
    assertTrue(worse.worsening() > 0.2);
    double[] forestLosses = Evaluator.rowScores(forestModel, forestModel.predict(TEST), TEST);
    double[] majorityLosses = Evaluator.rowScores(baseline, baseline.predict(TEST), TEST);
    DeploymentCheckFact floor =
        QualityGate.againstFloor(forest, majority, null, forestLosses, majorityLosses);
    assertEquals("Brier score", floor.metric(), "the baseline is compared on a proper score");
    assertEquals(forest.classification().brier(), floor.observed(), 1e-12);
    assertEquals(majority.classification().brier(), floor.reference(), 1e-12);
    assertTrue(floor.worsening() < 0, "the forest beats the class shares: " + floor.detail());
    // A model whose losses differ from the baseline's only by noise that averages out has not
    // shown it learned anything: it fails the gate though its mean is not worse.
    double[] noisy = majorityLosses.clone();
    for (int i = 0; i < noisy.length; i++) {
      noisy[i] += i % 2 == 0 ? 0.01 : -0.01;
    }
    DeploymentCheckFact tie =
        QualityGate.againstFloor(forest, majority, null, noisy, majorityLosses);
    assertTrue(tie.worsening() > 0, "a tie with the baseline fails the gate: " + tie.detail());
    DeploymentCheckFact given =
        QualityGate.againstFloor(forest, majority, 0.99, forestLosses, majorityLosses);
    assertEquals("accuracy", given.metric(), "a floor the team gives is on the headline metric");
    assertEquals(0.99 - forest.value(), given.worsening(), 1e-12);
  }
}
