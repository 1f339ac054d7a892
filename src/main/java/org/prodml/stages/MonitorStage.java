package org.prodml.stages;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.prodml.audit.ModelAudit;
import org.prodml.audit.MonitoringReport;
import org.prodml.chart.Charts;
import org.prodml.data.ColumnRoles;
import org.prodml.evaluate.EvaluationResult;
import org.prodml.monitor.MonitoringConfig;
import org.prodml.monitor.WindowSpec;
import org.prodml.pipeline.Params;
import org.prodml.pipeline.PipelineState;
import org.prodml.pipeline.Progress;
import org.prodml.pipeline.Stage;
import org.prodml.pipeline.StageResult;
import org.prodml.profile.DatasetProfile;
import org.prodml.render.Tables;
import org.prodml.report.ModelCharts;
import org.prodml.report.ModelTables;
import org.prodml.rules.Finding;
import org.prodml.rules.Judgement;
import org.prodml.rules.Topic;
import tech.tablesaw.api.Table;

/**
 * Replays served data through the current model in time windows and monitors it: drift of each
 * window against training, volume, predictions, NaN/Inf, model age and live quality where labels
 * arrived. The paragraph also declares the monitoring (checks, limits, alert owner); declaring none
 * is itself a finding.
 */
public final class MonitorStage implements Stage {
  @Override
  public String name() {
    return "monitor";
  }

  @Override
  public String summary() {
    return "replay served data in time windows: drift, volume, predictions, NaN/Inf, model age, live quality; declare monitoring";
  }

  @Override
  public Map<String, String> parameters() {
    Map<String, String> p = new LinkedHashMap<>();
    p.put("on", "the served data to replay (default: serving, else test)");
    p.put("window", "month (default), week, or a number of days such as 14d");
    p.put("checks", "the monitoring to declare: drift, volume, nan, age, quality (none declared = no monitoring)");
    p.put("owner", "who is alerted when a check fails");
    p.put("thresholds", "the checks' limits, also the rules' overrides, e.g. drift.maxJsDivergence:0.2 monitor.maxLiveDrop:0.05");
    return p;
  }

  @Override
  public StageResult run(PipelineState state, Params params, Progress progress) {
    var model = state.require(ModelKeys.MODEL, ModelKeys.TRAIN_FIRST);
    String on = params.string("on", state.table("serving").isPresent() ? "serving" : "test");
    Table served = state.requireTable(on, "%prodml.load(file=…, as=serving)");
    String trainedOn = state.get(ModelKeys.TRAINED_ON).orElse(StageKeys.trainingTable(state));
    Table training = state.requireTable(trainedOn, "%prodml.train()");
    ColumnRoles roles = StageKeys.roles(state);
    WindowSpec window = StageSupport.library(() -> WindowSpec.parse(params.string("window", "month")));
    Map<String, Double> limits = ValidateStage.thresholds(params);
    MonitoringConfig config = StageSupport.library(() -> new MonitoringConfig(params.list("checks"), limits, params.string("owner", null), window));
    DatasetProfile trainingProfile = ProfileStage.profile(state, trainedOn);
    double offline = state.get(ModelKeys.EVALUATION).map(EvaluationResult::value).orElse(Double.NaN);
    MonitoringReport report = StageSupport.library(() -> ModelAudit.monitor(model, training, trainingProfile, served, roles.time(),
        config, offline, StageSupport.work(progress)));
    List<Object> facts = report.facts();
    List<Object> windowComparisons = new ArrayList<>(report.windowComparisons());
    state.setFacts("monitor", facts);
    Judgement own = StageSupport.judge(state, state.facts(), limits, StageSupport.stage(org.prodml.rules.Stage.MONITOR));
    // Drift rules judge comparisons named "window"; only this replay's windows are given to them,
    // so validation's train-serving comparisons are not reported twice.
    List<Object> driftFacts = new ArrayList<>(windowComparisons);
    state.facts().stream().filter(f -> f instanceof org.prodml.facts.FeatureFact).forEach(driftFacts::add);
    Judgement drift = StageSupport.judge(state, driftFacts, limits, r -> r.topic() == Topic.DRIFT);
    Set<Finding> all = new LinkedHashSet<>(own.findings());
    all.addAll(drift.findings());
    List<Finding> findings = new ArrayList<>(all);
    findings.sort(java.util.Comparator.comparing(Finding::severity).reversed().thenComparing(Finding::ruleId));

    StageResult.Builder out = StageResult.builder()
        .text("Replayed '" + on + "' (" + served.rowCount() + " rows) through " + model.id() + " in " + report.windows().size() + " "
            + window.describe() + " windows; monitoring " + (config.configured() ? "declared: " + String.join(", ", config.checks())
            + (config.fact().alertOwner() == null ? ", no alert owner" : ", alerts to " + config.fact().alertOwner()) : "not declared")
            + "; " + StageSupport.findingsSummary(findings.size()) + ".")
        .table(Tables.findings("findings", findings))
        .findings(findings)
        .table(ModelTables.windows(report.windows()));
    out.html(Charts.row(ModelCharts.monitoring(report)));
    return out.build();
  }
}
