package org.prodml.deploy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import org.prodml.evaluate.EvaluationResult;
import org.prodml.evaluate.Evaluator;
import org.prodml.facts.DeploymentCheckFact;
import org.prodml.serve.DynamicInference;
import org.prodml.serve.ServingPath;
import org.prodml.serve.ServingResult;
import org.prodml.split.SplitMethod;
import org.prodml.split.SplitResult;
import org.prodml.split.SplitSpec;
import org.prodml.split.Splitter;
import org.prodml.text.Format;
import org.prodml.train.Task;
import org.prodml.train.TrainedModel;
import org.prodml.train.Trainer;
import org.prodml.transform.FittedTransforms;
import org.prodml.transform.Frame;
import org.prodml.work.Work;
import tech.tablesaw.api.Table;

/**
 * The deployment tests the course names, each run for real on the current model and reported as a
 * fact: reproducible training, test calls to the model, the pipeline end to end on a sample, model
 * quality against the previous model and an absolute floor, and model–infrastructure compatibility.
 */
public final class DeploymentChecks {
  /** Model formats the serving stage of this version loads. */
  public static final Set<String> SERVING_ACCEPTS = Set.of(TrainedModel.FORMAT_VERSION);

  /** Test calls made and integration sample rows when nobody says otherwise. */
  public static final int DEFAULT_CALLS = 100;

  public static final int DEFAULT_SAMPLE_ROWS = 500;

  private DeploymentChecks() {}

  /**
   * What the checks run on.
   *
   * @param transformTable the table the model's transforms were fitted on
   * @param training the table the model was trained on
   * @param evaluation the rows reproducibility compares the two trainings on
   * @param requests the rows test calls and the compatibility check use (serving data, when there
   *     is some)
   * @param data the whole data, sampled for the end-to-end run
   * @param timeColumn the time column, or null
   * @param calls test calls to make
   * @param sampleRows rows of the end-to-end sample
   * @param seed the seed of the samples
   * @param acceptedFormats model formats the serving side loads
   */
  public record Inputs(
      Table transformTable,
      Table training,
      Table evaluation,
      Table requests,
      Table data,
      String timeColumn,
      int calls,
      int sampleRows,
      long seed,
      Set<String> acceptedFormats) {}

  /** Runs the checks in the order given, one fact each. */
  public static List<DeploymentCheckFact> run(
      TrainedModel model, List<DeploymentCheck> checks, Inputs in, Work work) {
    List<DeploymentCheckFact> facts = new ArrayList<>();
    int done = 0;
    for (DeploymentCheck check : checks) {
      work.checkCancelled();
      Work part = work.part((double) done / checks.size(), (done + 1.0) / checks.size());
      facts.add(
          switch (check) {
            case REPRODUCIBILITY ->
                reproducibility(
                    model,
                    in.transformTable(),
                    in.training(),
                    in.timeColumn(),
                    in.evaluation(),
                    part);
            case TEST_CALLS -> testCalls(model, in.requests(), Math.max(1, in.calls()), in.seed());
            case INTEGRATION ->
                integration(
                    model,
                    in.data(),
                    in.timeColumn(),
                    Math.max(20, in.sampleRows()),
                    in.seed(),
                    part);
            case COMPATIBILITY -> compatibility(model, in.requests(), in.acceptedFormats());
          });
      done++;
    }
    return facts;
  }

  /**
   * Trains the model again, with the same seed, hyperparameters, transform plan and rows, and
   * compares the two: fingerprint (same answers on the probe rows) and headline metric on the
   * evaluation table. An unseeded model is retrained unseeded, as a rerun of it would be.
   *
   * @param transformTable the table the model's transforms were fitted on
   * @param trainingTable the table the model was trained on
   */
  public static DeploymentCheckFact reproducibility(
      TrainedModel model,
      Table transformTable,
      Table trainingTable,
      String timeColumn,
      Table evaluation,
      Work work) {
    FittedTransforms transforms =
        model.transforms().plan().fit(transformTable, model.transforms().fittedOn());
    TrainedModel again = Trainer.train(trainingTable, transforms, model.spec(), timeColumn, work);
    double first = Evaluator.headline(model, model.predict(evaluation), evaluation, null);
    double second = Evaluator.headline(again, again.predict(evaluation), evaluation, null);
    boolean sameFingerprint = again.fingerprint().equals(model.fingerprint());
    boolean sameMetric = first == second || Math.abs(first - second) <= 1e-12;
    long failures = (sameFingerprint ? 0 : 1) + (sameMetric ? 0 : 1);
    String metric = Evaluator.headlineMetric(model.task());
    String detail =
        sameFingerprint
            ? "two trainings with seed "
                + (model.seeded() ? String.valueOf(model.seed()) : "(none)")
                + " gave the same model (fingerprint "
                + model.fingerprint()
                + ") and "
                + metric
                + " "
                + Format.number(first)
            : "two trainings gave different models: fingerprints "
                + model.fingerprint()
                + " and "
                + again.fingerprint()
                + ", "
                + metric
                + " "
                + Format.number(first)
                + " and "
                + Format.number(second)
                + (model.seeded() ? "" : " (no seed: every run draws new random numbers)");
    double worsening = Evaluator.higherIsBetter(model.task()) ? first - second : second - first;
    return new DeploymentCheckFact(
        "reproducibility", model.id(), true, 2, failures, metric, second, first, worsening, detail);
  }

  /**
   * Serves a seeded sample of requests through the model, one call each, and checks every response:
   * a probability per class, each in [0, 1], summing to 1 (classification), or a finite value not
   * far outside the training labels (within one label range beyond them: regression).
   */
  public static DeploymentCheckFact testCalls(
      TrainedModel model, Table requests, int sample, long seed) {
    int n = Math.min(sample, requests.rowCount());
    int[] rows = sample(requests.rowCount(), n, seed);
    List<String> inputs = model.transforms().inputColumns();
    long failures = 0;
    String firstProblem = null;
    for (int r : rows) {
      String problem;
      try {
        double[] response =
            model.predictEncoded(model.transforms().apply(Frame.ofRow(requests, r, inputs)).row(0));
        problem = check(model, response);
      } catch (RuntimeException e) {
        problem = "the call failed: " + e.getMessage();
      }
      if (problem != null) {
        failures++;
        if (firstProblem == null) {
          firstProblem = "row " + (r + 1) + ": " + problem;
        }
      }
    }
    String detail =
        failures == 0
            ? n
                + " calls, every response well-formed ("
                + (model.task() == Task.CLASSIFICATION
                    ? model.classes().size() + " probabilities in [0, 1] summing to 1)"
                    : "a finite value in the plausible range)")
            : failures + " of " + n + " responses malformed; first: " + firstProblem;
    return new DeploymentCheckFact(
        "test-calls",
        model.id(),
        true,
        n,
        failures,
        null,
        Double.NaN,
        Double.NaN,
        Double.NaN,
        detail);
  }

  private static String check(TrainedModel model, double[] response) {
    if (model.task() == Task.CLASSIFICATION) {
      if (response.length != model.classes().size()) {
        return response.length + " values for " + model.classes().size() + " classes";
      }
      double sum = 0;
      for (double p : response) {
        if (!Double.isFinite(p) || p < -1e-9 || p > 1 + 1e-9) {
          return "probability " + p + " outside [0, 1]";
        }
        sum += p;
      }
      return Math.abs(sum - 1) > 1e-6 ? "probabilities sum to " + Format.number(sum) : null;
    }
    if (response.length != 1 || !Double.isFinite(response[0])) {
      return "value " + (response.length == 0 ? "missing" : String.valueOf(response[0]));
    }
    double[] range = model.labelRange();
    double width = Math.max(1e-9, range[1] - range[0]);
    if (response[0] < range[0] - width || response[0] > range[1] + width) {
      return "value "
          + Format.number(response[0])
          + " far outside the training labels ["
          + Format.number(range[0])
          + ", "
          + Format.number(range[1])
          + "]";
    }
    return null;
  }

  /**
   * The pipeline end to end on a seeded sample of the data: split, fit the model's transform plan,
   * train the same model type, evaluate, serve a few requests. Each step that fails or yields a
   * non-finite result counts as a failure.
   */
  public static DeploymentCheckFact integration(
      TrainedModel model, Table data, String timeColumn, int sampleRows, long seed, Work work) {
    int n = Math.min(sampleRows, data.rowCount());
    Table sample = data.rows(sorted(sample(data.rowCount(), n, seed)));
    List<String> failed = new ArrayList<>();
    int steps = 5;
    try {
      SplitResult split =
          Splitter.split(
              sample,
              "sample",
              new SplitSpec(SplitMethod.RANDOM, 0.25, seed, null),
              timeColumn,
              null);
      FittedTransforms transforms = model.transforms().plan().fit(split.train(), "sample");
      TrainedModel trained =
          Trainer.train(split.train(), transforms, model.spec().withSeed(seed), timeColumn, work);
      EvaluationResult evaluation = Evaluator.evaluate(trained, split.test(), "sample test");
      if (!Double.isFinite(evaluation.value())) {
        failed.add("evaluate gave " + evaluation.metric() + " " + evaluation.value());
      }
      Table requests = split.test().first(Math.min(20, split.test().rowCount()));
      ServingResult served =
          DynamicInference.serve(trained, requests, ServingPath.SHARED, null, timeColumn);
      if (served.fact().nonFiniteOutputs() > 0 || served.fact().answered() < requests.rowCount()) {
        failed.add(
            "serve answered "
                + served.fact().answered()
                + " of "
                + requests.rowCount()
                + " with "
                + served.fact().nonFiniteOutputs()
                + " non-finite outputs");
      }
    } catch (java.util.concurrent.CancellationException e) {
      throw e;
    } catch (RuntimeException e) {
      failed.add(e.getClass().getSimpleName() + ": " + e.getMessage());
    }
    String detail =
        failed.isEmpty()
            ? "split → transform → train → evaluate → serve ran on " + n + " sampled rows"
            : "on " + n + " sampled rows: " + String.join("; ", failed);
    return new DeploymentCheckFact(
        "integration",
        model.id(),
        true,
        steps,
        failed.size(),
        null,
        Double.NaN,
        Double.NaN,
        Double.NaN,
        detail);
  }

  /**
   * What the model needs against what serving offers: every raw input the model reads must be a
   * column of the serving data, of the same kind (number, text or time), and serving must load the
   * model's format version.
   */
  public static DeploymentCheckFact compatibility(
      TrainedModel model, Table serving, Set<String> acceptedFormats) {
    List<String> problems = new ArrayList<>();
    Map<String, Frame.Kind> kinds = model.transforms().inputKinds();
    for (Map.Entry<String, Frame.Kind> e : kinds.entrySet()) {
      if (!serving.columnNames().contains(e.getKey())) {
        problems.add("input " + e.getKey() + " is not in the serving data");
        continue;
      }
      Frame.Kind servingKind = Frame.kindOf(serving.column(e.getKey()).type());
      if (servingKind != e.getValue()) {
        problems.add(
            "input "
                + e.getKey()
                + " is "
                + e.getValue().name().toLowerCase()
                + " in training but "
                + servingKind.name().toLowerCase()
                + " ("
                + serving.column(e.getKey()).type().name()
                + ") in serving");
      }
    }
    if (!acceptedFormats.contains(TrainedModel.FORMAT_VERSION)) {
      problems.add(
          "serving loads "
              + String.join(", ", acceptedFormats)
              + " but the model is "
              + TrainedModel.FORMAT_VERSION);
    }
    String detail =
        problems.isEmpty()
            ? kinds.size()
                + " inputs present with matching types; format "
                + TrainedModel.FORMAT_VERSION
                + " accepted"
            : String.join("; ", problems);
    return new DeploymentCheckFact(
        "compatibility",
        model.id(),
        true,
        kinds.size() + 1L,
        problems.size(),
        null,
        Double.NaN,
        Double.NaN,
        Double.NaN,
        detail);
  }

  private static int[] sample(int rows, int n, long seed) {
    int[] order = new int[rows];
    for (int i = 0; i < rows; i++) {
      order[i] = i;
    }
    SplittableRandom random = new SplittableRandom(seed);
    for (int i = 0; i < n; i++) {
      int j = i + random.nextInt(rows - i);
      int t = order[i];
      order[i] = order[j];
      order[j] = t;
    }
    return java.util.Arrays.copyOf(order, n);
  }

  private static int[] sorted(int[] rows) {
    int[] copy = rows.clone();
    java.util.Arrays.sort(copy);
    return copy;
  }
}
