package org.prodml.stages;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.prodml.chart.Charts;
import org.prodml.data.ColumnRoles;
import org.prodml.facts.FeatureSkewFact;
import org.prodml.facts.ServingFact;
import org.prodml.pipeline.Params;
import org.prodml.pipeline.PipelineState;
import org.prodml.pipeline.Progress;
import org.prodml.pipeline.Stage;
import org.prodml.pipeline.StageException;
import org.prodml.pipeline.StageResult;
import org.prodml.render.TableBlock;
import org.prodml.render.Tables;
import org.prodml.rules.Judgement;
import org.prodml.serve.DynamicInference;
import org.prodml.serve.KeySpace;
import org.prodml.serve.ServingPath;
import org.prodml.serve.ServingResult;
import org.prodml.serve.SkewCheck;
import org.prodml.serve.StaticInference;
import org.prodml.train.TrainedModel;
import org.prodml.transform.Frame;
import tech.tablesaw.api.Table;

/**
 * Serves requests (rows of a table) with the current model both ways, side by side: static, a
 * lookup in predictions precomputed for the keys seen in training, and dynamic, the transforms and
 * the model per request. Measures latency per request, coverage, freshness and cost, and checks the
 * serving path for training–serving skew by encoding the same rows both ways.
 */
public final class ServeStage implements Stage {
  /** Latency bands of the latency chart, in milliseconds (upper bounds). */
  static final double[] LATENCY_BANDS = {0.001, 0.01, 0.1, 1, 10, 100};

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
    int limit = Math.max(1, params.integer("limit", 5000));
    Table requests = all.rowCount() > limit ? all.first(limit) : all;
    ColumnRoles roles = StageKeys.roles(state);
    String mode = params.choice("mode", "both", List.of("both", "static", "dynamic"));
    ServingPath path = StageSupport.library(() -> ServingPath.parse(params.string("path", "shared")));
    if (path == ServingPath.REIMPLEMENTED && model.transforms().placement().equals("in-model")) {
      throw new StageException("the model's transforms are placed in the model, so serving cannot reimplement them: it runs them as they are; use path=shared");
    }
    Table trainTable = state.requireTable(state.get(ModelKeys.TRAINED_ON).orElse(StageKeys.trainingTable(state)), "%prodml.train()");
    List<String> keys = params.has("keys") ? params.list("keys") : defaultKeys(model, requests);
    for (String k : keys) {
      if (!requests.columnNames().contains(k) || !trainTable.columnNames().contains(k)) {
        throw new StageException("key column '" + k + "' must be in both the training table and '" + name + "'");
      }
    }
    boolean wantStatic = !mode.equals("dynamic");
    if (wantStatic && keys.isEmpty()) {
      throw new StageException("static inference needs a key space: write keys=… (e.g. keys=origin), or mode=dynamic");
    }
    String time = roles.time() != null && requests.columnNames().contains(roles.time()) ? roles.time() : null;
    List<ServingResult> results = new ArrayList<>();
    KeySpace space = keys.isEmpty() ? null : KeySpace.of(trainTable, keys);
    StaticInference staticTable = null;
    if (wantStatic) {
      staticTable = StageSupport.library(() -> StaticInference.precompute(model, trainTable, keys, params.integer("minCount", 1), Integer.MAX_VALUE));
      results.add(staticTable.serve(requests, time));
      progress.report(0.4);
    }
    if (!mode.equals("static")) {
      progress.checkCancelled();
      results.add(StageSupport.library(() -> DynamicInference.serve(model, requests, path, space, time)));
      progress.report(0.8);
    }
    progress.checkCancelled();
    List<FeatureSkewFact> skew = StageSupport.library(() -> SkewCheck.compare(model, requests, path, 1000));
    List<Object> facts = new ArrayList<>();
    results.forEach(r -> facts.add(r.fact()));
    facts.addAll(skew);
    state.setFacts("serve", facts);
    Judgement judgement = StageSupport.judge(state, params, StageSupport.stage(org.prodml.rules.Stage.SERVE));

    StringBuilder summary = new StringBuilder("Served " + requests.rowCount() + " requests from '" + name + "' with " + model.id());
    for (ServingResult r : results) {
      ServingFact f = r.fact();
      summary.append("; ").append(f.mode()).append(": ").append(StageSupport.percent(f.coverage())).append(" answered, p99 ")
          .append(StageSupport.number(f.p99Ms())).append(" ms");
    }
    long skewed = skew.stream().filter(s -> s.mismatchedRows() > 0).count();
    summary.append("; serving path ").append(path.label()).append(skewed == 0 ? ", no feature skew" : ", " + skewed + " skewed inputs")
        .append("; ").append(StageSupport.findingsSummary(judgement.findings().size())).append('.');
    StageResult.Builder out = StageResult.builder()
        .text(summary.toString())
        .table(Tables.findings("findings", judgement.findings()))
        .findings(judgement.findings())
        .table(comparison(results));
    if (space != null) {
      out.table(coverage(results, keys));
    }
    out.table(skew(skew));
    List<String> charts = new ArrayList<>();
    charts.add(latencyChart(results));
    if (space != null) {
      Map<String, Map<String, Double>> bars = new LinkedHashMap<>();
      for (String band : KeySpace.BANDS) {
        Map<String, Double> v = new LinkedHashMap<>();
        for (ServingResult r : results) {
          long[] c = r.coverageByFrequency().get(band);
          v.put(r.mode(), c[0] == 0 ? 0 : (double) c[1] / c[0]);
        }
        bars.put(band, v);
      }
      charts.add(Charts.groupedBars("coverage by how often the key was seen in training", "share answered", bars));
    }
    out.html(Charts.row(charts));
    return out.build();
  }

  /** The model's first text input, the natural key of a lookup table. */
  static List<String> defaultKeys(TrainedModel model, Table requests) {
    for (String c : model.transforms().inputColumns()) {
      if (requests.columnNames().contains(c) && Frame.kindOf(requests.column(c).type()) == Frame.Kind.TEXT) {
        return List.of(c);
      }
    }
    return List.of();
  }

  static TableBlock comparison(List<ServingResult> results) {
    List<String> header = new ArrayList<>(List.of("measure"));
    results.forEach(r -> header.add(r.mode()));
    String[][] measures = {{"requests"}, {"answered (coverage)"}, {"latency p50 ms"}, {"latency p99 ms"}, {"latency mean ms"},
        {"prediction age, mean hours"}, {"prediction age, max hours"}, {"cost: predictions computed"}, {"keys cached"},
        {"quality on answered requests"}, {"NaN/Inf outputs"}};
    List<List<String>> rows = new ArrayList<>();
    for (String[] m : measures) {
      List<String> row = new ArrayList<>(List.of(m[0]));
      for (ServingResult r : results) {
        ServingFact f = r.fact();
        row.add(switch (m[0]) {
          case "requests" -> String.valueOf(f.requests());
          case "answered (coverage)" -> f.answered() + " (" + StageSupport.percent(f.coverage()) + ")";
          case "latency p50 ms" -> StageSupport.number(f.p50Ms());
          case "latency p99 ms" -> StageSupport.number(f.p99Ms());
          case "latency mean ms" -> StageSupport.number(f.meanMs());
          case "prediction age, mean hours" -> StageSupport.number(f.meanAgeHours());
          case "prediction age, max hours" -> StageSupport.number(f.maxAgeHours());
          case "cost: predictions computed" -> String.valueOf(f.predictionsComputed());
          case "keys cached" -> f.mode().equals("static") ? String.valueOf(f.cachedKeys()) : "";
          case "quality on answered requests" -> Double.isNaN(f.quality()) ? "no labels" : f.metric() + " " + StageSupport.number(f.quality());
          default -> String.valueOf(f.nonFiniteOutputs());
        });
      }
      rows.add(row);
    }
    return TableBlock.of("static vs dynamic inference on the same requests", header, rows);
  }

  static TableBlock coverage(List<ServingResult> results, List<String> keys) {
    List<String> header = new ArrayList<>(List.of("key seen in training", "requests"));
    results.forEach(r -> header.add(r.mode() + " answered"));
    List<List<String>> rows = new ArrayList<>();
    for (String band : KeySpace.BANDS) {
      long requests = results.get(0).coverageByFrequency().get(band)[0];
      List<String> row = new ArrayList<>(List.of(band, String.valueOf(requests)));
      for (ServingResult r : results) {
        long[] c = r.coverageByFrequency().get(band);
        row.add(c[0] == 0 ? "" : StageSupport.percent((double) c[1] / c[0]));
      }
      rows.add(row);
    }
    return TableBlock.of("coverage by key frequency (key: " + String.join(", ", keys) + ")", header, rows);
  }

  static TableBlock skew(List<FeatureSkewFact> skew) {
    List<List<String>> rows = new ArrayList<>();
    for (FeatureSkewFact s : skew) {
      rows.add(List.of(s.feature(), String.valueOf(s.rows()), s.mismatchedRows() + " (" + StageSupport.percent(s.mismatchShare()) + ")",
          StageSupport.number(s.maxAbsDifference()), StageSupport.number(s.meanAbsDifference())));
    }
    return TableBlock.of("training–serving feature skew: the same rows encoded by the training path and the "
        + (skew.isEmpty() ? "" : skew.get(0).servingPath()) + " serving path",
        List.of("input", "rows compared", "rows that differ", "largest difference", "mean difference"), rows);
  }

  static String latencyChart(List<ServingResult> results) {
    Map<String, Map<String, Double>> bars = new LinkedHashMap<>();
    double lower = 0;
    for (int b = 0; b <= LATENCY_BANDS.length; b++) {
      double upper = b < LATENCY_BANDS.length ? LATENCY_BANDS[b] : Double.POSITIVE_INFINITY;
      String label = b < LATENCY_BANDS.length ? "< " + StageSupport.number(upper) + " ms" : "≥ " + StageSupport.number(lower) + " ms";
      Map<String, Double> v = new LinkedHashMap<>();
      for (ServingResult r : results) {
        long count = 0;
        for (double ms : r.latencyMs()) {
          if (ms >= lower && ms < upper) {
            count++;
          }
        }
        v.put(r.mode(), (double) count / Math.max(1, r.latencyMs().length));
      }
      bars.put(label, v);
      lower = upper;
    }
    return Charts.groupedBars("latency per request", "share of requests", bars);
  }
}
