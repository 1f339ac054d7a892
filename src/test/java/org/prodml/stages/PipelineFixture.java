package org.prodml.stages;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.prodml.pipeline.Params;
import org.prodml.pipeline.Pipeline;
import org.prodml.pipeline.PipelineConfig;
import org.prodml.pipeline.PipelineState;
import org.prodml.pipeline.StageResult;
import org.prodml.render.TextBlock;
import org.prodml.rules.Finding;
import org.prodml.work.Work;

/**
 * A pipeline on the shipped data with the pipeline and data-validation rules (whose drift rules
 * judge monitoring windows), and the helpers the model-stage tests read its results with.
 */
abstract class PipelineFixture {
  final Pipeline pipeline = Stages.pipeline();
  final PipelineState state =
      new PipelineState(
          new PipelineConfig(
              PipelineConfig.forHome(HOME).dataRoots(),
              List.of(HOME.resolve("rules/pipeline"), HOME.resolve("rules/data-validation")),
              null,
              null,
              50,
              PipelineConfig.DEFAULT_SEED));
  static final Path HOME = Path.of("").toAbsolutePath();

  StageResult run(String stage, Map<String, String> params) {
    return pipeline.run(state, stage, Params.of(params), Work.NONE);
  }

  StageResult run(String stage, Map<String, String> params, String body) {
    return pipeline.run(state, stage, new Params(params, body), Work.NONE);
  }

  static Set<String> ids(StageResult result) {
    return result.findings().stream().map(Finding::ruleId).collect(Collectors.toSet());
  }

  static List<String> subjects(StageResult result, String ruleId) {
    return result.findings().stream()
        .filter(f -> f.ruleId().equals(ruleId))
        .map(Finding::subject)
        .sorted()
        .toList();
  }

  <T> List<T> facts(String source, Class<T> type) {
    return state.factsBySource().getOrDefault(source, List.of()).stream()
        .filter(type::isInstance)
        .map(type::cast)
        .toList();
  }

  static String text(StageResult result) {
    return ((TextBlock) result.blocks().get(0)).text();
  }
}
