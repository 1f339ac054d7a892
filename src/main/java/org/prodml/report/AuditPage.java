package org.prodml.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.prodml.audit.AuditResult;
import org.prodml.chart.Charts;
import org.prodml.facts.AnswerFact;
import org.prodml.readiness.MlTestScore;
import org.prodml.profile.ColumnProfile;
import org.prodml.profile.DatasetProfile;
import org.prodml.render.TableBlock;
import org.prodml.render.Tables;
import org.prodml.rules.Finding;
import org.prodml.rules.Severity;
import org.prodml.text.Format;

/** What the HTML audit template shows, prepared in Java so the template only lays it out. */
public record AuditPage(
    String verdict,
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
    String version) {

  /** Findings of one severity and topic. */
  public record FindingGroup(String severity, String topic, List<FindingView> findings) {}

  /** One finding with its evidence as text and, when there is one, a chart of its column. */
  public record FindingView(String ruleId, String subject, String message, String remedy, Map<String, String> evidence, String chart) {}

  /** The ML Test Score: final score and band, section sums, each test, what raises it cheapest. */
  public record ReadinessView(
      String finalScore, String band, String meaning, List<String> sections, TableBlock tests, TableBlock raises,
      TableBlock unanswered) {

    static ReadinessView of(AuditResult audit) {
      MlTestScore score = audit.mlTestScore();
      List<String> sections = score.sections().stream()
          .map(x -> x.section() + " " + Format.number(x.score()) + " / 7").toList();
      List<List<String>> tests = new ArrayList<>();
      for (MlTestScore.TestResult t : score.tests()) {
        List<String> evidence = new ArrayList<>();
        t.evidence().forEach((k, v) -> evidence.add(k + " = " + Format.value(v)));
        tests.add(List.of(t.test(), t.title(), t.status(), Format.number(t.score()), t.basis(),
            String.join("; ", evidence), t.note() == null ? "" : t.note()));
      }
      List<List<String>> raises = new ArrayList<>();
      for (MlTestScore.Improvement i : score.cheapestRaises()) {
        raises.add(List.of(i.test(), i.title(), i.status(), i.action(), "+" + Format.number(i.gain()),
            i.question() + (i.questionText().isEmpty() ? "" : ": " + i.questionText()), i.howToAutomate()));
      }
      List<List<String>> unanswered = new ArrayList<>();
      for (AnswerFact a : audit.unanswered()) {
        unanswered.add(List.of(a.id(), a.topic(), a.test()));
      }
      return new ReadinessView(Format.number(score.finalScore()), score.band().range(), score.band().meaning(), sections,
          TableBlock.of("", List.of("test", "title", "status", "score", "basis", "evidence", "why"), tests),
          TableBlock.of("", List.of("test", "title", "status", "what to do", "section gain", "question", "how to automate"), raises),
          TableBlock.of("", List.of("question", "topic", "ML Test Score test"), unanswered));
    }
  }

  /** A titled table with charts beside it. */
  public record Section(String title, TableBlock table, List<String> charts) {}

  public static AuditPage of(AuditResult audit) {
    DatasetProfile train = audit.profiles().get("train");
    Map<String, String> inputs = new LinkedHashMap<>();
    audit.inputs().forEach((k, v) -> {
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
        byTopic.computeIfAbsent(f.topic().name(), t -> new ArrayList<>())
            .add(new FindingView(f.ruleId(), String.valueOf(f.subject()), f.message(), f.remedy(), evidence, chartFor(audit, f)));
      }
      byTopic.forEach((topic, views) -> groups.add(new FindingGroup(severity.name(), topic, views)));
    }
    List<Section> comparisons = new ArrayList<>();
    audit.comparisons().forEach((role, columns) -> {
      List<String> charts = new ArrayList<>();
      DatasetProfile other = audit.profiles().get(role);
      for (ColumnProfile c : train.columns()) {
        other.column(c.name()).ifPresent(o -> charts.add(Charts.compare(c, "train", o, role)));
      }
      comparisons.add(new Section("train vs " + role, Tables.comparison("", columns), charts));
    });
    List<Section> profiles = new ArrayList<>();
    audit.profiles().forEach((role, profile) -> {
      List<String> charts = new ArrayList<>();
      if (role.equals("train")) {
        for (ColumnProfile c : profile.columns()) {
          charts.add(Charts.distribution(c));
        }
      }
      profiles.add(new Section(role + ": " + profile.source() + " (" + profile.rows() + " rows)", Tables.profile("", profile), charts));
    });
    Map<String, String> thresholds = new LinkedHashMap<>();
    audit.thresholds().forEach((k, v) -> thresholds.put(k, Format.number(v)));
    return new AuditPage(audit.verdict().name(), audit.verdict() == org.prodml.audit.Verdict.READY,
        audit.count(Severity.CRITICAL), audit.count(Severity.WARNING), audit.count(Severity.INFO),
        inputs, groups, comparisons, profiles, thresholds, ReadinessView.of(audit), audit.rules().size(), audit.rulesVersion(),
        audit.version());
  }

  /** The train-vs-other overlay of the finding's column, when the finding is about a column. */
  private static String chartFor(AuditResult audit, Finding f) {
    DatasetProfile train = audit.profiles().get("train");
    var column = train.column(String.valueOf(f.subject()));
    if (column.isEmpty()) {
      return null;
    }
    Object role = f.evidence().get("role");
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
