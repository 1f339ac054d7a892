package org.prodml.stages;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.prodml.facts.DeploymentCheckFact;
import org.prodml.facts.EvaluationFact;
import org.prodml.facts.FeatureImportanceFact;
import org.prodml.facts.ModelFact;
import org.prodml.facts.MonitoringWindowFact;
import org.prodml.facts.ParadigmComparisonFact;
import org.prodml.facts.ServingFact;
import org.prodml.facts.SplitFact;
import org.prodml.facts.TransformFact;
import org.prodml.pipeline.StageException;
import org.prodml.pipeline.StageResult;
import org.prodml.render.HtmlBlock;
import org.prodml.rules.Finding;

/**
 * transform → split → train → evaluate → serve → monitor → simulate → deploy on Seattle weather,
 * through the pipeline.
 */
class ModelStagesTest extends PipelineFixture {
  @Test
  void theWholeLifecycleOnSeattleWeather() {
    List<String> lifecycle =
        List.of(
            "load",
            "profile",
            "validate",
            "transform",
            "split",
            "train",
            "evaluate",
            "serve",
            "monitor",
            "simulate",
            "deploy");
    assertEquals(
        lifecycle,
        List.copyOf(pipeline.registry().all().keySet()).subList(0, lifecycle.size()),
        "the stages come in curriculum order");
    run("load", Map.of("file", "seattle-weather/data.csv"));

    StageResult random = run("split", Map.of("method", "random", "seed", "3"));
    assertEquals(
        List.of("date"),
        subjects(random, "DV-021"),
        "a random split of daily data tests on the past");
    StageResult split = run("split", Map.of());
    assertFalse(ids(split).contains("DV-021"));
    SplitFact fact = facts("split", SplitFact.class).get(0);
    assertEquals("time", fact.method());
    assertEquals(1169, fact.trainRows());
    assertEquals("2015-03-14", fact.trainMaxTime());

    StageResult perBatch =
        run(
            "transform",
            Map.of("fit", "batch"),
            "standardize temp_max, temp_min\nclip precipitation min=0 max=30");
    assertEquals(
        List.of("temp_max", "temp_min"),
        subjects(perBatch, "PL-001"),
        "only the stateful transforms are judged");
    StageResult transform = run("transform", Map.of());
    assertTrue(ids(transform).isEmpty(), transform.findings().toString());
    assertEquals(
        4,
        facts("transform", TransformFact.class).size(),
        "standardize each of the four numeric features");
    assertTrue(
        text(transform)
            .startsWith(
                "Fitted 4 transforms (automatic plan for linear models) on 'train' (1169 rows)"),
        text(transform));

    StageResult unseeded = run("train", Map.of("model", "forest", "trees", "10", "seed", "none"));
    assertEquals(1, subjects(unseeded, "PL-020").size());
    StageResult train = run("train", Map.of("model", "logistic"));
    assertFalse(ids(train).contains("PL-020"));
    ModelFact model = facts("train", ModelFact.class).get(0);
    assertEquals("logistic", model.modelType());
    assertEquals(42, model.seed(), "the note's default seed");
    assertEquals(List.of("precipitation", "temp_max", "temp_min", "wind"), model.features());

    StageResult evaluate = run("evaluate", Map.of("repeats", "2"));
    EvaluationFact evaluation = facts("evaluate", EvaluationFact.class).get(0);
    assertEquals("test", evaluation.table());
    assertEquals(292, evaluation.rows());
    assertTrue(evaluation.value() > evaluation.baselineValue(), evaluation.toString());
    assertFalse(
        Double.isNaN(evaluation.previousValue()), "the unseeded forest is the previous model");
    assertEquals(4, facts("evaluate", FeatureImportanceFact.class).size());
    List<DeploymentCheckFact> gate = facts("evaluate", DeploymentCheckFact.class);
    assertEquals(
        List.of("quality-vs-previous", "quality-floor"),
        gate.stream().map(DeploymentCheckFact::check).toList());
    assertTrue(gate.get(1).worsening() < 0, "above the baseline floor");
    assertTrue(
        evaluate.blocks().stream()
            .anyMatch(b -> b instanceof HtmlBlock h && h.html().contains("<svg")),
        "a calibration chart");

    run("load", Map.of("file", "seattle-weather/spans/serving-2015.csv", "as", "serving"));
    StageResult serve = run("serve", Map.of("mode", "dynamic", "path", "reimplemented"));
    assertEquals(
        List.of("precipitation", "temp_max", "temp_min", "wind"),
        subjects(serve, "PL-042"),
        "serving recomputed every z-score from 2015's data");
    ServingFact served = facts("serve", ServingFact.class).get(0);
    assertEquals(365, served.requests());
    assertEquals(1.0, served.coverage());
    StageResult shared = run("serve", Map.of("mode", "dynamic"));
    assertFalse(ids(shared).contains("PL-042"));
    assertThrows(
        StageException.class,
        () -> run("serve", Map.of("mode", "static")),
        "static inference needs keys; weather has no text input");
    StageResult keyless = run("serve", Map.of());
    assertEquals(
        List.of("dynamic"),
        facts("serve", ServingFact.class).stream().map(ServingFact::mode).toList(),
        "without a key space, only dynamic inference runs unless static is asked for: "
            + keyless.blocks().get(0));

    StageResult unmonitored = run("monitor", Map.of());
    assertTrue(ids(unmonitored).contains("PL-050"), "no monitoring declared");
    assertEquals(12, facts("monitor", MonitoringWindowFact.class).size());

    StageResult simulate = run("simulate", Map.of());
    assertTrue(ids(simulate).contains("PL-060"), simulate.findings().toString());
    ParadigmComparisonFact paradigm = facts("simulate", ParadigmComparisonFact.class).get(0);
    assertEquals(31, paradigm.stalenessDays());

    StageResult monitored =
        run("monitor", Map.of("checks", "drift,age,quality", "owner", "ml-oncall"));
    assertFalse(ids(monitored).contains("PL-050"));
    assertFalse(ids(monitored).contains("PL-051"));
    assertEquals(
        List.of(
            "2015-04", "2015-05", "2015-06", "2015-07", "2015-08", "2015-09", "2015-10", "2015-11",
            "2015-12"),
        subjects(monitored, "PL-052"),
        "the model's data ends 2015-03-14: from April on it is older than the 31 days measured");

    StageResult deploy = run("deploy", Map.of("calls", "30", "sample", "200"));
    List<DeploymentCheckFact> checks = facts("deploy", DeploymentCheckFact.class);
    assertEquals(
        List.of("reproducibility", "test-calls", "integration", "compatibility"),
        checks.stream().map(DeploymentCheckFact::check).toList());
    assertTrue(checks.stream().allMatch(c -> c.failures() == 0), checks.toString());
    assertTrue(
        deploy.findings().stream().noneMatch(Finding::isCritical), deploy.findings().toString());
  }
}
