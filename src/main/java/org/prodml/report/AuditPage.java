package org.prodml.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.prodml.audit.AuditResult;
import org.prodml.chart.Charts;
import org.prodml.chart.ModelCharts;
import org.prodml.evaluate.ClassificationMetrics;
import org.prodml.evaluate.EvaluationResult;
import org.prodml.evaluate.ModelEvaluation;
import org.prodml.facts.AnswerFact;
import org.prodml.facts.SplitFact;
import org.prodml.monitor.MonitoringReport;
import org.prodml.profile.ColumnProfile;
import org.prodml.profile.DatasetProfile;
import org.prodml.readiness.MlTestScore;
import org.prodml.render.ModelTables;
import org.prodml.render.TableBlock;
import org.prodml.render.Tables;
import org.prodml.rules.Finding;
import org.prodml.rules.Severity;
import org.prodml.serve.ServingReport;
import org.prodml.text.Format;
import org.prodml.train.ModelCard;

/** What the HTML audit template shows, prepared in Java so the template only lays it out. */
public record AuditPage(
    String verdict,
    String verdictMeaning,
    boolean ready,
    long critical,
    long warnings,
    long info,
    Map<String, String> inputs,
    List<FindingGroup> groups,
    List<Section> comparisons,
    List<Section> profiles,
    Map<String, String> thresholds,
    ReadinessView readiness,
    int rules,
    String rulesVersion,
    String version,
    List<ModelSection> model) {

  /** Findings of one severity and topic. */
  public record FindingGroup(String severity, String topic, List<FindingView> findings) {}

  /** One finding with its evidence as text and, when there is one, a chart of its column. */
  public record FindingView(
      String ruleId,
      String subject,
      String message,
      String remedy,
      Map<String, String> evidence,
      String chart) {}

  /** The ML Test Score: final score and band, section sums, each test, what raises it cheapest. */
  public record ReadinessView(
      String finalScore,
      String band,
      String meaning,
      List<String> sections,
      TableBlock tests,
      TableBlock raises,
      TableBlock unanswered) {

    static ReadinessView of(AuditResult audit) {
      MlTestScore score = audit.mlTestScore();
      List<String> sections =
          score.sections().stream()
              .map(x -> x.section() + " " + Format.number(x.score()) + " / 7")
              .toList();
      List<List<String>> tests = new ArrayList<>();
      for (MlTestScore.TestResult t : score.tests()) {
        List<String> evidence = new ArrayList<>();
        t.evidence().forEach((k, v) -> evidence.add(k + " = " + Format.value(v)));
        tests.add(
            List.of(
                t.test(),
                t.title(),
                t.status(),
                Format.number(t.score()),
                t.basis(),
                String.join("; ", evidence),
                t.note() == null ? "" : t.note()));
      }
      List<List<String>> raises = new ArrayList<>();
      for (MlTestScore.Improvement i : score.cheapestRaises()) {
        raises.add(
            List.of(
                i.test(),
                i.title(),
                i.status(),
                i.action(),
                "+" + Format.number(i.gain()),
                i.question() + (i.questionText().isEmpty() ? "" : ": " + i.questionText()),
                i.howToAutomate()));
      }
      List<List<String>> unanswered = new ArrayList<>();
      for (AnswerFact a : audit.unanswered()) {
        unanswered.add(List.of(a.id(), a.topic(), a.test()));
      }
      return new ReadinessView(
          Format.number(score.finalScore()),
          score.band().range(),
          score.band().meaning(),
          sections,
          TableBlock.of(
              "", List.of("test", "title", "status", "score", "basis", "evidence", "why"), tests),
          TableBlock.of(
              "",
              List.of(
                  "test",
                  "title",
                  "status",
                  "what to do",
                  "section gain",
                  "question",
                  "how to automate"),
              raises),
          TableBlock.of("", List.of("question", "topic", "ML Test Score test"), unanswered));
    }
  }

  /** A titled table with charts beside it. */
  public record Section(String title, TableBlock table, List<String> charts) {}

  /**
   * One part of the model audit (model card, evaluation, serving, monitoring, deployment): a
   * sentence saying what was measured, its tables and its charts.
   */
  public record ModelSection(
      String id, String title, String summary, List<TableBlock> tables, List<String> charts) {

    /** The sections of the audit's model; empty when no model was trained. */
    static List<ModelSection> of(AuditResult audit) {
      ModelCard card = audit.model();
      if (card == null) {
        return List.of();
      }
      List<ModelSection> sections = new ArrayList<>();
      List<TableBlock> cardTables = new ArrayList<>();
      cardTables.add(
          ModelTables.card(
              card,
              "the automatic plan for "
                  + card.type()
                  + " models, fitted on '"
                  + card.trainedOn()
                  + "'"));
      if (card.split() != null) {
        SplitFact split = card.split();
        cardTables.add(
            TableBlock.of(
                "the held-out split of " + split.source(),
                List.of("what", "value"),
                List.of(
                    List.of("method", split.method()),
                    List.of(
                        "seed",
                        split.method().equals("time")
                            ? "not needed"
                            : split.seeded() ? String.valueOf(split.seed()) : "none"),
                    List.of(
                        "rows to train on / held out",
                        split.trainRows() + " / " + split.testRows()),
                    List.of(
                        "last training time / first test time",
                        (split.trainMaxTime() == null ? "" : split.trainMaxTime())
                            + " / "
                            + (split.testMinTime() == null ? "" : split.testMinTime())))));
      }
      sections.add(
          new ModelSection(
              "model",
              "Model card",
              card.id()
                  + " ("
                  + card.type()
                  + ", "
                  + card.task()
                  + " of "
                  + card.label()
                  + ") trained on "
                  + card.trainedOn()
                  + " ("
                  + card.trainingRows()
                  + " rows) in "
                  + card.trainingMillis()
                  + " ms "
                  + (card.seed() == null
                      ? "without a seed: it cannot be trained again"
                      : "with seed " + card.seed())
                  + ".",
              cardTables,
              List.of()));

      ModelEvaluation e = audit.evaluation();
      EvaluationResult r = e.model();
      List<TableBlock> tables = new ArrayList<>();
      List<String> charts = new ArrayList<>();
      tables.add(ModelTables.metrics(r, e.baseline(), e.previous()));
      charts.add(ModelCharts.againstBaseline(e));
      ClassificationMetrics classes = r.classification();
      if (classes != null) {
        tables.add(ModelTables.perClass(classes));
        tables.add(ModelTables.confusion(classes));
        if (!classes.calibration().isEmpty()) {
          tables.add(ModelTables.calibration(classes));
          charts.add(ModelCharts.calibration(r));
        }
      }
      if (!e.slices().isEmpty()) {
        tables.add(ModelTables.slices(e.slices()));
        charts.add(ModelCharts.slices(e.slices()));
      }
      if (!e.importance().isEmpty()) {
        tables.add(ModelTables.importance(e.importance()));
        charts.add(ModelCharts.importance(e.importance()));
      }
      tables.add(
          ModelTables.deployment(
              "quality gate: against the previous model (tight) and a floor (loose)", e.gate()));
      sections.add(
          new ModelSection(
              "evaluation",
              "Evaluation",
              r.metric()
                  + " "
                  + Format.cell(r.value())
                  + " on "
                  + r.table()
                  + " ("
                  + r.rows()
                  + " labelled rows) against "
                  + Format.cell(e.baseline().value())
                  + " for the "
                  + (r.task().equals("classification") ? "majority-class" : "mean")
                  + " baseline"
                  + (e.sliceColumn() == null
                      ? "; no text input with few values to slice by"
                      : "; sliced by " + e.sliceColumn())
                  + ".",
              tables,
              charts));

      ServingReport served = audit.serving();
      if (served == null) {
        sections.add(
            new ModelSection(
                "serving",
                "Serving",
                "Not served: give --serving FILE to serve the model statically and dynamically.",
                List.of(),
                List.of()));
      } else {
        List<TableBlock> servingTables = new ArrayList<>();
        List<String> servingCharts = new ArrayList<>();
        servingTables.add(ModelTables.serving(served.modes()));
        servingCharts.add(ModelCharts.latency(served.latency()));
        if (!served.coverageByKeyFrequency().isEmpty()) {
          servingTables.add(
              ModelTables.coverage(served.coverageByKeyFrequency(), served.keyColumns()));
          servingCharts.add(ModelCharts.coverage(served.coverageByKeyFrequency()));
        }
        servingTables.add(ModelTables.skew(served.skew()));
        String summary =
            "Served "
                + served.requestRows()
                + " requests from "
                + served.requests()
                + ": "
                + String.join(
                    "; ",
                    served.modes().stream()
                        .map(
                            f ->
                                f.mode()
                                    + " answered "
                                    + Format.cellPercent(f.coverage())
                                    + " (p50 "
                                    + Format.cell(f.p50Ms())
                                    + " ms, p99 "
                                    + Format.cell(f.p99Ms())
                                    + " ms)")
                        .toList())
                + (served.mode("static") == null
                    ? ". Static inference needs a key space: the model has no text input to look predictions up by"
                        + " (give --keys COLUMN)"
                    : "")
                + ".";
        sections.add(
            new ModelSection(
                "serving", "Serving: static vs dynamic", summary, servingTables, servingCharts));
      }

      MonitoringReport monitoring = audit.monitoring();
      if (monitoring == null) {
        sections.add(
            new ModelSection(
                "monitoring",
                "Monitoring",
                "Not monitored: replaying needs --serving data with a time column (--time).",
                List.of(),
                List.of()));
      } else {
        var config = monitoring.config();
        List<TableBlock> monitoringTables =
            List.of(
                ModelTables.windows(monitoring.windows()),
                TableBlock.of(
                    "monitoring declared",
                    List.of("what", "value"),
                    List.of(
                        List.of(
                            "checks",
                            config.configured()
                                ? String.join(", ", config.checks())
                                : "none (--monitoring)"),
                        List.of(
                            "alert owner",
                            config.alertOwner() == null
                                ? "nobody (--alert-owner)"
                                : config.alertOwner()),
                        List.of("window", monitoring.window()))));
        sections.add(
            new ModelSection(
                "monitoring",
                "Monitoring windows",
                "Replayed "
                    + audit.serving().requests()
                    + " in "
                    + monitoring.windows().size()
                    + " "
                    + monitoring.window()
                    + " windows, each compared with training.",
                monitoringTables,
                ModelCharts.monitoring(monitoring)));
      }
      sections.add(
          new ModelSection(
              "deployment",
              "Deployment checks",
              "Before serving: "
                  + String.join(
                      ", ",
                      audit.deployment().stream()
                          .map(f -> f.check() + " " + (f.failures() == 0 ? "passed" : "failed"))
                          .toList())
                  + ".",
              List.of(ModelTables.deployment(audit.deployment())),
              List.of()));
      return sections;
    }
  }

  public static AuditPage of(AuditResult audit) {
    DatasetProfile train = audit.profiles().get("train");
    Map<String, String> inputs = new LinkedHashMap<>();
    audit
        .inputs()
        .forEach(
            (k, v) -> {
              if (v != null) {
                inputs.put(k, v);
              }
            });
    List<FindingGroup> groups = new ArrayList<>();
    for (Severity severity : List.of(Severity.CRITICAL, Severity.WARNING, Severity.INFO)) {
      Map<String, List<FindingView>> byTopic = new LinkedHashMap<>();
      for (Finding f : audit.findings()) {
        if (f.severity() != severity) {
          continue;
        }
        Map<String, String> evidence = new LinkedHashMap<>();
        f.evidence().forEach((k, v) -> evidence.put(k, Format.value(v)));
        byTopic
            .computeIfAbsent(f.topic().name(), t -> new ArrayList<>())
            .add(
                new FindingView(
                    f.ruleId(),
                    String.valueOf(f.subject()),
                    f.message(),
                    f.remedy(),
                    evidence,
                    chartFor(audit, f)));
      }
      byTopic.forEach(
          (topic, views) -> groups.add(new FindingGroup(severity.name(), topic, views)));
    }
    List<Section> comparisons = new ArrayList<>();
    audit
        .comparisons()
        .forEach(
            (role, columns) -> {
              List<String> charts = new ArrayList<>();
              DatasetProfile other = audit.profiles().get(role);
              for (ColumnProfile c : train.columns()) {
                other
                    .column(c.name())
                    .ifPresent(o -> charts.add(Charts.compare(c, "train", o, role)));
              }
              comparisons.add(
                  new Section("train vs " + role, Tables.comparison("", columns), charts));
            });
    List<Section> profiles = new ArrayList<>();
    audit
        .profiles()
        .forEach(
            (role, profile) -> {
              List<String> charts = new ArrayList<>();
              if (role.equals("train")) {
                for (ColumnProfile c : profile.columns()) {
                  charts.add(Charts.distribution(c));
                }
              }
              profiles.add(
                  new Section(
                      role + ": " + profile.source() + " (" + profile.rows() + " rows)",
                      Tables.profile("", profile),
                      charts));
            });
    Map<String, String> thresholds = new LinkedHashMap<>();
    audit.thresholds().forEach((k, v) -> thresholds.put(k, Format.number(v)));
    return new AuditPage(
        audit.verdict().name(),
        org.prodml.readiness.Verdict.explain(audit.findings(), audit.mlTestScore().finalScore()),
        audit.verdict() == org.prodml.readiness.Verdict.READY,
        audit.count(Severity.CRITICAL),
        audit.count(Severity.WARNING),
        audit.count(Severity.INFO),
        inputs,
        groups,
        comparisons,
        profiles,
        thresholds,
        ReadinessView.of(audit),
        audit.rules().size(),
        audit.rulesVersion(),
        audit.version(),
        ModelSection.of(audit));
  }

  /** The train-vs-other overlay of the finding's column, when the finding is about a column. */
  private static String chartFor(AuditResult audit, Finding f) {
    DatasetProfile train = audit.profiles().get("train");
    var column = train.column(String.valueOf(f.subject()));
    if (column.isEmpty()) {
      return null;
    }
    Object role = f.evidence().get("role");
    if (role == null && f.evidence().get("current") instanceof String current) {
      // A monitoring window is a month (or week) of the serving data: show serving against
      // training.
      role = current.startsWith("window") ? "serving" : current;
    }
    for (Map.Entry<String, DatasetProfile> e : audit.profiles().entrySet()) {
      if (e.getKey().equals("train") || (role != null && !e.getKey().equals(role))) {
        continue;
      }
      var other = e.getValue().column(column.get().name());
      if (other.isPresent()) {
        return Charts.compare(column.get(), "train", other.get(), e.getKey());
      }
    }
    return Charts.distribution(column.get());
  }
}
