package org.prodml.stages;

import java.util.ArrayList;
import java.util.List;
import org.prodml.chart.Charts;
import org.prodml.chart.ModelCharts;
import org.prodml.evaluate.ClassificationMetrics;
import org.prodml.evaluate.EvaluationResult;
import org.prodml.evaluate.ModelEvaluation;
import org.prodml.facts.FeatureImportanceFact;
import org.prodml.facts.SliceMetricFact;
import org.prodml.pipeline.Parameter;
import org.prodml.pipeline.Params;
import org.prodml.pipeline.PipelineState;
import org.prodml.pipeline.Stage;
import org.prodml.pipeline.StageResult;
import org.prodml.render.ModelTables;
import org.prodml.render.Tables;
import org.prodml.rules.Judgement;
import org.prodml.text.Format;
import org.prodml.train.TrainedModel;
import org.prodml.work.Work;
import tech.tablesaw.api.Table;

/**
 * Evaluates the current model on held-out rows: the headline metric against the majority/mean
 * baseline and the previous model, per-class metrics, the confusion matrix, calibration by
 * probability bucket, metrics per slice of a column, and permutation importance of each input. The
 * quality gate runs here too: against the previous model (tight) and an absolute floor (loose).
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
  public List<Parameter> parameters() {
    return List.of(
        Parameter.of(
            Parameter.ON, "the table to evaluate on (default: test, else the training table)"),
        Parameter.of(
            "slice",
            "a column to slice the metrics by (default: the first text input with at most 30 values)"),
        Parameter.of("importance", "permutation importance of each input (default true)"),
        Parameter.of("repeats", "shuffles per input for importance (default 3)"),
        StageSupport.seedParameter("the shuffles"),
        Parameter.of(
            "floor", "the absolute quality floor of the gate (default: the baseline's metric)"),
        StageSupport.thresholdsParameter("slice.maxGap:0.15 gate.maxDrop:0.02"));
  }

  @Override
  public StageResult run(PipelineState state, Params params, Work work) {
    TrainedModel model = state.require(StageKeys.MODEL, StageKeys.TRAIN_FIRST);
    String trainedOn = state.get(StageKeys.TRAINED_ON).orElse(StageSupport.trainingTable(state));
    String on = params.string(Parameter.ON, state.hasTable("test") ? "test" : trainedOn);
    Table table = state.requireTable(on, "%prodml.split() or %prodml.load(file=…, as=" + on + ")");
    TrainedModel previousModel = state.get(StageKeys.PREVIOUS_MODEL).orElse(null);
    Table trainTable = state.requireTable(trainedOn, "%prodml.train()");
    ModelEvaluation.Options options =
        new ModelEvaluation.Options(
            params.string("slice", null),
            params.bool("importance", true),
            params.integer("repeats", ModelEvaluation.Options.DEFAULT_REPEATS),
            params.longValue("seed", state.config().defaultSeed()),
            params.has("floor") ? params.decimal("floor", 0) : null);
    ModelEvaluation evaluation =
        StageSupport.library(
            () ->
                ModelEvaluation.measure(
                    model,
                    trainTable,
                    table,
                    on,
                    previousModel,
                    state.get(StageKeys.PREVIOUS_MODEL_GROUPS).orElse(null),
                    options,
                    work));
    EvaluationResult result = evaluation.model();
    EvaluationResult baselineResult = evaluation.baseline();
    EvaluationResult previous = evaluation.previous();
    List<SliceMetricFact> slices = evaluation.slices();
    List<FeatureImportanceFact> importance = evaluation.importance();
    state.setFacts("evaluate", evaluation.facts());
    state.put(StageKeys.EVALUATION, evaluation);
    Judgement judgement =
        StageSupport.judge(state, params, StageSupport.stage(org.prodml.rules.Stage.EVALUATE));

    StageResult.Builder out =
        StageResult.builder()
            .text(
                "Evaluated "
                    + model.id()
                    + " on '"
                    + on
                    + "' ("
                    + result.rows()
                    + " labelled rows"
                    + (on.equals(trainedOn)
                        ? ", the rows it was trained on: an optimistic score"
                        : "")
                    + "): "
                    + result.metric()
                    + " "
                    + Format.cell(result.value())
                    + " against "
                    + Format.cell(baselineResult.value())
                    + " for the baseline"
                    + (previous == null
                        ? ""
                        : " and "
                            + Format.cell(previous.value())
                            + " for the previous model "
                            + previous.model())
                    + "; "
                    + StageSupport.findingsSummary(judgement.findings().size())
                    + ".")
            .table(Tables.findings("findings", judgement.findings()))
            .findings(judgement.findings())
            .table(ModelTables.metrics(result, baselineResult, previous));
    ClassificationMetrics classes = result.classification();
    if (classes != null) {
      out.table(ModelTables.perClass(classes)).table(ModelTables.confusion(classes));
      if (!classes.calibration().isEmpty()) {
        out.table(ModelTables.calibration(classes));
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
