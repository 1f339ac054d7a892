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
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code ./prodml audit}: profile, compare, judge, and write the report. */
@Command(
    name = "audit",
    mixinStandardHelpOptions = true,
    description = {
      "Profiles the training data (and test/serving data), compares them, runs the rules, and writes",
      "audit.json, audit.html and audit.md. Exit code 1 when a CRITICAL finding is raised, 2 on bad input."
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
        questions == null ? Home.rules().resolve("questions") : questions);
    var outWriter = this.spec.commandLine().getOut();
    AuditResult result = Audit.run(request, Version.get(), line -> outWriter.println(line));
    write(result, out);
    outWriter.print(summary(result));
    outWriter.println("Report: " + out.resolve("audit.html") + " (also audit.json, audit.md)");
    outWriter.flush();
    return result.verdict() == Verdict.READY ? ProdmlCommand.OK : ProdmlCommand.CRITICAL;
  }

  /** Writes audit.json, audit.md and audit.html, each atomically. */
  static void write(AuditResult result, Path out) {
    AtomicFiles.write(out.resolve("audit.json"), Json.write(result));
    AtomicFiles.write(out.resolve("audit.md"), MarkdownReport.render(result));
    AtomicFiles.write(out.resolve("audit.html"), HtmlReport.render(result));
  }

  /** The short findings table the terminal shows. */
  static String summary(AuditResult result) {
    List<List<String>> rows = new ArrayList<>();
    for (Finding f : result.findings()) {
      rows.add(List.of(f.severity().name(), f.ruleId(), f.topic().name(), String.valueOf(f.subject()), f.message()));
    }
    String table = rows.isEmpty() ? "No findings.\n"
        : TextTables.render(TableBlock.of("", List.of("severity", "rule", "topic", "subject", "message"), rows), 90);
    var score = result.mlTestScore();
    String readiness = String.format("ML Test Score: %s (%s: %s) — %s; %d question%s unanswered%n",
        org.prodml.text.Format.number(score.finalScore()), score.band().range(), score.band().meaning(),
        String.join(", ", score.sections().stream().map(x -> x.section() + " " + org.prodml.text.Format.number(x.score())).toList()),
        result.unanswered().size(), result.unanswered().size() == 1 ? "" : "s");
    return table + readiness + "Verdict: " + result.verdict() + " (" + result.count(org.prodml.rules.Severity.CRITICAL) + " critical, "
        + result.count(org.prodml.rules.Severity.WARNING) + " warning, " + result.count(org.prodml.rules.Severity.INFO) + " info)\n";
  }
}
