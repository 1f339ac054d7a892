package org.prodml.stages;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.prodml.chart.Charts;
import org.prodml.deploy.DeploymentChecks;
import org.prodml.evaluate.CalibrationBucket;
import org.prodml.evaluate.ClassMetrics;
import org.prodml.evaluate.EvaluationResult;
import org.prodml.evaluate.Evaluator;
import org.prodml.facts.FeatureImportanceFact;
import org.prodml.facts.SliceMetricFact;
import org.prodml.pipeline.Params;
import org.prodml.pipeline.PipelineState;
import org.prodml.pipeline.Progress;
import org.prodml.pipeline.Stage;
import org.prodml.pipeline.StageResult;
import org.prodml.render.TableBlock;
import org.prodml.render.Tables;
import org.prodml.rules.Judgement;
import org.prodml.train.ModelSpec;
import org.prodml.train.ModelType;
import org.prodml.train.Predictions;
import org.prodml.train.Task;
import org.prodml.train.TrainedModel;
import org.prodml.train.Trainer;
import org.prodml.transform.Frame;
import org.prodml.work.Work;
import tech.tablesaw.api.Table;

/**
 * Evaluates the current model on held-out rows: the headline metric against the majority/mean
 * baseline and the previous model, per-class metrics, the confusion matrix, calibration by
 * probability bucket, metrics per slice of a column, and permutation importance of each input.
 * The quality gate runs here too: against the previous model (tight) and an absolute floor (loose).
 */
public final class EvaluateStage implements Stage {
  @Override
  public String name() {
    return "evaluate";
  }

  @Override
  public String summary() {
    return "measure the model on held-out rows: metrics, calibration, slices, feature importance, quality gate";
  }

  @Override
  public Map<String, String> parameters() {
    Map<String, String> p = new LinkedHashMap<>();
    p.put("on", "the table to evaluate on (default: test, else the training table)");
    p.put("slice", "a column to slice the metrics by (default: the first text input with at most 30 values)");
    p.put("importance", "permutation importance of each input (default true)");
    p.put("repeats", "shuffles per input for importance (default 3)");
    p.put("seed", "the seed of the shuffles (default: the note's seed)");
    p.put("floor", "the absolute quality floor of the gate (default: the baseline's metric)");
    p.put("thresholds", "rule threshold overrides, e.g. slice.maxGap:0.15 gate.maxDrop:0.02");
    return p;
  }

  @Override
  public StageResult run(PipelineState state, Params params, Progress progress) {
    TrainedModel model = state.require(ModelKeys.MODEL, ModelKeys.TRAIN_FIRST);
    String trainedOn = state.get(ModelKeys.TRAINED_ON).orElse(StageKeys.trainingTable(state));
    String on = params.string("on", state.table("test").isPresent() ? "test" : trainedOn);
    Table table = state.requireTable(on, "%prodml.split() or %prodml.load(file=…, as=" + on + ")");
    Work work = StageSupport.work(progress);
    Predictions predictions = StageSupport.library(() -> model.predict(table));
    EvaluationResult result = StageSupport.library(() -> Evaluator.evaluate(model, predictions, table, on));
    Table trainTable = state.requireTable(trainedOn, "%prodml.train()");
    TrainedModel baseline = StageSupport.library(() -> Trainer.train(trainTable, model.transforms(),
        ModelSpec.of(ModelType.BASELINE, model.label(), 0L), null, Work.NONE));
    EvaluationResult baselineResult = Evaluator.evaluate(baseline, table, on);
    TrainedModel previousModel = state.get(ModelKeys.PREVIOUS_MODEL)
        .filter(p -> p.label().equals(model.label()) && table.columnNames().containsAll(p.transforms().inputColumns()))
        .orElse(null);
    EvaluationResult previous = previousModel == null ? null : Evaluator.evaluate(previousModel, table, on);
    work.report(0.2);

    List<Object> facts = new ArrayList<>();
    facts.add(result.fact(baselineResult.value(), previous == null ? Double.NaN : previous.value()));
    String slice = params.string("slice", defaultSlice(model, table));
    List<SliceMetricFact> slices = slice == null ? List.of()
        : StageSupport.library(() -> Evaluator.slices(model, predictions, table, slice, result));
    facts.addAll(slices);
    List<FeatureImportanceFact> importance = params.bool("importance", true)
        ? StageSupport.library(() -> Evaluator.permutationImportance(model, table, Math.max(1, params.integer("repeats", 3)),
            params.longValue("seed", state.config().defaultSeed()), work.part(0.2, 0.95)))
        : List.of();
    facts.addAll(importance);
    double floor = params.decimal("floor", baselineResult.value());
    String floorSource = params.has("floor") ? "given" : "the " + baseline.label().describe() + " baseline's " + result.metric();
    facts.add(DeploymentChecks.qualityVsPrevious(result, previous));
    facts.add(DeploymentChecks.qualityFloor(result, floor, floorSource));
    state.setFacts("evaluate", facts);
    state.put(ModelKeys.EVALUATION, result);
    Judgement judgement = StageSupport.judge(state, params, StageSupport.stage(org.prodml.rules.Stage.EVALUATE));

    StageResult.Builder out = StageResult.builder()
        .text("Evaluated " + model.id() + " on '" + on + "' (" + result.rows() + " labelled rows"
            + (on.equals(trainedOn) ? ", the rows it was trained on: an optimistic score" : "") + "): " + result.metric() + " "
            + StageSupport.number(result.value()) + " against " + StageSupport.number(baselineResult.value()) + " for the baseline"
            + (previous == null ? "" : " and " + StageSupport.number(previous.value()) + " for the previous model " + previous.model())
            + "; " + StageSupport.findingsSummary(judgement.findings().size()) + ".")
        .table(Tables.findings("findings", judgement.findings()))
        .findings(judgement.findings())
        .table(metrics(result, baselineResult, previous));
    if (model.task() == Task.CLASSIFICATION) {
      out.table(perClass(result)).table(confusion(result));
      if (!result.calibration().isEmpty()) {
        out.table(calibration(result));
        List<double[]> curve = new ArrayList<>();
        for (CalibrationBucket b : result.calibration()) {
          curve.add(new double[] {b.meanPredicted(), b.observedRate()});
        }
        Map<String, List<double[]>> series = new LinkedHashMap<>();
        series.put(model.id(), curve);
        series.put("perfectly calibrated", List.of(new double[] {0, 0}, new double[] {1, 1}));
        out.html(Charts.lines("calibration: " + result.calibrationOf(), "mean predicted probability", "observed frequency", series, false));
      }
    }
    List<String> charts = new ArrayList<>();
    if (!slices.isEmpty()) {
      out.table(slices(slices));
      Map<String, Map<String, Double>> bars = new LinkedHashMap<>();
      for (SliceMetricFact s : slices) {
        Map<String, Double> v = new LinkedHashMap<>();
        v.put("slice", s.sliceValue());
        v.put("all rows", s.overallValue());
        bars.put(s.slice(), v);
      }
      charts.add(Charts.groupedBars(result.metric() + " by " + slice, result.metric(), bars));
    }
    if (!importance.isEmpty()) {
      out.table(importance(importance));
      Map<String, Map<String, Double>> bars = new LinkedHashMap<>();
      for (FeatureImportanceFact f : importance) {
        bars.put(f.feature(), Map.of("worsening when shuffled", f.importance()));
      }
      charts.add(Charts.groupedBars("permutation importance (" + result.metric() + ")", result.metric() + " lost", bars));
    }
    if (!charts.isEmpty()) {
      out.html(Charts.row(charts));
    }
    work.report(1);
    return out.build();
  }

  private static String defaultSlice(TrainedModel model, Table table) {
    for (String c : model.transforms().inputColumns()) {
      if (table.columnNames().contains(c) && Frame.kindOf(table.column(c).type()) == Frame.Kind.TEXT
          && table.column(c).countUnique() <= 30) {
        return c;
      }
    }
    return null;
  }

  private static TableBlock metrics(EvaluationResult r, EvaluationResult baseline, EvaluationResult previous) {
    List<String> header = new ArrayList<>(List.of("metric", r.model(), "baseline"));
    if (previous != null) {
      header.add("previous " + previous.model());
    }
    List<List<String>> rows = new ArrayList<>();
    List<String[]> names = r.task().equals("classification")
        ? List.of(new String[] {"accuracy"}, new String[] {"macro F1"}, new String[] {"ROC AUC"}, new String[] {"log loss"},
            new String[] {"prediction bias"}, new String[] {"calibration error"}, new String[] {"NaN/Inf predictions"})
        : List.of(new String[] {"RMSE"}, new String[] {"MAE"}, new String[] {"R²"}, new String[] {"bias (mean prediction − mean label)"},
            new String[] {"NaN/Inf predictions"});
    for (String[] n : names) {
      List<String> row = new ArrayList<>(List.of(n[0], value(r, n[0]), value(baseline, n[0])));
      if (previous != null) {
        row.add(value(previous, n[0]));
      }
      rows.add(row);
    }
    return TableBlock.of("quality on " + r.table(), header, rows);
  }

  private static String value(EvaluationResult r, String name) {
    return switch (name) {
      case "accuracy" -> StageSupport.number(r.accuracy());
      case "macro F1" -> StageSupport.number(r.macroF1());
      case "ROC AUC" -> StageSupport.number(r.auc());
      case "log loss" -> StageSupport.number(r.logLoss());
      case "prediction bias" -> StageSupport.number(r.predictionBias()) + (r.biasClass() == null ? "" : " (" + r.biasClass() + ")");
      case "calibration error" -> StageSupport.number(r.calibrationError());
      case "RMSE" -> StageSupport.number(r.rmse());
      case "MAE" -> StageSupport.number(r.mae());
      case "R²" -> StageSupport.number(r.r2());
      case "bias (mean prediction − mean label)" -> StageSupport.number(r.predictionBias());
      default -> String.valueOf(r.nonFinitePredictions());
    };
  }

  private static TableBlock perClass(EvaluationResult r) {
    List<List<String>> rows = new ArrayList<>();
    for (ClassMetrics c : r.perClass()) {
      rows.add(List.of(c.name(), StageSupport.number(c.precision()), StageSupport.number(c.recall()), StageSupport.number(c.f1()),
          String.valueOf(c.support())));
    }
    return TableBlock.of("per class", List.of("class", "precision", "recall", "F1", "rows"), rows);
  }

  private static TableBlock confusion(EvaluationResult r) {
    List<String> header = new ArrayList<>(List.of("true \\ predicted"));
    header.addAll(r.classes());
    List<List<String>> rows = new ArrayList<>();
    for (int i = 0; i < r.confusion().length; i++) {
      if (i == r.classes().size() && r.unknownLabels() == 0) {
        continue;
      }
      List<String> row = new ArrayList<>(List.of(i < r.classes().size() ? r.classes().get(i) : "(class unseen in training)"));
      for (long v : r.confusion()[i]) {
        row.add(String.valueOf(v));
      }
      rows.add(row);
    }
    return TableBlock.of("confusion matrix", header, rows);
  }

  private static TableBlock calibration(EvaluationResult r) {
    List<List<String>> rows = new ArrayList<>();
    for (CalibrationBucket b : r.calibration()) {
      rows.add(List.of("[" + StageSupport.number(b.low()) + ", " + StageSupport.number(b.high()) + ")", String.valueOf(b.rows()),
          StageSupport.number(b.meanPredicted()), StageSupport.number(b.observedRate()),
          StageSupport.number(b.meanPredicted() - b.observedRate())));
    }
    return TableBlock.of("calibration of " + r.calibrationOf() + " (prediction bias " + StageSupport.number(r.predictionBias())
        + ", expected calibration error " + StageSupport.number(r.calibrationError()) + ")",
        List.of("bucket", "rows", "mean predicted", "observed", "gap"), rows);
  }

  private static TableBlock slices(List<SliceMetricFact> slices) {
    List<List<String>> rows = new ArrayList<>();
    for (SliceMetricFact s : slices) {
      rows.add(List.of(s.slice(), String.valueOf(s.rows()), StageSupport.number(s.sliceValue()), StageSupport.number(s.overallValue()),
          StageSupport.number(s.gap())));
    }
    SliceMetricFact first = slices.get(0);
    return TableBlock.of(first.metric() + " per slice of " + first.column(), List.of("slice", "rows", first.metric(), "all rows",
        "worse by"), rows);
  }

  private static TableBlock importance(List<FeatureImportanceFact> importance) {
    List<List<String>> rows = new ArrayList<>();
    for (FeatureImportanceFact f : importance) {
      rows.add(List.of(f.feature(), StageSupport.number(f.importance()), StageSupport.number(f.spread()),
          StageSupport.percent(f.relativeImportance())));
    }
    FeatureImportanceFact first = importance.get(0);
    return TableBlock.of("permutation importance (" + first.repeats() + " shuffles per input, seed " + first.seed() + ")",
        List.of("input", first.metric() + " lost", "spread", "relative"), rows);
  }
}
