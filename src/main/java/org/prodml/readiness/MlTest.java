package org.prodml.readiness;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The 28 tests of the ML Test Score (Breck, Cai, Nielsen, Salib, Sculley: "The ML Test Score: A
 * Rubric for ML Production Readiness and Technical Debt Reduction", IEEE Big Data 2017), in the
 * paper's four sections and order, each with the paper's title and what would let this project
 * measure it itself (and so score it automated rather than manual).
 */
public enum MlTest {
  DATA_1(
      "Data 1",
      "Feature expectations are captured in a schema",
      "profile the training data and check every later span against it: ./prodml audit --train … --serving …"),
  DATA_2(
      "Data 2",
      "All features are beneficial",
      "train a model in the audit (--model …) so permutation importance is measured for every feature"),
  DATA_3(
      "Data 3",
      "No feature's cost is too much",
      "list the costly features (features.costly) and measure their importance with --model: the audit then weighs each cost against its measured benefit"),
  DATA_4(
      "Data 4",
      "Features adhere to meta-level requirements",
      "state the deny list (features.denyList): the audit checks every feature against it on each run"),
  DATA_5(
      "Data 5",
      "The data pipeline has appropriate privacy controls",
      "tag personal-data columns (features.pii or --pii): the audit checks on each run that none is used as a feature"),
  DATA_6(
      "Data 6",
      "New features can be added quickly",
      "not measurable by this project; claim it by hand when true"),
  DATA_7(
      "Data 7",
      "All input feature code is tested",
      "declare the transforms in the pipeline so their fitted outputs are checked (range, non-finite values) on every run"),
  MODEL_1(
      "Model 1",
      "Every model specification undergoes a code review and is checked in to a repository",
      "not measurable by this project; claim it by hand when true"),
  MODEL_2(
      "Model 2",
      "Offline proxy metrics correlate with actual online impact metrics",
      "not measurable by this project; claim it by hand when true"),
  MODEL_3(
      "Model 3",
      "All hyperparameters have been tuned",
      "not measurable by this project; claim it by hand when true"),
  MODEL_4(
      "Model 4",
      "The impact of model staleness is known",
      "run the training-paradigm simulation (./prodml simulate training) so the quality decay of a static model is measured"),
  MODEL_5(
      "Model 5",
      "A simpler model is not better",
      "train a model in the audit: it is evaluated against the majority/mean baseline on the same rows"),
  MODEL_6(
      "Model 6",
      "Model quality is sufficient on all important data slices",
      "evaluate per slice (a slice column with --model) so every slice's metric is compared with the overall one"),
  MODEL_7(
      "Model 7",
      "The model has been tested for considerations of inclusion",
      "not measurable by this project; claim it by hand when true"),
  INFRA_1(
      "Infra 1",
      "Training is reproducible",
      "run the deployment checks: the model is trained twice with the same seed and compared"),
  INFRA_2(
      "Infra 2",
      "Model specification code is unit tested",
      "run the deployment checks: test calls to the model's API check the shape and range of its answers"),
  INFRA_3(
      "Infra 3",
      "The full ML pipeline is integration tested",
      "run the deployment checks: the pipeline is run end to end on a sample"),
  INFRA_4(
      "Infra 4",
      "Model quality is validated before attempting to serve it",
      "run the deployment checks: a quality gate against the previous model and an absolute floor"),
  INFRA_5(
      "Infra 5",
      "The model allows debugging by observing the step-by-step computation of training or inference on a single example",
      "not measurable by this project; claim it by hand when true"),
  INFRA_6(
      "Infra 6",
      "Models are tested via a canary process before they enter production serving environments",
      "run the deployment checks: the model-infrastructure compatibility check loads it against what serving accepts"),
  INFRA_7(
      "Infra 7",
      "Models can be quickly and safely rolled back to a previous serving version",
      "not measurable by this project; claim it by hand when true"),
  MONITOR_1(
      "Monitor 1",
      "Dependency changes result in notification",
      "not measurable by this project; claim it by hand when true"),
  MONITOR_2(
      "Monitor 2",
      "Data invariants hold in training and serving inputs",
      "audit the serving data against training (--serving …): columns, types, ranges and categories are checked"),
  MONITOR_3(
      "Monitor 3",
      "Training and serving features compute the same values",
      "audit the serving data against training (--serving …) so every feature's skew is measured"),
  MONITOR_4(
      "Monitor 4",
      "Models are not too stale",
      "replay serving windows (monitor stage) so the model's age is measured, and state the limit (model.staleness.maxDays)"),
  MONITOR_5(
      "Monitor 5",
      "The model is numerically stable",
      "profile training and serving data and serve the model so NaN and infinite inputs and outputs are counted"),
  MONITOR_6(
      "Monitor 6",
      "The model has not experienced dramatic or slow-leak regressions in training speed, serving latency, throughput, or RAM usage",
      "serve the model (serve stage) so latency is measured, and state the budget (serving.latencyBudgetMs)"),
  MONITOR_7(
      "Monitor 7",
      "The model has not experienced a regression in prediction quality on served data",
      "serve or monitor the model on labelled serving data so its live quality and prediction bias are measured");

  /** The four sections, in the paper's order. */
  public static final List<String> SECTIONS = List.of("Data", "Model", "Infra", "Monitor");

  private final String id;
  private final String title;
  private final String howToAutomate;

  MlTest(String id, String title, String howToAutomate) {
    this.id = id;
    this.title = title;
    this.howToAutomate = howToAutomate;
  }

  /** "Data 1" … "Monitor 7", as rules, questions and reports name the test. */
  public String id() {
    return id;
  }

  /** "Data", "Model", "Infra" or "Monitor". */
  public String section() {
    return id.substring(0, id.indexOf(' '));
  }

  public int number() {
    return Integer.parseInt(id.substring(id.indexOf(' ') + 1));
  }

  /** The paper's title of the test. */
  public String title() {
    return title;
  }

  /** What would let this project show the test itself, so it scores automated. */
  public String howToAutomate() {
    return howToAutomate;
  }

  /**
   * Whether some fact of this project can show the test (otherwise only an answer can claim it).
   */
  public boolean measurable() {
    return !howToAutomate.startsWith("not measurable");
  }

  public static Optional<MlTest> byId(String id) {
    return Arrays.stream(values())
        .filter(t -> t.id.equalsIgnoreCase(id == null ? "" : id.strip()))
        .findFirst();
  }
}
