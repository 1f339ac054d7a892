package org.prodml.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import org.prodml.audit.AuditRequest;
import org.prodml.audit.AuditResult;
import org.prodml.audit.AuditRun;
import org.prodml.data.ColumnRoles;
import org.prodml.data.DatasetSpec;
import org.prodml.io.AtomicFiles;
import org.prodml.io.ReportFolder;
import org.prodml.pipeline.DataRoots;
import org.prodml.pipeline.PipelineConfig;
import org.prodml.pipeline.Step;
import org.prodml.readiness.Verdict;
import org.prodml.render.TableBlock;
import org.prodml.render.TextTables;
import org.prodml.report.HtmlReport;
import org.prodml.report.Json;
import org.prodml.report.MarkdownReport;
import org.prodml.rules.Finding;
import org.prodml.text.Format;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code ./prodml audit}: runs the stages a note would run over the given files (load, validate,
 * and with a model split, train, evaluate, serve, monitor, deploy; then the audit), and writes the
 * report. Every option is the stage parameter of the same name.
 */
@Command(
    name = "audit",
    mixinStandardHelpOptions = true,
    description = {
      "Profiles the training data (and test and serving data), compares them, runs the rules and writes audit.json,"
          + " audit.html and audit.md.",
      "With --model it also trains, evaluates, serves, monitors and deployment-checks a model, and the same one rule"
          + " run judges it.",
      "It runs the stages a note runs; --note writes them as a note that ./prodml run reproduces.",
      "Exit code 1 when a CRITICAL finding is raised, 2 on bad input."
    })
public final class AuditCommand implements Callable<Integer> {
  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Mixin ModelOptions modelOptions;

  @Mixin RuleOptions ruleOptions;

  @Option(
      names = "--train",
      required = true,
      paramLabel = "FILE",
      description = "training data (CSV or JSON records): the reference")
  Path train;

  @Option(
      names = "--serving",
      paramLabel = "FILE",
      description = "serving data to compare with training (skew, schema, volume)")
  Path serving;

  @Option(
      names = "--test",
      paramLabel = "FILE",
      description = "test data to compare with training (split leakage, skew)")
  Path test;

  @Option(
      names = "--label",
      paramLabel = "COLUMN",
      description = "the label column (default: from dataset.json beside the training file)")
  String label;

  @Option(
      names = "--time",
      paramLabel = "COLUMN",
      description = "the time column (default: from dataset.json)")
  String time;

  @Option(
      names = "--group",
      paramLabel = "COLUMN",
      description =
          "a column whose values must not be shared by train and test (e.g. author, patient)")
  String group;

  @Option(
      names = "--after-label",
      paramLabel = "COLUMN",
      split = ",",
      description = "a feature known only after the label (repeatable)")
  List<String> afterLabel = new ArrayList<>();

  @Option(
      names = "--pii",
      paramLabel = "COLUMN",
      split = ",",
      description = "a column holding personal data (repeatable)")
  List<String> pii = new ArrayList<>();

  @Option(
      names = "--ignore",
      paramLabel = "COLUMN",
      split = ",",
      description = "a column that is not a feature (repeatable)")
  List<String> ignore = new ArrayList<>();

  @Option(
      names = "--types",
      paramLabel = "COLUMN=TYPE",
      split = ",",
      description = "declare column types, e.g. code=STRING")
  Map<String, String> types = new LinkedHashMap<>();

  @Option(
      names = "--answers",
      paramLabel = "FILE",
      description =
          "answers to the readiness questions (YAML: question-id: answer); without it every question is unknown")
  Path answers;

  @Option(
      names = "--questions",
      paramLabel = "DIR",
      description = "the readiness question catalog (default: rules/questions of ProdML Lab)")
  Path questions;

  @Option(
      names = "--out",
      paramLabel = "DIR",
      defaultValue = "out/audit",
      description = "where to write the report (default: ${DEFAULT-VALUE})")
  Path out;

  @Option(
      names = "--note",
      paramLabel = "FILE.zpln",
      description =
          "also write the stages this audit ran as a Zeppelin note, which ./prodml run reproduces")
  Path note;

  @Option(
      names = "--window",
      paramLabel = "month|week|Nd",
      description = "monitoring windows over the serving data's time column (default: month)")
  String window;

  @Option(
      names = "--checks",
      paramLabel = "CHECK",
      split = ",",
      description =
          "the monitoring declared for the model: ${COMPLETION-CANDIDATES} (default: none declared)",
      completionCandidates = MonitoringChecks.class)
  List<String> checks = new ArrayList<>();

  @Option(
      names = "--owner",
      paramLabel = "NAME",
      description = "who is alerted when a monitoring check fails")
  String owner;

  /** The monitoring checks, for help. */
  static final class MonitoringChecks extends ArrayList<String> {
    MonitoringChecks() {
      super(org.prodml.monitor.MonitoringCheck.labels());
    }
  }

  @Override
  public Integer call() {
    DatasetSpec dataset = DatasetSpec.forDataFile(train).orElse(null);
    if (ColumnRoles.of(dataset, label, time, group).label() == null) {
      throw new IllegalArgumentException(
          "no label: give --label COLUMN (no dataset.json beside " + train + " names one)");
    }
    AuditRequest request =
        new AuditRequest(
            train,
            test,
            serving,
            label,
            time,
            group,
            afterLabel,
            pii,
            ignore,
            types,
            ruleOptions.thresholds(),
            answers,
            modelRequest());
    List<Path> files = files();
    DataRoots roots = roots(files);
    List<Path> folders = ruleOptions.folders();
    PipelineConfig config =
        new PipelineConfig(
            roots,
            folders,
            questionCatalog(),
            Home.get().resolve("notebooks"),
            PipelineConfig.DEFAULT_MAX_ROWS,
            PipelineConfig.DEFAULT_SEED,
            ruleOptions.limits());
    var outWriter = this.spec.commandLine().getOut();
    AuditRun.Audited audited =
        AuditRun.audit(
            request,
            config,
            file -> fileName(file),
            Version.get(),
            line -> outWriter.println(line));
    AuditResult result = audited.result();
    write(result, out);
    if (note != null) {
      writeNote(request, files, note);
    }
    outWriter.print(summary(result));
    outWriter.println(
        "Report: "
            + out.resolve("audit.html")
            + " (also audit.json, audit.md)"
            + (note == null ? "" : "; note: " + note));
    outWriter.flush();
    return result.verdict() == Verdict.READY ? ProdmlCommand.OK : ProdmlCommand.CRITICAL;
  }

  /**
   * The readiness questions: the given catalog, else ProdML Lab's (whatever rule folders are
   * given).
   */
  private Path questionCatalog() {
    return questions != null ? questions : Home.rules().resolve("questions");
  }

  /**
   * The model to train and measure, or null when no --model was given (then no model option may
   * be).
   */
  AuditRequest.Model modelRequest() {
    ModelOptions m = modelOptions;
    if (m.model == null) {
      if (m.anyGiven() || window != null || !checks.isEmpty() || owner != null) {
        throw new IllegalArgumentException(
            "--trees, --seed, --features, --above, --keys, --window, --checks and --owner describe a model: add --model TYPE");
      }
      return null;
    }
    return new AuditRequest.Model(
        m.model, m.above, m.features, m.seed, m.trees, m.keys, window, checks, owner);
  }

  /** The files the audit reads. */
  private List<Path> files() {
    List<Path> files = new ArrayList<>();
    for (Path p : new Path[] {train, test, serving, answers}) {
      if (p != null) {
        files.add(p.toAbsolutePath().normalize());
      }
    }
    return files;
  }

  /**
   * The audit may read the files it was given: the working folder, and the folder of any file
   * outside it.
   */
  private static DataRoots roots(List<Path> files) {
    Set<Path> roots = new LinkedHashSet<>();
    roots.add(Path.of("").toAbsolutePath());
    for (Path file : files) {
      // The folder the file really is in: a file given through a link is read where it leads.
      Path real = file;
      try {
        real = file.toRealPath();
      } catch (java.io.IOException e) {
        // missing: the load names it
      }
      if (!real.startsWith(Path.of("").toAbsolutePath()) && real.getParent() != null) {
        roots.add(real.getParent());
      }
    }
    return new DataRoots(List.copyOf(roots));
  }

  /** A file as a step names it: relative to the working folder, else absolute. */
  private static String fileName(Path file) {
    Path absolute = file.toAbsolutePath().normalize();
    Path here = Path.of("").toAbsolutePath();
    return absolute.startsWith(here) ? here.relativize(absolute).toString() : absolute.toString();
  }

  /**
   * Writes the audit's steps as a note for {@code ./prodml run}, whose data folders are ProdML
   * Lab's {@code datasets/} unless a property adds more: files there are named relative to it,
   * others relative to the folder the introduction tells to add.
   */
  private void writeNote(AuditRequest request, List<Path> files, Path target) {
    Path datasets = Home.get().resolve("datasets");
    List<Path> roots = new ArrayList<>(List.of(datasets));
    for (Path file : files) {
      if (roots.stream().noneMatch(file::startsWith)) {
        roots.add(file.startsWith(Home.get()) ? Home.get() : file.getParent());
      }
    }
    List<Step> steps =
        request.steps(
            file -> {
              Path absolute = file.toAbsolutePath().normalize();
              return roots.stream()
                  .filter(absolute::startsWith)
                  .findFirst()
                  .map(r -> r.relativize(absolute).toString())
                  .orElse(absolute.toString());
            });
    List<String> properties = new ArrayList<>();
    if (roots.size() > 1) {
      properties.add(
          "-P prodml.data.roots="
              + String.join(
                  java.io.File.pathSeparator,
                  roots.stream()
                      .map(
                          r ->
                              r.equals(Home.get())
                                  ? "."
                                  : r.startsWith(Home.get())
                                      ? Home.get().relativize(r).toString()
                                      : r.toString())
                      .toList()));
    }
    List<Path> rules = ruleOptions.rules;
    if (!rules.isEmpty()) {
      properties.add(
          "-P prodml.rules.dirs="
              + String.join(
                  java.io.File.pathSeparator,
                  rules.stream().map(r -> r.toAbsolutePath().normalize().toString()).toList()));
    }
    if (questions != null || !rules.isEmpty()) {
      properties.add("-P prodml.questions=" + questionCatalog().toAbsolutePath().normalize());
    }
    String name = target.getFileName().toString().replaceFirst("\\.zpln$", "");
    String command =
        "./prodml run " + target + (properties.isEmpty() ? "" : " " + String.join(" ", properties));
    String introduction =
        "# Audit of "
            + train.getFileName()
            + "\n\n"
            + "The stages `./prodml audit` ran, one paragraph each, with the parameters it used: the same code path, facts and"
            + " findings as the audit's report. Run it again with\n\n```\n"
            + command
            + "\n```\n";
    AtomicFiles.write(
        target,
        AuditRun.note(
            "AUDIT" + Integer.toHexString(name.hashCode()).toUpperCase(java.util.Locale.ROOT),
            name,
            introduction,
            steps));
  }

  /**
   * Writes audit.json, audit.md and audit.html as one unit: a kill at any moment leaves the whole
   * previous report or the whole new one.
   */
  static void write(AuditResult result, Path out) {
    Map<String, AtomicFiles.Content> files = new LinkedHashMap<>();
    files.put("audit.json", stream -> Json.write(result, stream));
    files.put("audit.md", text(() -> MarkdownReport.render(result)));
    files.put("audit.html", text(() -> HtmlReport.render(result)));
    ReportFolder.write(out, files);
  }

  /** A text file's content in UTF-8, made when the file is written. */
  static AtomicFiles.Content text(java.util.function.Supplier<String> text) {
    return stream -> stream.write(text.get().getBytes(java.nio.charset.StandardCharsets.UTF_8));
  }

  /** What the model audit measured, a line per step; empty without a model. */
  static String model(AuditResult result) {
    if (result.model() == null) {
      return "";
    }
    StringBuilder b = new StringBuilder();
    var card = result.model();
    var e = result.evaluation();
    b.append(
        String.format(
            "Model %s (%s, %s): %s %s on %s (%d rows) against %s for the baseline%n",
            card.id(),
            String.join(
                ", ",
                card.hyperparameters().entrySet().stream()
                    .map(x -> x.getKey() + "=" + x.getValue())
                    .toList()),
            card.seed() == null ? "unseeded" : "seed " + card.seed(),
            e.model().metric(),
            Format.number(e.model().value()),
            e.model().table(),
            e.model().rows(),
            Format.number(e.baseline().value())));
    if (result.serving() != null) {
      b.append(
          String.format(
              "Serving %d requests: %s%n",
              result.serving().requestRows(),
              String.join(
                  "; ",
                  result.serving().modes().stream()
                      .map(
                          f ->
                              f.mode()
                                  + " "
                                  + Format.percent(f.coverage())
                                  + " answered, p50 "
                                  + Format.number(f.p50Ms())
                                  + " ms, p99 "
                                  + Format.number(f.p99Ms())
                                  + " ms")
                      .toList())));
    }
    if (result.monitoring() != null) {
      var windows =
          result.monitoring().windows().stream().filter(w -> !Double.isNaN(w.liveValue())).toList();
      b.append(
          String.format(
              "Monitoring: %d %s windows",
              result.monitoring().windows().size(), result.monitoring().window()));
      if (!windows.isEmpty()) {
        var worst =
            windows.stream()
                .min(
                    java.util.Comparator.comparingDouble(
                        w -> e.model().higherIsBetter() ? w.liveValue() : -w.liveValue()))
                .get();
        var best =
            windows.stream()
                .max(
                    java.util.Comparator.comparingDouble(
                        w -> e.model().higherIsBetter() ? w.liveValue() : -w.liveValue()))
                .get();
        b.append(
            String.format(
                "; live %s from %s (%s) to %s (%s) against %s offline",
                worst.metric(),
                Format.number(worst.liveValue()),
                worst.window(),
                Format.number(best.liveValue()),
                best.window(),
                Format.number(e.model().value())));
      }
      b.append('\n');
    }
    b.append("Deployment checks: ")
        .append(
            String.join(
                ", ",
                result.deployment().stream()
                    .map(
                        f ->
                            f.check()
                                + " "
                                + (f.failures() == 0 ? "passed" : f.failures() + " failed"))
                    .toList()))
        .append('\n');
    return b.toString();
  }

  /** Findings as the terminal shows them: one line each, the message cut to fit. */
  static String findings(List<Finding> findings) {
    List<List<String>> rows = new ArrayList<>();
    for (Finding f : findings) {
      rows.add(
          List.of(
              f.severity().name(),
              f.ruleId(),
              f.topic().name(),
              String.valueOf(f.subject()),
              f.message()));
    }
    return rows.isEmpty()
        ? "No findings.\n"
        : TextTables.render(
            TableBlock.of("", List.of("severity", "rule", "topic", "subject", "message"), rows),
            90);
  }

  /** The short findings table the terminal shows. */
  static String summary(AuditResult result) {
    String table = findings(result.findings());
    var score = result.mlTestScore();
    String readiness =
        String.format(
            "ML Test Score: %s (%s: %s) — %s; %d question%s unanswered%n",
            org.prodml.text.Format.number(score.finalScore()),
            score.band().range(),
            score.band().meaning(),
            String.join(
                ", ",
                score.sections().stream()
                    .map(x -> x.section() + " " + org.prodml.text.Format.number(x.score()))
                    .toList()),
            result.unanswered().size(),
            result.unanswered().size() == 1 ? "" : "s");
    return table
        + model(result)
        + readiness
        + "Verdict: "
        + result.verdict()
        + " ("
        + result.count(org.prodml.rules.Severity.CRITICAL)
        + " critical, "
        + result.count(org.prodml.rules.Severity.WARNING)
        + " warning, "
        + result.count(org.prodml.rules.Severity.INFO)
        + " info)\n"
        + Verdict.explain(result.findings(), score.finalScore())
        + "\n";
  }
}
