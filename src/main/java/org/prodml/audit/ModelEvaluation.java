package org.prodml.audit;

import java.util.ArrayList;
import java.util.List;
import org.prodml.evaluate.EvaluationResult;
import org.prodml.facts.DeploymentCheckFact;
import org.prodml.facts.FeatureImportanceFact;
import org.prodml.facts.SliceMetricFact;

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
