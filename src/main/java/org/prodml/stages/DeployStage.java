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
import org.prodml.pipeline.StageException;
import org.prodml.pipeline.StageResult;
import org.prodml.render.TableBlock;
import org.prodml.render.Tables;
import org.prodml.rules.Judgement;
import org.prodml.rules.Topic;
import org.prodml.train.TrainedModel;
import org.prodml.work.Work;
import tech.tablesaw.api.Table;

/**
 * The course's deployment tests, run on the current model: reproducible training (train again,
 * compare), test calls (serve a sample, check each response), integration (the pipeline end to
 * end on a sample) and model–infrastructure compatibility (inputs, types, format version). The
 * quality gate runs in the evaluate stage, whose facts this stage's rules read as well.
 */
public final class DeployStage implements org.prodml.pipeline.Stage {
  static final List<String> CHECKS = List.of("reproducibility", "test-calls", "integration", "compatibility");

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
    List<String> checks = params.has("checks") ? params.list("checks") : CHECKS;
    for (String c : checks) {
      if (!CHECKS.contains(c)) {
        throw new StageException("unknown deployment check '" + c + "'; checks: " + String.join(", ", CHECKS));
      }
    }
    String trainedOn = state.get(ModelKeys.TRAINED_ON).orElse(StageKeys.trainingTable(state));
    Table training = state.requireTable(trainedOn, "%prodml.train()");
    String requestsName = params.string("requests", state.table("serving").isPresent() ? "serving" : state.table("test").isPresent() ? "test" : trainedOn);
    Table requests = state.requireTable(requestsName, "%prodml.load(file=…, as=" + requestsName + ")");
    String time = StageKeys.roles(state).time();
    long seed = params.longValue("seed", state.config().defaultSeed());
    Work work = StageSupport.work(progress);
    List<DeploymentCheckFact> facts = new ArrayList<>();
    int done = 0;
    for (String check : checks) {
      progress.checkCancelled();
      Work part = work.part((double) done / checks.size(), (done + 1.0) / checks.size());
      facts.add(StageSupport.library(() -> switch (check) {
        case "reproducibility" -> {
          String fittedOn = model.transforms().fittedOn();
          Table transformTable = state.table(fittedOn).orElse(training);
          Table evaluation = state.table("test").orElse(training);
          yield DeploymentChecks.reproducibility(model, transformTable, training, time, evaluation, part);
        }
        case "test-calls" -> DeploymentChecks.testCalls(model, requests, Math.max(1, params.integer("calls", 100)), seed);
        case "integration" -> DeploymentChecks.integration(model, state.table("data").orElse(training), time,
            Math.max(20, params.integer("sample", 500)), seed, part);
        default -> DeploymentChecks.compatibility(model, requests, params.has("accepts")
            ? Set.copyOf(params.list("accepts")) : DeploymentChecks.SERVING_ACCEPTS);
      }));
      done++;
    }
    state.setFacts("deploy", facts);
    Judgement judgement = StageSupport.judge(state, params, r -> r.topic() == Topic.DEPLOYMENT || r.topic() == Topic.REPRODUCIBILITY);
    List<List<String>> rows = new ArrayList<>();
    List<DeploymentCheckFact> shown = new ArrayList<>(facts);
    state.factsBySource().getOrDefault("evaluate", List.of()).stream()
        .filter(f -> f instanceof DeploymentCheckFact).map(f -> (DeploymentCheckFact) f).forEach(shown::add);
    for (DeploymentCheckFact f : shown) {
      rows.add(List.of(f.check(), !f.executed() ? "not run" : f.failures() == 0 && !(f.worsening() > 0) ? "pass" : "see findings",
          f.executed() ? f.checked() + " checked, " + f.failures() + " failed" : "", f.detail()));
    }
    long failing = judgement.findings().stream().filter(f -> f.topic() == Topic.DEPLOYMENT || f.topic() == Topic.REPRODUCIBILITY).count();
    Set<String> ran = new LinkedHashSet<>(checks);
    return StageResult.builder()
        .text("Ran " + String.join(", ", ran) + " on " + model.id() + "; " + StageSupport.findingsSummary((int) failing) + ".")
        .table(Tables.findings("findings", judgement.findings()))
        .findings(judgement.findings())
        .table(TableBlock.of("deployment tests", List.of("test", "outcome", "items", "what was found"), rows))
        .build();
  }
}
