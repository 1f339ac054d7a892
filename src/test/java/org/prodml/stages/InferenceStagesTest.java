package org.prodml.stages;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.prodml.facts.ParadigmComparisonFact;
import org.prodml.facts.ServingFact;
import org.prodml.pipeline.StageResult;

/**
 * Static against dynamic inference on the flights sample, through the serve and simulate stages.
 */
class InferenceStagesTest extends PipelineFixture {
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
    StageResult simulate =
        run("simulate", Map.of("paradigm", "inference", "keys", "origin", "requests", "3000"));
    assertEquals("inference", facts("simulate", ParadigmComparisonFact.class).get(0).paradigm());
    assertTrue(simulate.blocks().size() > 4);
  }
}
