package org.prodml.stages;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.prodml.facts.ColumnComparisonFact;
import org.prodml.facts.FeatureFact;
import org.prodml.pipeline.Params;
import org.prodml.pipeline.Pipeline;
import org.prodml.pipeline.PipelineConfig;
import org.prodml.pipeline.PipelineState;
import org.prodml.pipeline.StageException;
import org.prodml.pipeline.StageResult;
import org.prodml.render.HtmlBlock;
import org.prodml.render.TableBlock;
import org.prodml.render.TextBlock;
import org.prodml.work.Work;

/** load → profile → validate → audit on the shipped weather spans, through the pipeline. */
class DataStagesTest {
  final Pipeline pipeline = Stages.pipeline();
  final PipelineState state =
      new PipelineState(PipelineConfig.forHome(Path.of("").toAbsolutePath()));

  StageResult run(String stage, Map<String, String> params) {
    return pipeline.run(state, stage, Params.of(params), Work.NONE);
  }

  @Test
  void loadTakesTypesAndRolesFromDatasetJson() {
    StageResult result = run("load", Map.of("file", "seattle-weather/spans/train-2012-2013.csv"));
    assertTrue(
        ((TextBlock) result.blocks().get(0)).text().startsWith("Loaded 731 rows × 6 columns"));
    TableBlock columns = (TableBlock) result.blocks().get(1);
    assertEquals(java.util.List.of("date", "LOCAL_DATE", "time", "0"), columns.rows().get(0));
    assertEquals(java.util.List.of("weather", "STRING", "label", "0"), columns.rows().get(5));
    assertEquals(731, state.requireTable("data", "load").rowCount());
  }

  @Test
  void profileShowsEveryColumnWithAChart() {
    run("load", Map.of("file", "seattle-weather/spans/train-2012-2013.csv"));
    StageResult result = run("profile", Map.of());
    TableBlock profile = (TableBlock) result.blocks().get(1);
    assertEquals(6, profile.rows().size());
    assertEquals("temp_max", profile.rows().get(2).get(0));
    assertEquals("-1.1", profile.rows().get(2).get(7), "min of temp_max in 2012-2013");
    assertTrue(((HtmlBlock) result.blocks().get(2)).html().contains("<svg"));
  }

  @Test
  void validateComparesServingWithTrainingAndStoresFacts() {
    run("load", Map.of("file", "seattle-weather/spans/train-2012-2013.csv"));
    run("load", Map.of("file", "seattle-weather/spans/serving-2015.csv", "as", "serving"));
    StageResult result = run("validate", Map.of());
    assertTrue(
        ((TextBlock) result.blocks().get(0))
            .text()
            .startsWith("Validated 'data' and serving against it"));
    long comparisons =
        state.facts().stream()
            .filter(
                f -> f instanceof ColumnComparisonFact c && c.comparison().equals("train-serving"))
            .count();
    assertEquals(6, comparisons);
    assertTrue(
        state.facts().stream()
            .anyMatch(
                f ->
                    f instanceof FeatureFact ff
                        && ff.column().equals("weather")
                        && ff.usage().equals("label")));
    int before = state.facts().size();
    run("validate", Map.of());
    assertEquals(before, state.facts().size(), "re-running a paragraph replaces its facts");
  }

  @Test
  void auditJudgesTheWholeNote() {
    run("load", Map.of("file", "seattle-weather/spans/train-2012-2013.csv"));
    StageResult result = run("audit", Map.of());
    assertTrue(((HtmlBlock) result.blocks().get(0)).html().contains("READY"));
    assertEquals(
        java.util.List.of("load", "audit"),
        state.runs().stream().map(org.prodml.pipeline.StageRun::stage).toList());
  }

  @Test
  void mistakesAreOneLineStageErrors() {
    StageException noData = assertThrows(StageException.class, () -> run("profile", Map.of()));
    assertTrue(noData.getMessage().contains("run %prodml.load"), noData.getMessage());
    StageException typo =
        assertThrows(StageException.class, () -> run("load", Map.of("fille", "x.csv")));
    assertTrue(typo.getMessage().contains("did you mean 'file'"), typo.getMessage());
    StageException outside =
        assertThrows(StageException.class, () -> run("load", Map.of("file", "../../etc/passwd")));
    assertTrue(outside.getMessage().contains("outside the data folders"), outside.getMessage());
  }
}
