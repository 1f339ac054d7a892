package org.prodml.report;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.prodml.audit.AuditResult;
import org.prodml.chart.Charts;
import org.prodml.chart.ModelCharts;
import org.prodml.evaluate.ClassificationMetrics;
import org.prodml.evaluate.EvaluationResult;
import org.prodml.evaluate.ModelEvaluation;
import org.prodml.facts.AnswerFact;
import org.prodml.facts.ColumnComparisonFact;
import org.prodml.facts.SplitFact;
import org.prodml.monitor.MonitoringReport;
import org.prodml.profile.ColumnProfile;
import org.prodml.profile.DatasetProfile;
import org.prodml.profile.NumericSummary;
import org.prodml.readiness.MlTestScore;
import org.prodml.render.ModelTables;
import org.prodml.render.TableBlock;
import org.prodml.render.Tables;
import org.prodml.rules.Finding;
import org.prodml.rules.Severity;
import org.prodml.serve.ServingReport;
import org.prodml.text.Format;
import org.prodml.train.ModelCard;

/**
 * What the HTML audit template shows, prepared in Java so the template only lays it out, bounded
 * whatever the number of columns, findings or monitoring windows: a {@link Detail} caps the
 * findings shown in full (the next ones get a line each), the charts (the columns with findings
 * first), and the rows of every table; past {@link Detail#wideColumns} columns the profile and
 * comparison tables become one compact, sortable table of every column. {@code audit.json} holds
 * everything, and {@code omitted} says what the page leaves to it.
 */
public record AuditPage(
    String verdict,
    String verdictMeaning,
    boolean ready,
    long critical,
    long warnings,
    long info,
    Map<String, String> inputs,
    List<FindingGroup> groups,
    TableBlock moreFindings,
    List<Section> comparisons,
    List<Section> profiles,
    TableBlock columns,
    List<String> omitted,
    Map<String, String> thresholds,
    ReadinessView readiness,
    int rules,
    String rulesVersion,
    String version,
    List<ModelSection> model) {

  /**
   * How much a page shows. {@code fullFindings} findings get their text, evidence and remedy, the
   * next {@code listedFindings} a line each; {@code findingCharts} of the full ones get a chart of
   * their column, and each comparison and the training profile get {@code columnCharts} (the
   * columns with findings first); a table shows at most {@code tableRows} rows, the compact table
   * of columns {@code columnRows}.
   */
  public record Detail(
      int fullFindings,
      int listedFindings,
      int findingCharts,
      int columnCharts,
      int tableRows,
      int wideColumns,
      int columnRows) {

    /** What a page shows first; fits 5000 columns, thousands of findings, hundreds of windows. */
    public static final Detail FULL = new Detail(60, 600, 8, 8, 400, 50, 6000);

    /** For a page that came out too large: fewer charts and lines. */
    public static final Detail REDUCED = new Detail(30, 200, 4, 4, 200, 50, 3000);

    /** The least: no chart, and tables short enough for any input. */
    public static final Detail MINIMAL = new Detail(10, 50, 0, 0, 60, 50, 1000);

    public static final List<Detail> LEVELS = List.of(FULL, REDUCED, MINIMAL);
  }

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
    return of(audit, Detail.FULL, new HashMap<>());
  }

  /**
   * The page at a level of detail; {@code charts} keeps the charts drawn, by column and role, so a
   * page drawn again at less detail does not draw them twice.
   */
  public static AuditPage of(AuditResult audit, Detail detail, Map<List<String>, String> charts) {
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
    List<String> omitted = new ArrayList<>();
    Map<String, ColumnProfile> trainColumns = train.columnsByName();

    // Findings: the first ones in full, by severity then topic; the next ones a line each.
    List<Finding> ordered = new ArrayList<>();
    for (Severity severity : List.of(Severity.CRITICAL, Severity.WARNING, Severity.INFO)) {
      for (Finding f : audit.findings()) {
        if (f.severity() == severity) {
          ordered.add(f);
        }
      }
    }
    List<Finding> full = ordered.subList(0, Math.min(detail.fullFindings(), ordered.size()));
    Map<String, Map<String, List<FindingView>>> bySeverity = new LinkedHashMap<>();
    Set<List<String>> charted = new HashSet<>();
    for (Finding f : full) {
      Map<String, String> evidence = new LinkedHashMap<>();
      f.evidence().forEach((k, v) -> evidence.put(k, Format.value(v)));
      String chart = null;
      if (charted.size() < detail.findingCharts()) {
        String[] key = chartKey(audit, f, trainColumns);
        if (key != null && charted.add(Arrays.asList(key))) {
          chart = chart(audit, key[0], key[1], charts);
        }
      }
      bySeverity
          .computeIfAbsent(f.severity().name(), x -> new LinkedHashMap<>())
          .computeIfAbsent(f.topic().name(), t -> new ArrayList<>())
          .add(
              new FindingView(
                  f.ruleId(),
                  String.valueOf(f.subject()),
                  f.message(),
                  f.remedy(),
                  evidence,
                  chart));
    }
    List<FindingGroup> groups = new ArrayList<>();
    bySeverity.forEach(
        (severity, byTopic) ->
            byTopic.forEach(
                (topic, views) -> groups.add(new FindingGroup(severity, topic, views))));
    TableBlock moreFindings = null;
    if (ordered.size() > full.size()) {
      List<Finding> rest = ordered.subList(full.size(), ordered.size());
      List<List<String>> rows = new ArrayList<>();
      for (Finding f : rest.subList(0, Math.min(detail.listedFindings(), rest.size()))) {
        rows.add(
            List.of(
                f.severity().name(),
                f.ruleId(),
                String.valueOf(f.subject()),
                shorten(f.message(), 160)));
      }
      moreFindings =
          new TableBlock("", List.of("severity", "rule", "subject", "message"), rows, rest.size());
      omitted.add(
          full.size()
              + " of "
              + ordered.size()
              + " findings are shown in full"
              + (rest.size() > rows.size()
                  ? ", " + rows.size() + " more a line each"
                  : ", the others a line each"));
    }

    // The columns with findings come first for charts.
    Set<String> withFindings = new LinkedHashSet<>();
    for (Finding f : ordered) {
      String subject = String.valueOf(f.subject());
      if (trainColumns.containsKey(subject)) {
        withFindings.add(subject);
      }
    }
    List<String> chartOrder = new ArrayList<>(withFindings);
    for (ColumnProfile c : train.columns()) {
      if (!withFindings.contains(c.name())) {
        chartOrder.add(c.name());
      }
    }
    boolean wide = train.columns().size() > detail.wideColumns();

    List<Section> comparisons = new ArrayList<>();
    audit
        .comparisons()
        .forEach(
            (role, columns) -> {
              Map<String, ColumnProfile> other = audit.profiles().get(role).columnsByName();
              List<String> svgs = new ArrayList<>();
              for (String name : chartOrder) {
                if (svgs.size() >= detail.columnCharts()) {
                  break;
                }
                if (other.containsKey(name)) {
                  svgs.add(chart(audit, name, role, charts));
                }
              }
              comparisons.add(
                  new Section(
                      "train vs " + role,
                      wide ? null : cap(Tables.comparison("", columns), detail.tableRows()),
                      svgs));
            });
    List<Section> profiles = new ArrayList<>();
    audit
        .profiles()
        .forEach(
            (role, profile) -> {
              List<String> svgs = new ArrayList<>();
              if (role.equals("train")) {
                for (String name : chartOrder) {
                  if (svgs.size() >= detail.columnCharts()) {
                    break;
                  }
                  svgs.add(chart(audit, name, null, charts));
                }
              }
              profiles.add(
                  new Section(
                      role + ": " + profile.source() + " (" + profile.rows() + " rows)",
                      wide ? null : cap(Tables.profile("", profile), detail.tableRows()),
                      svgs));
            });
    long drawn =
        Stream.concat(comparisons.stream(), profiles.stream())
            .mapToLong(x -> x.charts().size())
            .sum();
    if (drawn < (long) train.columns().size() * (1 + audit.comparisons().size())) {
      omitted.add(
          "charts are drawn for the columns with findings first, at most "
              + detail.columnCharts()
              + " per section");
    }
    TableBlock columns = null;
    if (wide) {
      columns = columnTable(audit, withFindings, detail.columnRows());
      omitted.add(
          "with "
              + train.columns().size()
              + " columns, profiles and comparisons are one compact table"
              + (columns.hiddenRows() > 0
                  ? " of " + columns.rows().size() + " columns (those with findings first)"
                  : "")
              + "; click a column head to sort");
    }
    Map<String, String> thresholds = new LinkedHashMap<>();
    audit.thresholds().forEach((k, v) -> thresholds.put(k, Format.number(v)));
    List<ModelSection> model = new ArrayList<>();
    for (ModelSection m : ModelSection.of(audit)) {
      model.add(
          new ModelSection(
              m.id(),
              m.title(),
              m.summary(),
              m.tables().stream().map(t -> cap(t, detail.tableRows())).toList(),
              m.charts()));
    }
    if (model.stream().anyMatch(m -> m.tables().stream().anyMatch(t -> t.hiddenRows() > 0))
        || (columns == null
            && Stream.concat(comparisons.stream(), profiles.stream())
                .anyMatch(x -> x.table().hiddenRows() > 0))) {
      omitted.add("tables show at most " + detail.tableRows() + " rows");
    }
    return new AuditPage(
        audit.verdict().name(),
        org.prodml.readiness.Verdict.explain(audit.findings(), audit.mlTestScore().finalScore()),
        audit.verdict() == org.prodml.readiness.Verdict.READY,
        audit.count(Severity.CRITICAL),
        audit.count(Severity.WARNING),
        audit.count(Severity.INFO),
        inputs,
        groups,
        moreFindings,
        comparisons,
        profiles,
        columns,
        omitted,
        thresholds,
        ReadinessView.of(audit),
        audit.rules().size(),
        audit.rulesVersion(),
        audit.version(),
        model);
  }

  /** The first rows of a table, standing for all of them. */
  static TableBlock cap(TableBlock table, int rows) {
    if (table.rows().size() <= rows) {
      return table;
    }
    return new TableBlock(
        table.title(), table.header(), table.rows().subList(0, rows), table.totalRows());
  }

  private static String shorten(String text, int length) {
    return text.length() <= length ? text : text.substring(0, length - 1) + "…";
  }

  /**
   * Every training column in one row: its profile and, for each compared role, how far it moved and
   * its missing share there, and its findings; the columns with findings first when they do not all
   * fit.
   */
  static TableBlock columnTable(AuditResult audit, Set<String> withFindings, int maxRows) {
    DatasetProfile train = audit.profiles().get("train");
    List<String> header =
        new ArrayList<>(
            List.of(
                "column", "type", "missing", "distinct", "min", "max", "mean", "median", "top"));
    Map<String, Map<String, ColumnComparisonFact>> comparisons = new LinkedHashMap<>();
    audit
        .comparisons()
        .forEach(
            (role, facts) -> {
              Map<String, ColumnComparisonFact> byColumn = new HashMap<>();
              facts.forEach(f -> byColumn.put(f.column(), f));
              comparisons.put(role, byColumn);
              header.add("JS " + role);
              header.add("PSI " + role);
              header.add("missing " + role);
            });
    header.add("findings");
    Map<String, Integer> findings = new HashMap<>();
    for (Finding f : audit.findings()) {
      findings.merge(String.valueOf(f.subject()), 1, Integer::sum);
    }
    List<ColumnProfile> order = new ArrayList<>();
    Map<String, ColumnProfile> byName = train.columnsByName();
    if (train.columns().size() > maxRows) {
      withFindings.forEach(name -> order.add(byName.get(name)));
      for (ColumnProfile c : train.columns()) {
        if (order.size() >= maxRows) {
          break;
        }
        if (!withFindings.contains(c.name())) {
          order.add(c);
        }
      }
    } else {
      order.addAll(train.columns());
    }
    List<List<String>> rows = new ArrayList<>();
    for (ColumnProfile c : order.subList(0, Math.min(maxRows, order.size()))) {
      NumericSummary n = c.numeric();
      List<String> row = new ArrayList<>();
      row.add(c.name());
      row.add(c.type().name());
      row.add(c.missing() == 0 ? "0" : Format.percent(c.missingShare()));
      row.add(String.valueOf(c.distinct()));
      row.add(n == null ? "" : c.formatValue(n.min()));
      row.add(n == null ? "" : c.formatValue(n.max()));
      row.add(n == null ? "" : c.formatValue(n.mean()));
      row.add(n == null ? "" : c.formatValue(n.median()));
      row.add(c.frequencies().isEmpty() ? "" : shorten(c.frequencies().get(0).value(), 24));
      comparisons.forEach(
          (role, byColumn) -> {
            ColumnComparisonFact f = byColumn.get(c.name());
            row.add(
                f == null || Double.isNaN(f.jsDivergence()) ? "" : Format.number(f.jsDivergence()));
            row.add(f == null || Double.isNaN(f.psi()) ? "" : Format.number(f.psi()));
            row.add(f == null ? "" : Format.percent(f.currentMissingShare()));
          });
      row.add(String.valueOf(findings.getOrDefault(c.name(), 0)));
      rows.add(row);
    }
    return new TableBlock("", header, rows, train.columns().size());
  }

  /**
   * The chart for a column: its training distribution ({@code role} null), or training against the
   * data of a role; drawn once per page set.
   */
  private static String chart(
      AuditResult audit, String column, String role, Map<List<String>, String> charts) {
    return charts.computeIfAbsent(
        Arrays.asList(column, role),
        k -> {
          ColumnProfile train = audit.profiles().get("train").column(column).orElseThrow();
          if (role == null) {
            return Charts.distribution(train);
          }
          ColumnProfile other = audit.profiles().get(role).column(column).orElseThrow();
          return Charts.compare(train, "train", other, role);
        });
  }

  /**
   * Which chart a finding about a column gets: {column, role} for the training data against the
   * role's (the one the finding names, else the first that has the column), {column, null} for the
   * training distribution alone; null when the finding is not about a training column.
   */
  private static String[] chartKey(
      AuditResult audit, Finding f, Map<String, ColumnProfile> trainColumns) {
    ColumnProfile column = trainColumns.get(String.valueOf(f.subject()));
    if (column == null) {
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
      if (e.getValue().column(column.name()).isPresent()) {
        return new String[] {column.name(), e.getKey()};
      }
    }
    return new String[] {column.name(), null};
  }
}
