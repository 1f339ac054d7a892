package org.prodml.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.prodml.audit.Audit;
import org.prodml.audit.AuditRequest;
import org.prodml.audit.AuditResult;
import org.prodml.audit.ModelAuditRequest;
import org.prodml.audit.Verdict;
import org.prodml.data.ColumnRoles;
import org.prodml.data.DatasetSpec;
import org.prodml.profile.ValueType;
import org.prodml.render.TableBlock;
import org.prodml.render.TextTables;
import org.prodml.io.AtomicFiles;
import org.prodml.report.HtmlReport;
import org.prodml.report.Json;
import org.prodml.report.MarkdownReport;
import org.prodml.rules.Finding;
import org.prodml.text.Format;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code ./prodml audit}: profile, compare, judge, and write the report. */
@Command(
    name = "audit",
    mixinStandardHelpOptions = true,
    description = {
      "Profiles the training data (and test/serving data), compares them, runs the rules, and writes",
      "audit.json, audit.html and audit.md. With --model it also trains, evaluates, serves, monitors and",
      "deployment-checks a model, and the same one rule run judges it. Exit code 1 when a CRITICAL finding",
      "is raised, 2 on bad input."
    })
public final class AuditCommand implements Callable<Integer> {
  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Option(names = "--train", required = true, paramLabel = "FILE", description = "training data (CSV or JSON records): the reference")
  Path train;

  @Option(names = "--serving", paramLabel = "FILE", description = "serving data to compare with training (skew, schema, volume)")
  Path serving;

  @Option(names = "--test", paramLabel = "FILE", description = "test data to compare with training (split leakage, skew)")
  Path test;

  @Option(names = "--label", paramLabel = "COLUMN", description = "the label column (default: from dataset.json beside the training file)")
  String label;

  @Option(names = "--time", paramLabel = "COLUMN", description = "the time column (default: from dataset.json)")
  String time;

  @Option(names = "--group", paramLabel = "COLUMN", description = "a column whose values must not be shared by train and test (e.g. author, patient)")
  String group;

  @Option(names = "--after-label", paramLabel = "COLUMN", description = "a feature known only after the label (repeatable)")
  List<String> afterLabel = new ArrayList<>();

  @Option(names = "--pii", paramLabel = "COLUMN", description = "a column holding personal data (repeatable)")
  List<String> pii = new ArrayList<>();

  @Option(names = "--ignore", paramLabel = "COLUMN", description = "a column that is not a feature (repeatable)")
  List<String> ignore = new ArrayList<>();

  @Option(names = "--rules", paramLabel = "DIR", description = "rule folder (repeatable; default: rules/ of ProdML Lab)")
  List<Path> rules = new ArrayList<>();

  @Option(names = "--threshold", paramLabel = "NAME=VALUE", description = "override a rule threshold, e.g. skew.maxJsDivergence=0.2 (repeatable; see ./prodml rules list)")
  Map<String, Double> thresholds = new LinkedHashMap<>();

  @Option(names = "--types", paramLabel = "COLUMN=TYPE", split = ",", description = "declare column types, e.g. code=STRING")
  Map<String, String> types = new LinkedHashMap<>();

  @Option(names = "--answers", paramLabel = "FILE", description = "answers to the readiness questions (YAML: question-id: answer); without it every question is unknown")
  Path answers;

  @Option(names = "--questions", paramLabel = "DIR", description = "the readiness question catalog (default: rules/questions of ProdML Lab)")
  Path questions;

  @Option(names = "--out", paramLabel = "DIR", defaultValue = "out/audit", description = "where to write the report (default: ${DEFAULT-VALUE})")
  Path out;

  @Option(names = "--model", paramLabel = "TYPE", description = {
      "train logistic, linear, forest, gbt or baseline on --train; evaluate it on --test (or a seeded split of --train),",
      "serve it statically and dynamically and replay --serving in monitoring windows, run the deployment checks"})
  String model;

  @Option(names = "--trees", paramLabel = "N", description = "trees of a forest (default 50) or boosting rounds of gbt (default 100)")
  Integer trees;

  @Option(names = "--seed", paramLabel = "N|none", description = "seed of the training, the split and the samples (default 42; none = unseeded, recorded as such)")
  String seed;

  @Option(names = "--features", paramLabel = "COLUMN", split = ",", description = "the model's input columns (default: every column without another role)")
  List<String> features;

  @Option(names = "--above", paramLabel = "X", description = "learn the yes/no label 'label > X' from a numeric label (e.g. --label delay --above 15)")
  Double above;

  @Option(names = "--keys", paramLabel = "COLUMN", split = ",", description = "the static prediction table's key space (default: the model's first text input; none: dynamic inference only)")
  List<String> keys;

  @Option(names = "--window", paramLabel = "month|week|Nd", defaultValue = "month", description = "monitoring windows over the serving data's time column (default: ${DEFAULT-VALUE})")
  String window;

  @Option(names = "--monitoring", paramLabel = "CHECK", split = ",", description = "the monitoring declared for the model: drift, volume, nan, age, quality (default: none declared)")
  List<String> monitoring = new ArrayList<>();

  @Option(names = "--alert-owner", paramLabel = "NAME", description = "who is alerted when a monitoring check fails")
  String alertOwner;

  @Override
  public Integer call() {
    DatasetSpec spec = DatasetSpec.forDataFile(train).orElse(null);
    ColumnRoles roles = ColumnRoles.of(spec, label, time, group)
        .withAfterLabel(new HashSet<>(afterLabel))
        .withPii(new HashSet<>(pii))
        .withIgnored(new HashSet<>(ignore));
    if (roles.label() == null) {
      throw new IllegalArgumentException("no label: give --label COLUMN (no dataset.json beside " + train + " names one)");
    }
    Map<String, ValueType> declared = new LinkedHashMap<>();
    types.forEach((k, v) -> declared.put(k, ValueType.parse(v)));
    List<Path> folders = rules.isEmpty() ? List.of(Home.rules()) : rules;
    AuditRequest request = new AuditRequest(train, test, serving, roles, folders, thresholds, declared, answers,
        questions == null ? Home.rules().resolve("questions") : questions, modelRequest());
    var outWriter = this.spec.commandLine().getOut();
    AuditResult result = Audit.run(request, Version.get(), line -> outWriter.println(line));
    write(result, out);
    outWriter.print(summary(result));
    outWriter.println("Report: " + out.resolve("audit.html") + " (also audit.json, audit.md)");
    outWriter.flush();
    return result.verdict() == Verdict.READY ? ProdmlCommand.OK : ProdmlCommand.CRITICAL;
  }

  /** The model to train and measure, or null when no --model was given (then no model option may be). */
  ModelAuditRequest modelRequest() {
    if (model == null) {
      if (trees != null || seed != null || features != null || above != null || keys != null || !monitoring.isEmpty() || alertOwner != null) {
        throw new IllegalArgumentException("--trees, --seed, --features, --above, --keys, --monitoring and --alert-owner describe a model: add --model TYPE");
      }
      return null;
    }
    Map<String, String> hyperparameters = new LinkedHashMap<>();
    if (trees != null) {
      hyperparameters.put("trees", String.valueOf(trees));
    }
    List<String> keySpace = keys != null && keys.equals(List.of("none")) ? List.of() : keys;
    return new ModelAuditRequest(model, above, features, seed(seed), hyperparameters, keySpace, window, monitoring, alertOwner);
  }

  /** A seed option: a whole number, "none" for an unseeded run, or 42 when not given. */
  static Long seed(String text) {
    if (text == null) {
      return org.prodml.pipeline.PipelineConfig.DEFAULT_SEED;
    }
    if (text.equalsIgnoreCase("none")) {
      return null;
    }
    try {
      return Long.parseLong(text.strip());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("--seed must be a whole number or none, not '" + text + "'");
    }
  }

  /** Writes audit.json, audit.md and audit.html, each atomically. */
  static void write(AuditResult result, Path out) {
    AtomicFiles.write(out.resolve("audit.json"), Json.write(result));
    AtomicFiles.write(out.resolve("audit.md"), MarkdownReport.render(result));
    AtomicFiles.write(out.resolve("audit.html"), HtmlReport.render(result));
  }

  /** What the model audit measured, a line per step; empty without a model. */
  static String model(AuditResult result) {
    if (result.model() == null) {
      return "";
    }
    StringBuilder b = new StringBuilder();
    var card = result.model();
    var e = result.evaluation();
    b.append(String.format("Model %s (%s, %s): %s %s on %s (%d rows) against %s for the baseline%n", card.id(),
        String.join(", ", card.hyperparameters().entrySet().stream().map(x -> x.getKey() + "=" + x.getValue()).toList()),
        card.seed() == null ? "unseeded" : "seed " + card.seed(), e.model().metric(), Format.number(e.model().value()),
        e.model().table(), e.model().rows(), Format.number(e.baseline().value())));
    if (result.serving() != null) {
      b.append(String.format("Serving %d requests: %s%n", result.serving().requestRows(), String.join("; ", result.serving().modes().stream()
          .map(f -> f.mode() + " " + Format.percent(f.coverage()) + " answered, p50 " + Format.number(f.p50Ms()) + " ms, p99 "
              + Format.number(f.p99Ms()) + " ms").toList())));
    }
    if (result.monitoring() != null) {
      var windows = result.monitoring().windows().stream().filter(w -> !Double.isNaN(w.liveValue())).toList();
      b.append(String.format("Monitoring: %d %s windows", result.monitoring().windows().size(), result.monitoring().window()));
      if (!windows.isEmpty()) {
        var worst = windows.stream().min(java.util.Comparator.comparingDouble(w -> e.model().higherIsBetter() ? w.liveValue() : -w.liveValue())).get();
        var best = windows.stream().max(java.util.Comparator.comparingDouble(w -> e.model().higherIsBetter() ? w.liveValue() : -w.liveValue())).get();
        b.append(String.format("; live %s from %s (%s) to %s (%s) against %s offline", worst.metric(), Format.number(worst.liveValue()),
            worst.window(), Format.number(best.liveValue()), best.window(), Format.number(e.model().value())));
      }
      b.append('\n');
    }
    b.append("Deployment checks: ").append(String.join(", ", result.deployment().stream()
        .map(f -> f.check() + " " + (f.failures() == 0 ? "passed" : f.failures() + " failed")).toList())).append('\n');
    return b.toString();
  }

  /** Findings as the terminal shows them: one line each, the message cut to fit. */
  static String findings(List<Finding> findings) {
    List<List<String>> rows = new ArrayList<>();
    for (Finding f : findings) {
      rows.add(List.of(f.severity().name(), f.ruleId(), f.topic().name(), String.valueOf(f.subject()), f.message()));
    }
    return rows.isEmpty() ? "No findings.\n"
        : TextTables.render(TableBlock.of("", List.of("severity", "rule", "topic", "subject", "message"), rows), 90);
  }

  /** The short findings table the terminal shows. */
  static String summary(AuditResult result) {
    String table = findings(result.findings());
    var score = result.mlTestScore();
    String readiness = String.format("ML Test Score: %s (%s: %s) — %s; %d question%s unanswered%n",
        org.prodml.text.Format.number(score.finalScore()), score.band().range(), score.band().meaning(),
        String.join(", ", score.sections().stream().map(x -> x.section() + " " + org.prodml.text.Format.number(x.score())).toList()),
        result.unanswered().size(), result.unanswered().size() == 1 ? "" : "s");
    return table + model(result) + readiness + "Verdict: " + result.verdict() + " (" + result.count(org.prodml.rules.Severity.CRITICAL) + " critical, "
        + result.count(org.prodml.rules.Severity.WARNING) + " warning, " + result.count(org.prodml.rules.Severity.INFO) + " info)\n";
  }
}
