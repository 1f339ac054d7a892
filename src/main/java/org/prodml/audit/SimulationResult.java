package org.prodml.audit;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.prodml.facts.ParadigmComparisonFact;
import org.prodml.pipeline.PipelineState;
import org.prodml.pipeline.StageResult;
import org.prodml.pipeline.Step;
import org.prodml.readiness.Verdict;
import org.prodml.rules.Finding;
import org.prodml.rules.Judgement;
import org.prodml.rules.Severity;
import org.prodml.serve.KeyBandCoverage;
import org.prodml.serve.LatencyDistribution;
import org.prodml.serve.ServingReport;
import org.prodml.serve.ServingResult;
import org.prodml.simulate.InferenceSimulation;
import org.prodml.simulate.InferenceSimulationSpec;
import org.prodml.simulate.TrainingSimulation;
import org.prodml.stages.StageKeys;

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
   * @param serving both modes side by side: coverage, latency, freshness, cost, coverage by key
   *     frequency
   * @param weeks requests per week and the share each mode answered
   */
  public record InferenceOutcome(
      String model,
      long trainingRows,
      long precomputeMillis,
      ServingReport serving,
      List<InferenceSimulation.WeekCoverage> weeks) {}

  /**
   * The report of a pipeline whose last step was a simulation: what it compared, the detail, and
   * the findings the simulate stage raised.
   *
   * @param simulate the simulate step as it ran, whose parameters the report lists
   * @param result what the simulate stage returned
   */
  public static SimulationResult of(
      PipelineState state,
      Map<String, String> inputs,
      Step simulate,
      StageResult result,
      Map<String, Double> overrides,
      String version) {
    String paradigm = simulate.params().getOrDefault("paradigm", "training");
    TrainingSimulation training =
        paradigm.equals("training") ? state.get(StageKeys.TRAINING_SIMULATION).orElseThrow() : null;
    InferenceOutcome inference = null;
    ParadigmComparisonFact fact;
    String summary;
    if (training != null) {
      fact = training.fact();
      summary = training.summary();
    } else {
      InferenceSimulation r = state.get(StageKeys.INFERENCE_SIMULATION).orElseThrow();
      fact = r.fact();
      summary = r.summary();
      List<ServingResult> modes = List.of(r.staticResult(), r.dynamicResult());
      String trainDays =
          simulate
              .params()
              .getOrDefault(
                  "trainDays", String.valueOf(InferenceSimulationSpec.DEFAULT_TRAIN_DAYS));
      ServingReport serving =
          new ServingReport(
              "requests after the first " + trainDays + " days",
              r.dynamicResult().latencyMs().length,
              r.keyColumns(),
              r.staticResult().fact().servingPath(),
              modes.stream().map(ServingResult::fact).toList(),
              KeyBandCoverage.of(modes),
              LatencyDistribution.of(modes),
              List.of(),
              null);
      inference =
          new InferenceOutcome(
              r.model(), r.trainingRows(), r.precomputeMillis(), serving, r.weeks());
    }
    Map<String, String> parameters = new LinkedHashMap<>(simulate.params());
    parameters.remove("paradigm");
    parameters.remove(org.prodml.pipeline.Parameter.THRESHOLDS);
    Map<String, Double> thresholds = new TreeMap<>(state.rules().thresholds());
    thresholds.putAll(overrides);
    return new SimulationResult(
        "ProdML Lab",
        version,
        paradigm,
        Verdict.of(new Judgement(result.findings(), List.of(), List.of())),
        inputs,
        parameters,
        summary,
        fact,
        training,
        inference,
        result.findings(),
        thresholds,
        state.rules().version());
  }

  public long count(Severity severity) {
    return findings.stream().filter(f -> f.severity() == severity).count();
  }
}
