package org.prodml.stages;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.prodml.facts.ParadigmComparisonFact;
import org.prodml.facts.ServingFact;
import org.prodml.pipeline.Params;
import org.prodml.pipeline.Pipeline;
import org.prodml.pipeline.PipelineConfig;
import org.prodml.pipeline.PipelineState;
import org.prodml.pipeline.Progress;
import org.prodml.pipeline.StageResult;
import org.prodml.render.TextBlock;
import org.prodml.rules.Finding;

/** Static against dynamic inference on the flights sample, through the serve and simulate stages. */
class InferenceStagesTest {
  final Pipeline pipeline = Stages.pipeline();
  /** The pipeline rules and the data-validation rules (whose drift rules judge monitoring windows). */
  final PipelineState state = new PipelineState(new PipelineConfig(PipelineConfig.forHome(HOME).dataRoots(),
      List.of(HOME.resolve("rules/pipeline"), HOME.resolve("rules/data-validation")), 50, PipelineConfig.DEFAULT_SEED));
  static final Path HOME = Path.of("").toAbsolutePath();

  StageResult run(String stage, Map<String, String> params) {
    return pipeline.run(state, stage, Params.of(params), Progress.NONE);
  }

  StageResult run(String stage, Map<String, String> params, String body) {
    return pipeline.run(state, stage, new Params(params, body), Progress.NONE);
  }

  static Set<String> ids(StageResult result) {
    return result.findings().stream().map(Finding::ruleId).collect(Collectors.toSet());
  }

  static List<String> subjects(StageResult result, String ruleId) {
    return result.findings().stream().filter(f -> f.ruleId().equals(ruleId)).map(Finding::subject).sorted().toList();
  }

  <T> List<T> facts(String source, Class<T> type) {
    return state.factsBySource().getOrDefault(source, List.of()).stream().filter(type::isInstance).map(type::cast).toList();
  }

  static String text(StageResult result) {
    return ((TextBlock) result.blocks().get(0)).text();
  }

  @Test
  void staticAndDynamicInferenceOnFlights() {
    run("load", Map.of("file", "flights-20k/data.csv"));
    run("split", Map.of("test", "0.65"));
    run("transform", Map.of(), "timepart date part=hour\nstandardize distance, date.hour");
    run("train", Map.of("model", "logistic", "above", "15"));
    StageResult serve = run("serve", Map.of("keys", "origin,destination", "limit", "3000"));
    Map<String, ServingFact> byMode = new HashMap<>();
    facts("serve", ServingFact.class).forEach(f -> byMode.put(f.mode(), f));
    assertTrue(byMode.get("static").coverage() < byMode.get("dynamic").coverage());
    assertEquals(List.of("origin", "destination"), byMode.get("static").keyColumns());
    assertTrue(ids(serve).contains("PL-040"), "rare routes are missed: " + serve.findings());
    assertTrue(ids(serve).contains("PL-044"), "served before any evaluation");
    assertTrue(text(serve).startsWith("Served 3000 requests from 'test'"), text(serve));
    StageResult simulate = run("simulate", Map.of("paradigm", "inference", "keys", "origin", "requests", "3000"));
    assertEquals("inference", facts("simulate", ParadigmComparisonFact.class).get(0).paradigm());
    assertTrue(simulate.blocks().size() > 4);
  }
}
