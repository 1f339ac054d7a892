package org.prodml.stages;

import java.util.ArrayList;
import java.util.List;
import org.prodml.chart.Charts;
import org.prodml.chart.ModelCharts;
import org.prodml.data.ColumnRoles;
import org.prodml.facts.ServingFact;
import org.prodml.pipeline.Parameter;
import org.prodml.pipeline.Params;
import org.prodml.pipeline.PipelineState;
import org.prodml.pipeline.Stage;
import org.prodml.pipeline.StageResult;
import org.prodml.render.ModelTables;
import org.prodml.render.Tables;
import org.prodml.rules.Judgement;
import org.prodml.serve.KeySpace;
import org.prodml.serve.ServingPath;
import org.prodml.serve.ServingReport;
import org.prodml.text.Format;
import org.prodml.train.TrainedModel;
import org.prodml.work.Work;
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

  /** How requests are answered: the course's two inference modes, or both side by side. */
  enum Mode {
    BOTH,
    STATIC,
    DYNAMIC;

    String label() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }
  }

  @Override
  public List<Parameter> parameters() {
    return List.of(
        Parameter.of(
            Parameter.ON, "the table whose rows are the requests (default: serving, else test)"),
        Parameter.of(
            "keys",
            "the static key space, e.g. origin or origin,destination (default: the model's first text input; none: no static table)"),
        Parameter.of(
            "mode",
            "how requests are answered (default: both when there is a key space, else dynamic)",
            Mode.class,
            Mode::label),
        Parameter.of(
            "path",
            "how the serving side encodes a request (default shared: it reuses the fitted transforms)",
            ServingPath.class,
            ServingPath::label),
        Parameter.of(
            "minCount", "precompute keys seen at least this often in training (default 1)"),
        Parameter.of(
            "limit",
            "serve at most this many requests (default " + ServingReport.MAX_REQUESTS + ")"),
        StageSupport.thresholdsParameter("serve.latencyBudgetMs:20 serve.minCoverage:0.9"));
  }

  @Override
  public StageResult run(PipelineState state, Params params, Work work) {
    TrainedModel model = state.require(StageKeys.MODEL, StageKeys.TRAIN_FIRST);
    String name = params.string(Parameter.ON, state.hasTable("serving") ? "serving" : "test");
    Table all = state.requireTable(name, "%prodml.load(file=…, as=" + name + ")");
    ColumnRoles roles = StageSupport.roles(state);
    List<String> keys =
        !params.has("keys")
            ? KeySpace.firstText(all, model.transforms().inputColumns())
            : params.list("keys").equals(List.of("none")) ? List.of() : params.list("keys");
    // Without a key space there is nothing to precompute: unless asked for, only dynamic inference
    // runs.
    Mode mode =
        params.has("mode")
            ? Mode.valueOf(
                params
                    .choice("mode", null, parameter("mode").get().choices())
                    .toUpperCase(java.util.Locale.ROOT))
            : keys.isEmpty() ? Mode.DYNAMIC : Mode.BOTH;
    ServingPath path =
        StageSupport.library(
            () -> ServingPath.parse(params.string("path", ServingPath.SHARED.label())));
    Table trainTable =
        state.requireTable(
            state.get(StageKeys.TRAINED_ON).orElse(StageSupport.trainingTable(state)),
            "%prodml.train()");
    ServingReport.Options options =
        new ServingReport.Options(
            keys,
            mode != Mode.DYNAMIC,
            mode != Mode.STATIC,
            path,
            params.integer("minCount", 1),
            params.integer("limit", ServingReport.MAX_REQUESTS));
    ServingReport served =
        StageSupport.library(
            () -> ServingReport.measure(model, trainTable, all, name, roles.time(), options, work));
    state.put(StageKeys.SERVING, served);
    state.setFacts("serve", served.facts());
    Judgement judgement =
        StageSupport.judge(state, params, StageSupport.stage(org.prodml.rules.Stage.SERVE));

    StringBuilder summary =
        new StringBuilder(
            "Served " + served.requestRows() + " requests from '" + name + "' with " + model.id());
    for (ServingFact f : served.modes()) {
      summary
          .append("; ")
          .append(f.mode())
          .append(": ")
          .append(Format.cellPercent(f.coverage()))
          .append(" answered, p99 ")
          .append(Format.cell(f.p99Ms()))
          .append(" ms");
    }
    long skewed = served.skew().stream().filter(s -> s.mismatchedRows() > 0).count();
    summary
        .append("; serving path ")
        .append(path.label())
        .append(skewed == 0 ? ", no feature skew" : ", " + skewed + " skewed inputs")
        .append("; ")
        .append(StageSupport.findingsSummary(judgement.findings().size()))
        .append('.');
    StageResult.Builder out =
        StageResult.builder()
            .text(summary.toString())
            .table(Tables.findings("findings", judgement.findings()))
            .findings(judgement.findings())
            .table(ModelTables.serving(served.modes()));
    if (!served.coverageByKeyFrequency().isEmpty()) {
      out.table(ModelTables.coverage(served.coverageByKeyFrequency(), served.keyColumns()));
    }
    if (served.precomputed() != null) {
      out.table(ModelTables.precomputed(served.precomputed()));
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
