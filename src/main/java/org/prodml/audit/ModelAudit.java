package org.prodml.audit;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.prodml.data.ColumnRoles;
import org.prodml.data.DataInputException;
import org.prodml.data.DataLoader;
import org.prodml.deploy.DeploymentChecks;
import org.prodml.evaluate.EvaluationResult;
import org.prodml.evaluate.Evaluator;
import org.prodml.facts.DeploymentCheckFact;
import org.prodml.facts.FeatureImportanceFact;
import org.prodml.facts.FeatureSkewFact;
import org.prodml.facts.SliceMetricFact;
import org.prodml.facts.SplitFact;
import org.prodml.monitor.Monitor;
import org.prodml.monitor.MonitoringConfig;
import org.prodml.monitor.WindowResult;
import org.prodml.monitor.WindowSpec;
import org.prodml.profile.DatasetProfile;
import org.prodml.profile.ProfileOptions;
import org.prodml.profile.TableProfiler;
import org.prodml.serve.DynamicInference;
import org.prodml.serve.KeyBandCoverage;
import org.prodml.serve.KeySpace;
import org.prodml.serve.LatencyDistribution;
import org.prodml.serve.ServingPath;
import org.prodml.serve.ServingResult;
import org.prodml.serve.SkewCheck;
import org.prodml.serve.StaticInference;
import org.prodml.split.SplitMethod;
import org.prodml.split.SplitResult;
import org.prodml.split.SplitSpec;
import org.prodml.split.Splitter;
import org.prodml.text.Format;
import org.prodml.train.LabelSpec;
import org.prodml.train.ModelSpec;
import org.prodml.train.ModelType;
import org.prodml.train.Predictions;
import org.prodml.train.Task;
import org.prodml.train.TrainedModel;
import org.prodml.train.Trainer;
import org.prodml.transform.FitScope;
import org.prodml.transform.FittedTransforms;
import org.prodml.transform.Frame;
import org.prodml.transform.Placement;
import org.prodml.transform.TransformPlan;
import org.prodml.work.Work;
import tech.tablesaw.api.Table;

/**
 * The model half of an audit, and the steps the notebook's model stages share with it: train a
 * model through the automatic transforms, evaluate it against the baseline, serve it statically
 * and dynamically, replay served data in monitoring windows, and run the deployment checks. Each
 * step returns what it measured together with the facts the rules judge, so a note and the command
 * line measure a model the same way; {@link #run} chains them for {@code ./prodml audit --model}.
 */
public final class ModelAudit {
  /** Requests served at most per serving run: enough for steady latency percentiles, quick on any data. */
  public static final int MAX_REQUESTS = 5000;
  /** Rows whose encoding the skew check compares between the training and the serving path. */
  static final int SKEW_ROWS = 1000;

  private ModelAudit() {}

  // ---- the steps the stages share ----

  /**
   * What to train: the named model type, or logistic regression for a class label and linear
   * regression for a numeric one, with the given seed and hyperparameters.
   */
  public static ModelSpec modelSpec(Table table, LabelSpec label, String model, Long seed, Map<String, String> hyperparameters) {
    Task task = label.task(table);
    ModelType type = ModelType.parse(model != null ? model : task == Task.CLASSIFICATION ? "logistic" : "linear");
    return new ModelSpec(type, label, seed, hyperparameters);
  }

  /**
   * The automatic transform plan for a model type (its encoding, materialized), fitted on the
   * training rows only: a test or serving row never contributes to a statistic the model uses.
   */
  public static FittedTransforms automaticTransforms(Table training, String tableName, List<String> features, ModelType type) {
    return TransformPlan.auto(training, features, type.encoding(), Placement.MATERIALIZED, FitScope.TRAINING).fit(training, tableName);
  }

  /**
   * How an evaluation slices, shuffles and gates.
   *
   * @param slice the column to slice by; null for the model's first text input with at most 30 values
   * @param importance whether to measure permutation importance
   * @param repeats shuffles per input for the importance
   * @param seed the seed of the shuffles
   * @param floor the gate's absolute floor; null for the baseline's metric
   */
  public record EvaluationOptions(String slice, boolean importance, int repeats, long seed, Double floor) {
    public static final int DEFAULT_REPEATS = 3;
  }

  /**
   * Evaluates the model on held-out rows, beside the baseline trained on the model's training rows
   * and the previous model when it learned the same label from inputs this table has.
   */
  public static ModelEvaluation evaluate(TrainedModel model, Table training, Table table, String tableName,
      TrainedModel previousModel, EvaluationOptions options, Work work) {
    Predictions predictions = model.predict(table);
    EvaluationResult result = Evaluator.evaluate(model, predictions, table, tableName);
    TrainedModel baseline = Trainer.train(training, model.transforms(), ModelSpec.of(ModelType.BASELINE, model.label(), 0L), null, Work.NONE);
    EvaluationResult baselineResult = Evaluator.evaluate(baseline, table, tableName);
    boolean comparable = previousModel != null && previousModel.label().equals(model.label())
        && table.columnNames().containsAll(previousModel.transforms().inputColumns());
    EvaluationResult previous = comparable ? Evaluator.evaluate(previousModel, table, tableName) : null;
    work.report(0.2);
    String slice = options.slice() != null ? options.slice() : defaultSlice(model, table);
    List<SliceMetricFact> slices = slice == null ? List.of() : Evaluator.slices(model, predictions, table, slice, result);
    List<FeatureImportanceFact> importance = options.importance()
        ? Evaluator.permutationImportance(model, table, Math.max(1, options.repeats()), options.seed(), work.part(0.2, 0.95))
        : List.of();
    double floor = options.floor() != null ? options.floor() : baselineResult.value();
    String floorSource = options.floor() != null ? "given" : "the " + baseline.label().describe() + " baseline's " + result.metric();
    List<DeploymentCheckFact> gate = List.of(DeploymentChecks.qualityVsPrevious(result, previous),
        DeploymentChecks.qualityFloor(result, floor, floorSource));
    return new ModelEvaluation(result, baselineResult, previous, slice, slices, importance, gate);
  }

  /** The model's first text input with at most 30 distinct values: a column whose slices are readable. */
  private static String defaultSlice(TrainedModel model, Table table) {
    for (String c : model.transforms().inputColumns()) {
      if (table.columnNames().contains(c) && Frame.kindOf(table.column(c).type()) == Frame.Kind.TEXT
          && table.column(c).countUnique() <= 30) {
        return c;
      }
    }
    return null;
  }

  /**
   * How requests are served.
   *
   * @param keys the static table's key space; null for the model's first text input
   * @param staticMode serve from a table precomputed for the keys seen in training
   * @param dynamicMode run the transforms and the model per request
   * @param path how the serving side encodes a request
   * @param minCount precompute keys seen at least this often in training
   * @param limit serve at most this many requests (the first ones)
   */
  public record ServingOptions(List<String> keys, boolean staticMode, boolean dynamicMode, ServingPath path, int minCount, int limit) {}

  /**
   * Serves the requests (rows of a table) with the model in the modes asked for, measuring each
   * request, and checks the serving path for training–serving skew on the same rows.
   */
  public static ServingReport serve(TrainedModel model, Table training, Table all, String requestsName, String timeColumn,
      ServingOptions options, Work work) {
    Table requests = all.rowCount() > Math.max(1, options.limit()) ? all.first(Math.max(1, options.limit())) : all;
    if (options.path() == ServingPath.REIMPLEMENTED && model.transforms().placement().equals("in-model")) {
      throw new IllegalArgumentException("the model's transforms are placed in the model, so serving cannot reimplement them: it runs them as they are; use path=shared");
    }
    List<String> keys = options.keys() != null ? options.keys() : KeySpace.firstText(requests, model.transforms().inputColumns());
    for (String k : keys) {
      if (!requests.columnNames().contains(k) || !training.columnNames().contains(k)) {
        throw new IllegalArgumentException("key column '" + k + "' must be in both the training table and '" + requestsName + "'");
      }
    }
    if (options.staticMode() && keys.isEmpty()) {
      throw new IllegalArgumentException("static inference needs a key space: write keys=… (e.g. keys=origin), or mode=dynamic");
    }
    String time = timeColumn != null && requests.columnNames().contains(timeColumn) ? timeColumn : null;
    KeySpace space = keys.isEmpty() ? null : KeySpace.of(training, keys);
    List<ServingResult> results = new ArrayList<>();
    if (options.staticMode()) {
      StaticInference table = StaticInference.precompute(model, training, keys, options.minCount(), Integer.MAX_VALUE);
      results.add(table.serve(requests, time));
      work.report(0.4);
    }
    if (options.dynamicMode()) {
      work.checkCancelled();
      results.add(DynamicInference.serve(model, requests, options.path(), space, time));
      work.report(0.8);
    }
    work.checkCancelled();
    List<FeatureSkewFact> skew = SkewCheck.compare(model, requests, options.path(), SKEW_ROWS);
    return new ServingReport(requestsName, requests.rowCount(), keys, options.path().label(),
        results.stream().map(ServingResult::fact).toList(), KeyBandCoverage.of(results), LatencyDistribution.of(results), skew);
  }

  /**
   * Replays served data through the model in time windows, each compared with the training
   * profile, and records the monitoring declared for it.
   *
   * @param offlineValue the model's offline metric, which live quality is compared with (NaN if unknown)
   */
  public static MonitoringReport monitor(TrainedModel model, Table training, DatasetProfile trainingProfile, Table served,
      String timeColumn, MonitoringConfig config, double offlineValue, Work work) {
    Map.Entry<String, Double> trainingMean = Monitor.trainingMeanPrediction(model, training);
    List<WindowResult> windows = Monitor.replay(new Monitor.Setup(model, trainingProfile, trainingMean.getValue(),
        trainingMean.getKey(), offlineValue, config.window()), served, timeColumn, work);
    Map<String, Map<String, Double>> shares = new LinkedHashMap<>();
    List<org.prodml.facts.ColumnComparisonFact> comparisons = new ArrayList<>();
    for (WindowResult w : windows) {
      shares.put(w.fact().window(), w.predictionShares());
      comparisons.addAll(w.comparison().columns());
    }
    return new MonitoringReport(config.window().describe(), model.task().label(), config.fact(),
        windows.stream().map(WindowResult::fact).toList(), shares, comparisons);
  }

  // ---- the whole model audit of the command line ----

  /** Share of the training file held out for evaluation when no test file is given. */
  static final double HELD_OUT = SplitSpec.DEFAULT_TEST_FRACTION;

  /** What {@link #run} measured, and the facts for the audit's one rule run. */
  public record Outcome(List<Object> facts, ModelCard model, ModelEvaluation evaluation, ServingReport serving,
      MonitoringReport monitoring, List<DeploymentCheckFact> deployment) {}

  /**
   * Trains the requested model on the training file and measures it: evaluated on the test file,
   * or on a held-out split of the training file (by time when there is a time column, else
   * stratified by a class label, else random, seeded); served both ways and monitored in windows
   * on the serving file when there is one; and the deployment checks. Files are only read.
   */
  public static Outcome run(AuditRequest request, Consumer<String> log) {
    ModelAuditRequest m = request.model();
    ColumnRoles roles = request.roles();
    String trainFile = request.train().toString();
    Table data = DataLoader.load(request.train(), request.types());
    LabelSpec label = new LabelSpec(roles.label(), m.above());
    List<String> features = m.features() != null ? m.features() : roles.withLabel(label.column()).features(data.columnNames());
    for (String f : features) {
      if (!data.columnNames().contains(f)) {
        throw new DataInputException(trainFile, -1, f, "no such feature column; the data has " + String.join(", ", data.columnNames()));
      }
    }
    if (features.contains(label.column())) {
      throw new IllegalArgumentException("the label " + label.column() + " cannot be one of the features");
    }
    if (features.isEmpty()) {
      throw new IllegalArgumentException(trainFile + " has no feature column besides the label and the time, group and id columns");
    }
    String time = roles.time() != null && data.columnNames().contains(roles.time()) ? roles.time() : null;
    ModelSpec spec = modelSpec(data, label, m.model(), m.seed(), m.hyperparameters());
    long sampleSeed = m.seed() != null ? m.seed() : org.prodml.pipeline.PipelineConfig.DEFAULT_SEED;

    Table training;
    Table evaluationTable;
    String trainingName;
    String evaluationName;
    SplitFact split = null;
    if (request.test() != null) {
      training = data;
      trainingName = "train";
      evaluationTable = DataLoader.load(request.test(), request.types());
      evaluationName = "test";
    } else {
      // Stratify by the label only when its values are the classes (not numbers, nor a derived yes/no).
      String classColumn = spec.label().above() == null && label.task(data) == Task.CLASSIFICATION ? label.column() : null;
      SplitMethod method = SplitMethod.defaultFor(time, classColumn);
      SplitResult s = Splitter.split(data, "train", new SplitSpec(method, HELD_OUT, m.seed(), method.column(classColumn, time, null)),
          time, roles.group());
      training = s.train();
      evaluationTable = s.test();
      trainingName = "train split";
      evaluationName = "test split";
      split = s.fact();
      log.accept(String.format("no --test: split %s %s, %d rows to train on, %d held out", trainFile, method.label(),
          s.fact().trainRows(), s.fact().testRows()));
    }
    FittedTransforms transforms = automaticTransforms(training, trainingName, features, spec.type());
    TrainedModel model = Trainer.train(training, transforms, spec, time, Work.NONE);
    log.accept(String.format("trained %s on %,d rows in %d ms%s", model.id(), model.trainingRows(), model.trainingMillis(),
        model.seeded() ? " (seed " + model.seed() + ")" : " (unseeded)"));

    long start = System.nanoTime();
    ModelEvaluation evaluation = evaluate(model, training, evaluationTable, evaluationName, null,
        new EvaluationOptions(null, true, EvaluationOptions.DEFAULT_REPEATS, sampleSeed, null), Work.NONE);
    log.accept(String.format("evaluated on %s: %s %s (baseline %s) in %d ms", evaluationName, evaluation.model().metric(),
        Format.number(evaluation.model().value()), Format.number(evaluation.baseline().value()), millisSince(start)));

    Table serving = request.serving() == null ? null : DataLoader.load(request.serving(), request.types());
    MonitoringConfig config = new MonitoringConfig(m.monitoringChecks(), request.thresholds(), m.alertOwner(), WindowSpec.parse(m.window()));
    ServingReport served = null;
    MonitoringReport monitoring = null;
    if (serving != null) {
      start = System.nanoTime();
      List<String> keys = m.keys() != null ? m.keys() : KeySpace.firstText(serving, model.transforms().inputColumns());
      // Static inference needs a key space; without one (no text input, no --keys) only dynamic runs.
      served = serve(model, training, serving, "serving", time,
          new ServingOptions(keys, !keys.isEmpty(), true, ServingPath.SHARED, 1, MAX_REQUESTS), Work.NONE);
      log.accept(String.format("served %,d requests %s in %d ms", served.requestRows(),
          String.join(" and ", served.modes().stream().map(f -> f.mode()).toList()), millisSince(start)));
      if (time != null && serving.columnNames().contains(time)) {
        start = System.nanoTime();
        DatasetProfile trainingProfile = TableProfiler.profile(training, ProfileOptions.defaults().withLabel(label.column())
            .withTime(time).withGroup(roles.group() != null && training.columnNames().contains(roles.group()) ? roles.group() : null));
        monitoring = monitor(model, training, trainingProfile, serving, time, config, evaluation.model().value(), Work.NONE);
        log.accept(String.format("monitored %d %s windows in %d ms", monitoring.windows().size(), monitoring.window(), millisSince(start)));
      }
    }

    start = System.nanoTime();
    Table requests = serving != null ? serving : evaluationTable;
    List<DeploymentCheckFact> deployment = DeploymentChecks.run(model, DeploymentChecks.CHECKS, new DeploymentChecks.Inputs(
        training, training, evaluationTable, requests, data, time, DeploymentChecks.DEFAULT_CALLS,
        DeploymentChecks.DEFAULT_SAMPLE_ROWS, sampleSeed, DeploymentChecks.SERVING_ACCEPTS), Work.NONE);
    log.accept(String.format("deployment checks (%s) in %d ms", String.join(", ", DeploymentChecks.CHECKS), millisSince(start)));

    List<Object> facts = new ArrayList<>(transforms.facts());
    if (split != null) {
      facts.add(split);
    }
    facts.add(model.fact());
    facts.addAll(evaluation.facts());
    if (served != null) {
      facts.addAll(served.facts());
    }
    if (monitoring != null) {
      facts.addAll(monitoring.facts());
    } else {
      facts.add(config.fact());
    }
    facts.addAll(deployment);
    return new Outcome(facts, ModelCard.of(model, trainingName, split), evaluation, served, monitoring, deployment);
  }

  private static long millisSince(long start) {
    return (System.nanoTime() - start) / 1_000_000;
  }
}
