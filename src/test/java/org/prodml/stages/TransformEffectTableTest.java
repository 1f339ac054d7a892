package org.prodml.stages;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.prodml.pipeline.Params;
import org.prodml.pipeline.Pipeline;
import org.prodml.pipeline.PipelineConfig;
import org.prodml.pipeline.PipelineState;
import org.prodml.render.TableBlock;
import org.prodml.work.Work;

/**
 * The per-table effect of fitted transforms shows a centered column as mean 0, not as rounding
 * noise.
 */
class TransformEffectTableTest {

  @Test
  void aColumnStandardizedOnItsOwnRowsShowsMeanZero() {
    PipelineState state = new PipelineState(PipelineConfig.forHome(Path.of("").toAbsolutePath()));
    Pipeline pipeline = Stages.pipeline();
    pipeline.run(
        state,
        "load",
        Params.of(Map.of("file", "seattle-weather/spans/train-2012-2013.csv", "as", "train")),
        Work.NONE);
    pipeline.run(
        state,
        "load",
        Params.of(Map.of("file", "seattle-weather/spans/serving-2015.csv", "as", "serving")),
        Work.NONE);
    var result = pipeline.run(state, "transform", Params.of(Map.of("fit", "training")), Work.NONE);
    TableBlock effect =
        result.blocks().stream()
            .filter(b -> b instanceof TableBlock t && t.title().startsWith("features after"))
            .map(b -> (TableBlock) b)
            .findFirst()
            .orElseThrow();
    List<String> tempMax =
        effect.rows().stream().filter(r -> r.get(0).equals("temp_max")).findFirst().orElseThrow();
    assertEquals("0 ± 1", tempMax.get(1), "training rows: centered by construction");
    assertEquals(
        "0.2402 ± 0.9989",
        tempMax.get(2),
        "2015 is warmer than 2012-2013: the drift stays visible");
  }

  @Test
  void onlyNoiseNextToTheSpreadCountsAsZero() {
    assertEquals(0, TransformStage.centered(-8.356e-16, 1));
    assertEquals(0.001, TransformStage.centered(0.001, 1));
    assertEquals(
        0,
        TransformStage.centered(5e-12, Double.NaN),
        "without a spread, noise is judged against 1");
  }
}
