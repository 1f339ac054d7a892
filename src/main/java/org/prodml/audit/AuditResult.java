package org.prodml.audit;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.prodml.data.ColumnRoles;
import org.prodml.evaluate.ModelEvaluation;
import org.prodml.facts.AnswerFact;
import org.prodml.facts.ColumnComparisonFact;
import org.prodml.facts.DeploymentCheckFact;
import org.prodml.facts.SchemaChangeFact;
import org.prodml.facts.SplitFact;
import org.prodml.monitor.MonitoringReport;
import org.prodml.pipeline.PipelineState;
import org.prodml.pipeline.StageException;
import org.prodml.profile.DataFacts;
import org.prodml.profile.DatasetProfile;
import org.prodml.profile.ProfileComparison;
import org.prodml.readiness.MlTestScore;
import org.prodml.readiness.Verdict;
import org.prodml.rules.Finding;
import org.prodml.rules.RuleBase;
import org.prodml.rules.RuleMetadata;
import org.prodml.serve.ServingReport;
import org.prodml.stages.AuditOutcome;
import org.prodml.stages.StageKeys;
import org.prodml.train.ModelCard;
import org.prodml.train.TrainedModel;

/**
 * Everything an audit found and measured: the verdict, the findings (data validation, readiness
 * contradictions, flaws), each dataset's profile by role, the comparisons with training, the
 * thresholds in force, the rules that ran, the ML Test Score and the readiness questions still
 * unanswered (listed, never silently passed). When a model was trained ({@code --model}): its card,
 * its evaluation, serving both ways, the monitoring windows and the deployment checks; null (or
 * empty) when the audit looked at the data alone, or when there was nothing to serve or replay.
 */
public record AuditResult(
    String tool,
    String version,
    Verdict verdict,
    Map<String, String> inputs,
    List<Finding> findings,
    Map<String, DatasetProfile> profiles,
    Map<String, List<ColumnComparisonFact>> comparisons,
    List<SchemaChangeFact> schemaChanges,
    Map<String, Double> thresholds,
    List<RuleMetadata> rules,
    String rulesVersion,
    MlTestScore mlTestScore,
    List<AnswerFact> unanswered,
    List<AnswerFact> answers,
    ModelCard model,
    ModelEvaluation evaluation,
    ServingReport serving,
    MonitoringReport monitoring,
    List<DeploymentCheckFact> deployment) {

  /**
   * The report of a pipeline that ran an audit: its verdict and findings, the profiles of the
   * loaded data by role, what was compared, and what the model stages measured.
   *
   * @param inputs what was audited, for the report's header: the files by role, then anything else
   */
  public static AuditResult of(PipelineState state, Map<String, String> inputs, String version) {
    AuditOutcome audit =
        state
            .get(StageKeys.AUDIT)
            .orElseThrow(() -> new StageException("no audit yet: run %prodml.audit first"));
    // The tables the audit compared: the training table (the training side of a split, if any) and
    // the later ones.
    Map<String, DatasetProfile> profiles = new LinkedHashMap<>();
    state
        .profile(state.hasTable("train") ? "train" : "data")
        .ifPresent(p -> profiles.put("train", p));
    for (String role : List.of("test", "serving")) {
      state.profile(role).ifPresent(p -> profiles.put(role, p));
    }
    Map<String, List<ColumnComparisonFact>> comparisons = new LinkedHashMap<>();
    List<SchemaChangeFact> changes = new ArrayList<>();
    DataFacts.Result validation = state.get(StageKeys.VALIDATION).orElse(null);
    if (validation != null) {
      for (Map.Entry<String, ProfileComparison.Result> e : validation.comparisons().entrySet()) {
        comparisons.put(e.getKey(), e.getValue().columns());
        changes.addAll(e.getValue().schemaChanges());
      }
    }
    ColumnRoles roles = state.get(StageKeys.ROLES).orElse(ColumnRoles.none());
    Map<String, String> described = new LinkedHashMap<>(inputs);
    described.put("label", roles.label());
    described.put("time", roles.time());
    described.put("group", roles.group());
    TrainedModel model = state.get(StageKeys.MODEL).orElse(null);
    ModelCard card = null;
    List<DeploymentCheckFact> deployment = new ArrayList<>();
    if (model != null) {
      described.put(
          "model",
          model.type().label() + (model.seeded() ? ", seed " + model.seed() : ", unseeded"));
      SplitFact split =
          state.factsBySource().getOrDefault("split", List.of()).stream()
              .filter(f -> f instanceof SplitFact)
              .map(f -> (SplitFact) f)
              .findFirst()
              .orElse(null);
      String trainedOn = state.get(StageKeys.TRAINED_ON).orElse("data");
      card = ModelCard.of(model, trainedOn, trainedOn.equals("train") ? split : null);
      state.factsBySource().getOrDefault("deploy", List.of()).stream()
          .filter(f -> f instanceof DeploymentCheckFact)
          .map(f -> (DeploymentCheckFact) f)
          .forEach(deployment::add);
    }
    RuleBase rules = state.rules();
    return new AuditResult(
        "ProdML Lab",
        version,
        audit.verdict(),
        described,
        audit.judgement().findings(),
        profiles,
        comparisons,
        changes,
        audit.thresholds(),
        rules.rules(),
        rules.version(),
        audit.readiness().mlTestScore(),
        audit.readiness().unanswered(),
        audit.readiness().answers(),
        card,
        state.get(StageKeys.EVALUATION).orElse(null),
        state.get(StageKeys.SERVING).orElse(null),
        state.get(StageKeys.MONITORING).orElse(null),
        deployment);
  }

  public long count(org.prodml.rules.Severity severity) {
    return findings.stream().filter(f -> f.severity() == severity).count();
  }
}
