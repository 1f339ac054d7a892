package org.prodml.audit;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.prodml.monitor.MonitoringCheck;
import org.prodml.pipeline.Parameter;
import org.prodml.pipeline.Step;
import org.prodml.profile.DataFiles;
import org.prodml.split.SplitMethod;

/**
 * What a command-line audit was asked to look at, and the note it runs: the files (the training
 * file is the reference), the columns' roles and types, threshold overrides, a readiness answers
 * file and, optionally, the model to train and measure. {@link #steps} turns it into the stages'
 * paragraphs, so an audit is a headless note: the same stages, parameters, facts and findings as
 * the note {@code ./prodml audit --note} writes.
 *
 * @param test test data; null for none (with a model, a seeded split of the training file then
 *     holds rows out)
 * @param serving serving data; null for none
 * @param types declared column types, column → type name
 * @param answers the readiness answers file; null for every question unknown
 * @param model the model to train and measure; null to audit the data alone
 */
public record AuditRequest(
    Path train,
    Path test,
    Path serving,
    String label,
    String time,
    String group,
    List<String> afterLabel,
    List<String> pii,
    List<String> ignore,
    Map<String, String> types,
    Map<String, Double> thresholds,
    Path answers,
    Model model) {

  public AuditRequest {
    afterLabel = List.copyOf(afterLabel);
    pii = List.copyOf(pii);
    ignore = List.copyOf(ignore);
    types = new LinkedHashMap<>(types);
    thresholds = new LinkedHashMap<>(thresholds);
  }

  /**
   * The model an audit trains, and how it is served and watched; every field is the parameter of
   * the same name of the train, serve or monitor stage, null (or empty) for that stage's default.
   *
   * @param type logistic, linear, forest, gbt or baseline
   * @param seed a whole number, or "none" for an unseeded run
   * @param keys the static table's key space; ["none"] for dynamic inference only
   * @param window monitoring windows: month, week or a number of days ("14d")
   * @param checks the monitoring declared; empty when none is
   * @param owner who is alerted when a monitoring check fails
   */
  public record Model(
      String type,
      Double above,
      List<String> features,
      String seed,
      Integer trees,
      List<String> keys,
      String window,
      List<String> checks,
      String owner) {

    public Model {
      features = features == null ? null : List.copyOf(features);
      keys = keys == null ? null : List.copyOf(keys);
      checks = List.copyOf(checks);
    }
  }

  /**
   * The note this audit runs, one step per paragraph: load the files, answer the readiness
   * questions from the answers file, and with a model split (without a test file), train, evaluate,
   * serve and monitor the serving file, run the deployment tests; then the audit, which validates
   * the training data against the later data and runs every rule over every fact once.
   *
   * @param fileName how a file is named in a {@code file=} parameter (relative to a data folder)
   */
  public List<Step> steps(Function<Path, String> fileName) {
    List<Step> steps = new ArrayList<>();
    Map<String, String> load = new LinkedHashMap<>();
    load.put("file", fileName.apply(train));
    putIfGiven(load, "label", label);
    putIfGiven(load, "time", time);
    putIfGiven(load, "group", group);
    putIfGiven(load, "afterLabel", afterLabel);
    putIfGiven(load, "pii", pii);
    putIfGiven(load, "ignore", ignore);
    if (!types.isEmpty()) {
      load.put(
          "types",
          String.join(
              " ", types.entrySet().stream().map(e -> e.getKey() + ":" + e.getValue()).toList()));
    }
    steps.add(Step.of("load", load));
    if (test != null) {
      steps.add(Step.of("load", ordered("file", fileName.apply(test), "as", "test")));
    }
    if (serving != null) {
      steps.add(Step.of("load", ordered("file", fileName.apply(serving), "as", "serving")));
    }
    if (answers != null) {
      steps.add(Step.of("ask", Map.of("answers", fileName.apply(answers))));
    }
    String overrides =
        thresholds.isEmpty()
            ? null
            : String.join(
                " ",
                thresholds.entrySet().stream().map(e -> e.getKey() + ":" + e.getValue()).toList());
    if (model != null) {
      modelSteps(steps, overrides);
    }
    steps.add(Step.of("audit", withThresholds(new LinkedHashMap<>(), overrides)));
    return steps;
  }

  private void modelSteps(List<Step> steps, String overrides) {
    String seed = model.seed();
    if (test == null) {
      Map<String, String> split = new LinkedHashMap<>();
      // A derived yes/no label has no classes to stratify by until it is derived: shuffle instead.
      if (model.above() != null && time == null) {
        split.put("method", SplitMethod.RANDOM.label());
      }
      putIfGiven(split, "seed", seed);
      steps.add(Step.of("split", split));
    }
    Map<String, String> train = new LinkedHashMap<>();
    putIfGiven(train, "model", model.type());
    putIfGiven(train, "above", model.above() == null ? null : String.valueOf(model.above()));
    putIfGiven(train, "features", model.features());
    putIfGiven(train, "trees", model.trees() == null ? null : String.valueOf(model.trees()));
    putIfGiven(train, "seed", seed);
    steps.add(Step.of("train", train));
    // The samples of evaluation and deployment tests are always seeded (the note's seed unless
    // given).
    String sampleSeed = seed == null || seed.equalsIgnoreCase("none") ? null : seed;
    Map<String, String> evaluate = new LinkedHashMap<>();
    putIfGiven(evaluate, "seed", sampleSeed);
    steps.add(Step.of("evaluate", evaluate));
    if (serving != null) {
      Map<String, String> serve = new LinkedHashMap<>();
      putIfGiven(serve, "keys", model.keys());
      steps.add(Step.of("serve", serve));
    }
    Map<String, String> monitor = new LinkedHashMap<>();
    // Monitoring replays served data in time windows; without any, the monitoring is only declared.
    boolean replay =
        serving != null
            && timeColumn() != null
            && DataFiles.columns(serving).contains(timeColumn());
    if (!replay) {
      monitor.put(Parameter.ON, "none");
    }
    putIfGiven(monitor, "window", replay ? model.window() : null);
    putIfGiven(
        monitor,
        "checks",
        model.checks().stream().map(c -> MonitoringCheck.parse(c).label()).toList());
    putIfGiven(monitor, "owner", model.owner());
    steps.add(Step.of("monitor", withThresholds(monitor, overrides)));
    Map<String, String> deploy = new LinkedHashMap<>();
    putIfGiven(deploy, "seed", sampleSeed);
    steps.add(Step.of("deploy", deploy));
  }

  /** The time column: the one given, else the one the training file's dataset.json names. */
  private String timeColumn() {
    return time != null
        ? time
        : org.prodml.data.DatasetSpec.forDataFile(train)
            .map(org.prodml.data.DatasetSpec::time)
            .orElse(null);
  }

  /** Parameters in the order a person would write them. */
  private static Map<String, String> ordered(String... keysAndValues) {
    Map<String, String> params = new LinkedHashMap<>();
    for (int i = 0; i < keysAndValues.length; i += 2) {
      params.put(keysAndValues[i], keysAndValues[i + 1]);
    }
    return params;
  }

  private static Map<String, String> withThresholds(Map<String, String> params, String overrides) {
    putIfGiven(params, Parameter.THRESHOLDS, overrides);
    return params;
  }

  private static void putIfGiven(Map<String, String> params, String key, String value) {
    if (value != null && !value.isBlank()) {
      params.put(key, value);
    }
  }

  private static void putIfGiven(Map<String, String> params, String key, List<String> values) {
    if (values != null && !values.isEmpty()) {
      params.put(key, String.join(",", values));
    }
  }
}
