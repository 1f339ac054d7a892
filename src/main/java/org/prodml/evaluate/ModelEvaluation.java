package org.prodml.evaluate;

import java.util.ArrayList;
import java.util.List;
import org.prodml.facts.DeploymentCheckFact;
import org.prodml.facts.FeatureImportanceFact;
import org.prodml.facts.SliceMetricFact;
import org.prodml.train.ModelSpec;
import org.prodml.train.ModelType;
import org.prodml.train.Predictions;
import org.prodml.train.TrainedModel;
import org.prodml.train.Trainer;
import org.prodml.transform.Frame;
import org.prodml.work.Work;
import tech.tablesaw.api.Table;

/**
 * A model measured on held-out rows, next to what it must beat: the majority/mean baseline trained
 * on the same rows and, when there is one, the previous model; its metrics per slice of a column,
 * the permutation importance of each input, and the quality gate (against the previous model,
 * tight, and an absolute floor, loose).
 *
 * @param model the model's evaluation
 * @param baseline the baseline's evaluation on the same rows
 * @param previous the previous model's evaluation on the same rows, or null
 * @param sliceColumn the column the slices are of, or null when none was sliced
 */
public record ModelEvaluation(
    EvaluationResult model,
    EvaluationResult baseline,
    EvaluationResult previous,
    String sliceColumn,
    List<SliceMetricFact> slices,
    List<FeatureImportanceFact> importance,
    List<DeploymentCheckFact> gate) {

  public ModelEvaluation {
    slices = List.copyOf(slices);
    importance = List.copyOf(importance);
    gate = List.copyOf(gate);
  }

  /**
   * How an evaluation slices, shuffles and gates.
   *
   * @param slice the column to slice by; null for the model's first text input with at most 30
   *     values
   * @param importance whether to measure permutation importance
   * @param repeats shuffles per input for the importance
   * @param seed the seed of the shuffles
   * @param floor the gate's absolute floor; null for the baseline's metric
   */
  public record Options(String slice, boolean importance, int repeats, long seed, Double floor) {
    public static final int DEFAULT_REPEATS = 3;
  }

  /**
   * Evaluates the model on held-out rows, beside the baseline trained on the model's training rows
   * and the previous model when it learned the same label from inputs this table has.
   */
  public static ModelEvaluation measure(
      TrainedModel model,
      Table training,
      Table table,
      String tableName,
      TrainedModel previousModel,
      TrainingGroups previousGroups,
      Options options,
      Work work) {
    Predictions predictions = model.predict(table);
    EvaluationResult result = Evaluator.evaluate(model, predictions, table, tableName);
    TrainedModel baseline =
        Trainer.train(
            training,
            model.transforms(),
            ModelSpec.of(ModelType.BASELINE, model.label(), 0L),
            null,
            Work.NONE);
    EvaluationResult baselineResult = Evaluator.evaluate(baseline, table, tableName);
    boolean comparable =
        previousModel != null
            && previousModel.label().equals(model.label())
            && table.columnNames().containsAll(previousModel.transforms().inputColumns());
    EvaluationResult previous =
        comparable ? Evaluator.evaluate(previousModel, table, tableName) : null;
    work.report(0.2);
    String slice = options.slice() != null ? options.slice() : defaultSlice(model, table);
    List<SliceMetricFact> slices =
        slice == null ? List.of() : Evaluator.slices(model, predictions, table, slice, result);
    List<FeatureImportanceFact> importance =
        options.importance()
            ? Evaluator.permutationImportance(
                model, table, Math.max(1, options.repeats()), options.seed(), work.part(0.2, 0.95))
            : List.of();
    double floor = options.floor() != null ? options.floor() : baselineResult.value();
    String floorSource =
        options.floor() != null
            ? "given"
            : "the " + baseline.label().describe() + " baseline's " + result.metric();
    List<DeploymentCheckFact> gate =
        List.of(
            QualityGate.againstPrevious(
                result,
                previous,
                previousGroups == null ? 0 : previousGroups.shareOf(table),
                previousGroups == null ? null : previousGroups.column()),
            QualityGate.againstFloor(result, floor, floorSource));
    return new ModelEvaluation(result, baselineResult, previous, slice, slices, importance, gate);
  }

  /**
   * The model's first text input with at most 30 distinct values: a column whose slices are
   * readable.
   */
  private static String defaultSlice(TrainedModel model, Table table) {
    for (String c : model.transforms().inputColumns()) {
      if (table.columnNames().contains(c)
          && Frame.kindOf(table.column(c).type()) == Frame.Kind.TEXT
          && table.column(c).countUnique() <= 30) {
        return c;
      }
    }
    return null;
  }

  /** The facts the evaluation rules judge: the evaluation, its slices, importances and the gate. */
  public List<Object> facts() {
    List<Object> facts = new ArrayList<>();
    facts.add(model.fact(baseline.value(), previous == null ? Double.NaN : previous.value()));
    facts.addAll(slices);
    facts.addAll(importance);
    facts.addAll(gate);
    return facts;
  }
}
