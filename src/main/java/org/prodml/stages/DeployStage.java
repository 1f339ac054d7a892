package org.prodml.stages;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.prodml.deploy.DeploymentCheck;
import org.prodml.deploy.DeploymentChecks;
import org.prodml.facts.DeploymentCheckFact;
import org.prodml.pipeline.Parameter;
import org.prodml.pipeline.Params;
import org.prodml.pipeline.PipelineState;
import org.prodml.pipeline.Stage;
import org.prodml.pipeline.StageResult;
import org.prodml.render.ModelTables;
import org.prodml.render.Tables;
import org.prodml.rules.Judgement;
import org.prodml.train.TrainedModel;
import org.prodml.work.Work;
import tech.tablesaw.api.Table;

/**
 * The course's deployment tests, run on the current model: reproducible training (train again,
 * compare), test calls (serve a sample, check each response), integration (the pipeline end to end
 * on a sample) and model–infrastructure compatibility (inputs, types, format version). The quality
 * gate runs in the evaluate stage; the deployment rules judge its facts here too.
 */
public final class DeployStage implements Stage {
  @Override
  public String name() {
    return "deploy";
  }

  @Override
  public String summary() {
    return "deployment tests: reproducible training, test calls, integration on a sample, model–serving compatibility";
  }

  @Override
  public List<Parameter> parameters() {
    return List.of(
        Parameter.of(
            Parameter.ON,
            "the table test calls and compatibility use (default: serving, else test)"),
        new Parameter(
            "checks",
            "which tests, comma-separated (default: all, in this order)",
            DeploymentCheck.labels()),
        Parameter.of(
            "calls", "test calls to make (default " + DeploymentChecks.DEFAULT_CALLS + ")"),
        Parameter.of(
            "sample",
            "rows of the integration sample (default "
                + DeploymentChecks.DEFAULT_SAMPLE_ROWS
                + ")"),
        StageSupport.seedParameter("the samples"),
        Parameter.of(
            "accepts",
            "model formats the serving side loads, comma-separated (default: this version's format)"),
        StageSupport.thresholdsParameter("gate.maxDrop:0.02"));
  }

  @Override
  public StageResult run(PipelineState state, Params params, Work work) {
    TrainedModel model = state.require(StageKeys.MODEL, StageKeys.TRAIN_FIRST);
    List<DeploymentCheck> checks =
        params.has("checks")
            ? StageSupport.library(
                () -> params.list("checks").stream().map(DeploymentCheck::parse).toList())
            : List.of(DeploymentCheck.values());
    String trainedOn = state.get(StageKeys.TRAINED_ON).orElse(StageSupport.trainingTable(state));
    Table training = state.requireTable(trainedOn, "%prodml.train()");
    String on =
        params.string(
            Parameter.ON,
            state.hasTable("serving") ? "serving" : state.hasTable("test") ? "test" : trainedOn);
    Table requests = state.requireTable(on, "%prodml.load(file=…, as=" + on + ")");
    DeploymentChecks.Inputs inputs =
        new DeploymentChecks.Inputs(
            state.table(model.transforms().fittedOn()).orElse(training),
            training,
            state.table("test").orElse(training),
            requests,
            state.table("data").orElse(training),
            StageSupport.roles(state).time(),
            params.integer("calls", DeploymentChecks.DEFAULT_CALLS),
            params.integer("sample", DeploymentChecks.DEFAULT_SAMPLE_ROWS),
            params.longValue("seed", state.config().defaultSeed()),
            params.has("accepts")
                ? Set.copyOf(params.list("accepts"))
                : DeploymentChecks.SERVING_ACCEPTS);
    List<DeploymentCheckFact> facts =
        StageSupport.library(() -> DeploymentChecks.run(model, checks, inputs, work));
    state.setFacts("deploy", facts);
    Judgement judgement =
        StageSupport.judge(state, params, StageSupport.stage(org.prodml.rules.Stage.DEPLOY));
    List<DeploymentCheckFact> shown = new ArrayList<>(facts);
    state.factsBySource().getOrDefault("evaluate", List.of()).stream()
        .filter(f -> f instanceof DeploymentCheckFact)
        .map(f -> (DeploymentCheckFact) f)
        .forEach(shown::add);
    return StageResult.builder()
        .text(
            "Ran "
                + String.join(", ", checks.stream().map(DeploymentCheck::label).toList())
                + " on "
                + model.id()
                + "; "
                + StageSupport.findingsSummary(judgement.findings().size())
                + ".")
        .table(Tables.findings("findings", judgement.findings()))
        .findings(judgement.findings())
        .table(ModelTables.deployment(shown))
        .build();
  }
}
