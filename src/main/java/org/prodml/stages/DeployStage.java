package org.prodml.stages;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.prodml.deploy.DeploymentChecks;
import org.prodml.facts.DeploymentCheckFact;
import org.prodml.pipeline.Params;
import org.prodml.pipeline.PipelineState;
import org.prodml.pipeline.Progress;
import org.prodml.pipeline.StageResult;
import org.prodml.render.Tables;
import org.prodml.report.ModelTables;
import org.prodml.rules.Judgement;
import org.prodml.rules.Topic;
import org.prodml.train.TrainedModel;
import tech.tablesaw.api.Table;

/**
 * The course's deployment tests, run on the current model: reproducible training (train again,
 * compare), test calls (serve a sample, check each response), integration (the pipeline end to
 * end on a sample) and model–infrastructure compatibility (inputs, types, format version). The
 * quality gate runs in the evaluate stage, whose facts this stage's rules read as well.
 */
public final class DeployStage implements org.prodml.pipeline.Stage {
  @Override
  public String name() {
    return "deploy";
  }

  @Override
  public String summary() {
    return "deployment tests: reproducible training, test calls, integration on a sample, model–serving compatibility";
  }

  @Override
  public Map<String, String> parameters() {
    Map<String, String> p = new LinkedHashMap<>();
    p.put("checks", "which tests, comma-separated (default: reproducibility, test-calls, integration, compatibility)");
    p.put("requests", "the table test calls and compatibility use (default: serving, else test)");
    p.put("calls", "test calls to make (default 100)");
    p.put("sample", "rows of the integration sample (default 500)");
    p.put("seed", "the seed of the samples (default: the note's seed)");
    p.put("accepts", "model formats the serving side loads, comma-separated (default: this version's format)");
    p.put("thresholds", "rule threshold overrides");
    return p;
  }

  @Override
  public StageResult run(PipelineState state, Params params, Progress progress) {
    TrainedModel model = state.require(ModelKeys.MODEL, ModelKeys.TRAIN_FIRST);
    List<String> checks = params.has("checks") ? params.list("checks") : DeploymentChecks.CHECKS;
    String trainedOn = state.get(ModelKeys.TRAINED_ON).orElse(StageKeys.trainingTable(state));
    Table training = state.requireTable(trainedOn, "%prodml.train()");
    String requestsName = params.string("requests", state.table("serving").isPresent() ? "serving" : state.table("test").isPresent() ? "test" : trainedOn);
    Table requests = state.requireTable(requestsName, "%prodml.load(file=…, as=" + requestsName + ")");
    DeploymentChecks.Inputs inputs = new DeploymentChecks.Inputs(state.table(model.transforms().fittedOn()).orElse(training), training,
        state.table("test").orElse(training), requests, state.table("data").orElse(training), StageKeys.roles(state).time(),
        params.integer("calls", DeploymentChecks.DEFAULT_CALLS), params.integer("sample", DeploymentChecks.DEFAULT_SAMPLE_ROWS),
        params.longValue("seed", state.config().defaultSeed()),
        params.has("accepts") ? Set.copyOf(params.list("accepts")) : DeploymentChecks.SERVING_ACCEPTS);
    List<DeploymentCheckFact> facts = StageSupport.library(() -> DeploymentChecks.run(model, checks, inputs, StageSupport.work(progress)));
    state.setFacts("deploy", facts);
    Judgement judgement = StageSupport.judge(state, params, r -> r.topic() == Topic.DEPLOYMENT || r.topic() == Topic.REPRODUCIBILITY);
    List<DeploymentCheckFact> shown = new ArrayList<>(facts);
    state.factsBySource().getOrDefault("evaluate", List.of()).stream()
        .filter(f -> f instanceof DeploymentCheckFact).map(f -> (DeploymentCheckFact) f).forEach(shown::add);
    long failing = judgement.findings().stream().filter(f -> f.topic() == Topic.DEPLOYMENT || f.topic() == Topic.REPRODUCIBILITY).count();
    Set<String> ran = new LinkedHashSet<>(checks);
    return StageResult.builder()
        .text("Ran " + String.join(", ", ran) + " on " + model.id() + "; " + StageSupport.findingsSummary((int) failing) + ".")
        .table(Tables.findings("findings", judgement.findings()))
        .findings(judgement.findings())
        .table(ModelTables.deployment(shown))
        .build();
  }
}
