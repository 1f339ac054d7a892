package org.prodml.stages;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.prodml.chart.Charts;
import org.prodml.chart.ModelCharts;
import org.prodml.data.ColumnRoles;
import org.prodml.monitor.MonitoringCheck;
import org.prodml.monitor.MonitoringConfig;
import org.prodml.monitor.MonitoringReport;
import org.prodml.monitor.WindowSpec;
import org.prodml.pipeline.Parameter;
import org.prodml.pipeline.Params;
import org.prodml.pipeline.PipelineState;
import org.prodml.pipeline.Stage;
import org.prodml.pipeline.StageResult;
import org.prodml.profile.DatasetProfile;
import org.prodml.render.ModelTables;
import org.prodml.render.Tables;
import org.prodml.rules.Finding;
import org.prodml.rules.Judgement;
import org.prodml.work.Work;
import tech.tablesaw.api.Table;

/**
 * Replays served data through the current model in time windows and monitors it: drift of each
 * window against training, volume, predictions, NaN/Inf, model age and live quality where labels
 * arrived. The paragraph also declares the monitoring (checks, limits, alert owner); declaring none
 * is itself a finding.
 */
public final class MonitorStage implements Stage {
  /** {@code on=none}: no served data to replay yet, only the monitoring to declare. */
  static final String NO_DATA = "none";

  @Override
  public String name() {
    return "monitor";
  }

  @Override
  public String summary() {
    return "replay served data in time windows: drift, volume, predictions, NaN/Inf, model age, live quality; declare monitoring";
  }

  @Override
  public List<Parameter> parameters() {
    return List.of(
        Parameter.of(
            Parameter.ON,
            "the served data to replay (default: serving, else test; none: declare the monitoring only)"),
        Parameter.of("window", "month (default), week, or a number of days such as 14d"),
        new Parameter(
            "checks",
            "the monitoring to declare, comma-separated (none declared = no monitoring)",
            MonitoringCheck.labels()),
        Parameter.of("owner", "who is alerted when a check fails"),
        StageSupport.thresholdsParameter(
            "drift.maxJsDivergence:0.2 monitor.maxLiveDrop:0.05 (also the checks' limits)"));
  }

  @Override
  public StageResult run(PipelineState state, Params params, Work work) {
    var model = state.require(StageKeys.MODEL, StageKeys.TRAIN_FIRST);
    String on = params.string(Parameter.ON, state.hasTable("serving") ? "serving" : "test");
    WindowSpec window =
        StageSupport.library(() -> WindowSpec.parse(params.string("window", "month")));
    Map<String, Double> limits = StageSupport.thresholds(params);
    MonitoringConfig config =
        StageSupport.library(
            () ->
                new MonitoringConfig(
                    params.list("checks"), limits, params.string("owner", null), window));
    String declared =
        "monitoring "
            + (config.configured()
                ? "declared: "
                    + String.join(", ", config.checks())
                    + (config.fact().alertOwner() == null
                        ? ", no alert owner"
                        : ", alerts to " + config.fact().alertOwner())
                : "not declared");
    if (on.equals(NO_DATA)) {
      // Nothing served yet: the monitoring is declared, and judged, without a replay.
      state.remove(StageKeys.MONITORING);
      state.setFacts("monitor", List.of(config.fact()));
      Judgement judgement =
          StageSupport.judge(
              state, state.facts(), limits, StageSupport.stage(org.prodml.rules.Stage.MONITOR));
      return StageResult.builder()
          .text(
              "No served data replayed through "
                  + model.id()
                  + "; "
                  + declared
                  + "; "
                  + StageSupport.findingsSummary(judgement.findings().size())
                  + ".")
          .table(Tables.findings("findings", judgement.findings()))
          .findings(judgement.findings())
          .build();
    }
    Table served = state.requireTable(on, "%prodml.load(file=…, as=serving)");
    String trainedOn = state.get(StageKeys.TRAINED_ON).orElse(StageSupport.trainingTable(state));
    Table training = state.requireTable(trainedOn, "%prodml.train()");
    ColumnRoles roles = StageSupport.roles(state);
    DatasetProfile trainingProfile = StageSupport.profile(state, trainedOn);
    double offline = state.get(StageKeys.EVALUATION).map(e -> e.model().value()).orElse(Double.NaN);
    MonitoringReport report =
        StageSupport.library(
            () ->
                MonitoringReport.replay(
                    model, training, trainingProfile, served, roles.time(), config, offline, work));
    state.put(StageKeys.MONITORING, report);
    state.setFacts("monitor", report.facts());
    Judgement judgement =
        StageSupport.judge(
            state, state.facts(), limits, StageSupport.stage(org.prodml.rules.Stage.MONITOR));
    List<Finding> findings = new ArrayList<>(judgement.findings());
    findings.sort(
        java.util.Comparator.comparing(Finding::severity)
            .reversed()
            .thenComparing(Finding::ruleId));

    StageResult.Builder out =
        StageResult.builder()
            .text(
                "Replayed '"
                    + on
                    + "' ("
                    + served.rowCount()
                    + " rows) through "
                    + model.id()
                    + " in "
                    + report.windows().size()
                    + " "
                    + window.describe()
                    + " windows; "
                    + declared
                    + "; "
                    + StageSupport.findingsSummary(findings.size())
                    + ".")
            .table(Tables.findings("findings", findings))
            .findings(findings)
            .table(ModelTables.windows(report.windows()));
    out.html(Charts.row(ModelCharts.monitoring(report)));
    return out.build();
  }
}
