package org.prodml.audit;

import java.util.List;
import java.util.Map;
import org.prodml.facts.ParadigmComparisonFact;
import org.prodml.rules.Finding;
import org.prodml.rules.Severity;
import org.prodml.simulate.InferenceSimulation;
import org.prodml.simulate.TrainingSimulation;

/**
 * A paradigm simulation and its judgement: the comparison fact the rules read, the per-period (or
 * per-request) detail, and the findings of the SIMULATE rules.
 *
 * @param summary the outcome in one sentence
 * @param comparison static against dynamic in a few numbers (the fact the rules judge)
 * @param training the per-period detail of a training simulation; null for inference
 * @param inference the serving detail of an inference simulation; null for training
 */
public record SimulationResult(
    String tool,
    String version,
    String paradigm,
    Verdict verdict,
    Map<String, String> inputs,
    Map<String, String> parameters,
    String summary,
    ParadigmComparisonFact comparison,
    TrainingSimulation training,
    InferenceOutcome inference,
    List<Finding> findings,
    Map<String, Double> thresholds,
    String rulesVersion) {

  /**
   * Both inference modes on the same later requests.
   *
   * @param model the model trained on the first days
   * @param precomputeMillis the batch run that filled the static table
   * @param serving both modes side by side: coverage, latency, freshness, cost, coverage by key frequency
   * @param weeks requests per week and the share each mode answered
   */
  public record InferenceOutcome(String model, long trainingRows, long precomputeMillis, ServingReport serving,
      List<InferenceSimulation.WeekCoverage> weeks) {}

  public long count(Severity severity) {
    return findings.stream().filter(f -> f.severity() == severity).count();
  }
}
