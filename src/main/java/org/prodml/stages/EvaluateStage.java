package org.prodml.stages;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.prodml.audit.ModelAudit;
import org.prodml.audit.ModelEvaluation;
import org.prodml.chart.Charts;
import org.prodml.evaluate.EvaluationResult;
import org.prodml.facts.FeatureImportanceFact;
import org.prodml.facts.SliceMetricFact;
import org.prodml.pipeline.Params;
import org.prodml.pipeline.PipelineState;
import org.prodml.pipeline.Progress;
import org.prodml.pipeline.Stage;
import org.prodml.pipeline.StageResult;
import org.prodml.render.Tables;
import org.prodml.report.ModelCharts;
import org.prodml.report.ModelTables;
import org.prodml.rules.Judgement;
import org.prodml.train.Task;
import org.prodml.train.TrainedModel;
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
    TrainedModel previousModel = state.get(ModelKeys.PREVIOUS_MODEL).orElse(null);
    Table trainTable = state.requireTable(trainedOn, "%prodml.train()");
    ModelAudit.EvaluationOptions options = new ModelAudit.EvaluationOptions(params.string("slice", null), params.bool("importance", true),
        params.integer("repeats", ModelAudit.EvaluationOptions.DEFAULT_REPEATS), params.longValue("seed", state.config().defaultSeed()),
        params.has("floor") ? params.decimal("floor", 0) : null);
    ModelEvaluation evaluation = StageSupport.library(() -> ModelAudit.evaluate(model, trainTable, table, on, previousModel, options, work));
    EvaluationResult result = evaluation.model();
    EvaluationResult baselineResult = evaluation.baseline();
    EvaluationResult previous = evaluation.previous();
    List<SliceMetricFact> slices = evaluation.slices();
    List<FeatureImportanceFact> importance = evaluation.importance();
    state.setFacts("evaluate", evaluation.facts());
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
        .table(ModelTables.metrics(result, baselineResult, previous));
    if (model.task() == Task.CLASSIFICATION) {
      out.table(ModelTables.perClass(result)).table(ModelTables.confusion(result));
      if (!result.calibration().isEmpty()) {
        out.table(ModelTables.calibration(result));
        out.html(ModelCharts.calibration(result));
      }
    }
    List<String> charts = new ArrayList<>();
    charts.add(ModelCharts.againstBaseline(evaluation));
    if (!slices.isEmpty()) {
      out.table(ModelTables.slices(slices));
      charts.add(ModelCharts.slices(slices));
    }
    if (!importance.isEmpty()) {
      out.table(ModelTables.importance(importance));
      charts.add(ModelCharts.importance(importance));
    }
    out.html(Charts.row(charts));
    work.report(1);
    return out.build();
  }
}
