package org.prodml.stages;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.prodml.audit.ModelAudit;
import org.prodml.audit.ServingReport;
import org.prodml.chart.Charts;
import org.prodml.data.ColumnRoles;
import org.prodml.facts.ServingFact;
import org.prodml.pipeline.Params;
import org.prodml.pipeline.PipelineState;
import org.prodml.pipeline.Progress;
import org.prodml.pipeline.Stage;
import org.prodml.pipeline.StageResult;
import org.prodml.render.Tables;
import org.prodml.report.ModelCharts;
import org.prodml.report.ModelTables;
import org.prodml.rules.Judgement;
import org.prodml.serve.ServingPath;
import org.prodml.train.TrainedModel;
import tech.tablesaw.api.Table;

/**
 * Serves requests (rows of a table) with the current model both ways, side by side: static, a
 * lookup in predictions precomputed for the keys seen in training, and dynamic, the transforms and
 * the model per request. Measures latency per request, coverage, freshness and cost, and checks the
 * serving path for training–serving skew by encoding the same rows both ways.
 */
public final class ServeStage implements Stage {
  @Override
  public String name() {
    return "serve";
  }

  @Override
  public String summary() {
    return "serve requests statically (precomputed lookup) and dynamically (per request): latency, coverage, freshness, cost, skew";
  }

  @Override
  public Map<String, String> parameters() {
    Map<String, String> p = new LinkedHashMap<>();
    p.put("requests", "the table whose rows are the requests (default: serving, else test)");
    p.put("keys", "the static key space, e.g. origin or origin,destination (default: the model's first text input)");
    p.put("mode", "both (default), static or dynamic");
    p.put("path", "shared (serving reuses the fitted transforms, default) or reimplemented (serving recomputes them)");
    p.put("minCount", "precompute keys seen at least this often in training (default 1)");
    p.put("limit", "serve at most this many requests (default 5000)");
    p.put("thresholds", "rule threshold overrides, e.g. serve.latencyBudgetMs:20 serve.minCoverage:0.9");
    return p;
  }

  @Override
  public StageResult run(PipelineState state, Params params, Progress progress) {
    TrainedModel model = state.require(ModelKeys.MODEL, ModelKeys.TRAIN_FIRST);
    String name = params.string("requests", state.table("serving").isPresent() ? "serving" : "test");
    Table all = state.requireTable(name, "%prodml.load(file=…, as=" + name + ")");
    ColumnRoles roles = StageKeys.roles(state);
    String mode = params.choice("mode", "both", List.of("both", "static", "dynamic"));
    ServingPath path = StageSupport.library(() -> ServingPath.parse(params.string("path", "shared")));
    Table trainTable = state.requireTable(state.get(ModelKeys.TRAINED_ON).orElse(StageKeys.trainingTable(state)), "%prodml.train()");
    ModelAudit.ServingOptions options = new ModelAudit.ServingOptions(params.has("keys") ? params.list("keys") : null,
        !mode.equals("dynamic"), !mode.equals("static"), path, params.integer("minCount", 1),
        params.integer("limit", ModelAudit.MAX_REQUESTS));
    ServingReport served = StageSupport.library(() -> ModelAudit.serve(model, trainTable, all, name, roles.time(), options,
        StageSupport.work(progress)));
    state.setFacts("serve", served.facts());
    Judgement judgement = StageSupport.judge(state, params, StageSupport.stage(org.prodml.rules.Stage.SERVE));

    StringBuilder summary = new StringBuilder("Served " + served.requestRows() + " requests from '" + name + "' with " + model.id());
    for (ServingFact f : served.modes()) {
      summary.append("; ").append(f.mode()).append(": ").append(StageSupport.percent(f.coverage())).append(" answered, p99 ")
          .append(StageSupport.number(f.p99Ms())).append(" ms");
    }
    long skewed = served.skew().stream().filter(s -> s.mismatchedRows() > 0).count();
    summary.append("; serving path ").append(path.label()).append(skewed == 0 ? ", no feature skew" : ", " + skewed + " skewed inputs")
        .append("; ").append(StageSupport.findingsSummary(judgement.findings().size())).append('.');
    StageResult.Builder out = StageResult.builder()
        .text(summary.toString())
        .table(Tables.findings("findings", judgement.findings()))
        .findings(judgement.findings())
        .table(ModelTables.serving(served.modes()));
    if (!served.coverageByKeyFrequency().isEmpty()) {
      out.table(ModelTables.coverage(served.coverageByKeyFrequency(), served.keyColumns()));
    }
    out.table(ModelTables.skew(served.skew()));
    List<String> charts = new ArrayList<>();
    charts.add(ModelCharts.latency(served.latency()));
    if (!served.coverageByKeyFrequency().isEmpty()) {
      charts.add(ModelCharts.coverage(served.coverageByKeyFrequency()));
    }
    out.html(Charts.row(charts));
    return out.build();
  }
}
