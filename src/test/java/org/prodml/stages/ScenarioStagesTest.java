package org.prodml.stages;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.prodml.facts.FeatureCorrelationFact;
import org.prodml.facts.FeatureFact;
import org.prodml.facts.LabelAssociationFact;
import org.prodml.facts.ModelFact;
import org.prodml.pipeline.DataRoots;
import org.prodml.pipeline.Params;
import org.prodml.pipeline.Pipeline;
import org.prodml.pipeline.PipelineConfig;
import org.prodml.pipeline.PipelineState;
import org.prodml.pipeline.StageException;
import org.prodml.pipeline.StageResult;
import org.prodml.rules.Finding;
import org.prodml.work.Work;

/**
 * What the course's flaw lessons need from the stages: a column the model must not use can be
 * declared at load (and the leakage rules then leave it alone), and validation measures how the
 * training features move together, so the correlation rule can fire in a note.
 *
 * <p>The data are small samples of two scenarios in {@code src/test/resources/scenario-samples/}
 * (its README says where they came from), not the teaching data itself, so regenerating the
 * scenarios cannot break these tests. The rules are the shipped ones.
 */
class ScenarioStagesTest {
  static final Path SAMPLES = Path.of("src/test/resources/scenario-samples");
  final Pipeline pipeline = Stages.pipeline();
  final PipelineState state =
      new PipelineState(
          new PipelineConfig(
              DataRoots.of(SAMPLES),
              List.of(Path.of("rules")),
              null,
              null,
              PipelineConfig.DEFAULT_MAX_ROWS,
              PipelineConfig.DEFAULT_SEED));

  StageResult run(String stage, Map<String, String> params) {
    return pipeline.run(state, stage, Params.of(params), Work.NONE);
  }

  static final String DESK = "flights-rebooking-desk/history-sample.csv";

  @Test
  void aLeakingProxyIsFoundAndAnIgnoredColumnIsNeitherJudgedNorTrainedOn() {
    run("load", Map.of("file", DESK));
    StageResult leaking = run("validate", Map.of());
    assertTrue(
        leaking.findings().stream()
            .anyMatch(
                f -> f.ruleId().equals("FL-001") && "desk".equals(String.valueOf(f.subject()))),
        "the desk stands in for the label");

    run("load", Map.of("file", DESK, "ignore", "desk"));
    StageResult ignored = run("validate", Map.of());
    assertTrue(
        ignored.findings().stream().map(Finding::topic).noneMatch(t -> t.name().equals("LEAKAGE")));
    assertTrue(
        state.facts().stream()
            .anyMatch(
                f ->
                    f instanceof FeatureFact ff
                        && ff.column().equals("desk")
                        && ff.usage().equals("ignored")));
    assertTrue(
        state.facts().stream()
            .noneMatch(f -> f instanceof LabelAssociationFact a && a.feature().equals("desk")));
    run("transform", Map.of("for", "tree"));
    run("train", Map.of("model", "baseline"));
    ModelFact model =
        state.facts().stream()
            .filter(f -> f instanceof ModelFact)
            .map(f -> (ModelFact) f)
            .findFirst()
            .orElseThrow();
    assertEquals(List.of("distance", "origin", "destination"), model.features());
  }

  @Test
  void ignoringAColumnTheDataLacksIsAnError() {
    StageException e =
        assertThrows(
            StageException.class, () -> run("load", Map.of("file", DESK, "ignore", "desks")));
    assertTrue(
        e.getMessage().startsWith("ignore names 'desks', which is not a column"), e.getMessage());
  }

  @Test
  void validationMeasuresFeatureCorrelationsAndFlagsNearCopies() {
    run("load", Map.of("file", "weather-upstream-signals/train-sample.csv"));
    StageResult result = run("validate", Map.of());
    assertTrue(
        state.facts().stream()
            .anyMatch(
                f ->
                    f instanceof FeatureCorrelationFact c
                        && c.featureA().equals("temp_max")
                        && c.featureB().equals("temp_max_f")
                        && c.value() > 0.99));
    assertTrue(
        result.findings().stream()
            .anyMatch(
                f -> f.ruleId().equals("FL-010") && "temp_max".equals(String.valueOf(f.subject()))),
        "temp_max_f nearly copies temp_max");
  }
}
