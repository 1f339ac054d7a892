package org.prodml.report;

import java.util.List;
import java.util.Map;
import org.prodml.audit.AuditResult;
import org.prodml.audit.SimulationResult;
import org.prodml.facts.ColumnComparisonFact;
import org.prodml.render.TableBlock;
import org.prodml.render.Tables;
import org.prodml.rules.Finding;
import org.prodml.rules.Severity;

/**
 * The audit as Markdown: verdict, findings by severity, the model (when one was trained),
 * readiness, comparisons. Bounded like the HTML page: the first {@value #FULL_FINDINGS} findings in
 * full, the next {@value #LISTED_FINDINGS} a line each, tables of at most {@value #TABLE_ROWS}
 * rows; {@code audit.json} has everything.
 */
public final class MarkdownReport {
  static final int FULL_FINDINGS = 200;
  static final int LISTED_FINDINGS = 2000;
  static final int TABLE_ROWS = 1000;

  private MarkdownReport() {}

  public static String render(AuditResult audit) {
    StringBuilder md = new StringBuilder();
    md.append("# ProdML Lab audit\n\n");
    md.append("**Verdict: ")
        .append(audit.verdict())
        .append("** — ")
        .append(audit.count(Severity.CRITICAL))
        .append(" critical, ")
        .append(audit.count(Severity.WARNING))
        .append(" warning, ")
        .append(audit.count(Severity.INFO))
        .append(" info findings.\n\n")
        .append(
            org.prodml.readiness.Verdict.explain(
                audit.findings(), audit.mlTestScore().finalScore()))
        .append("\n\n");
    md.append("| input | value |\n|---|---|\n");
    audit
        .inputs()
        .forEach(
            (k, v) -> {
              if (v != null) {
                md.append("| ").append(k).append(" | `").append(cell(v)).append("` |\n");
              }
            });
    md.append('\n');
    int shown = 0;
    for (Severity severity : List.of(Severity.CRITICAL, Severity.WARNING, Severity.INFO)) {
      List<Finding> findings =
          audit.findings().stream().filter(f -> f.severity() == severity).toList();
      if (findings.isEmpty()) {
        continue;
      }
      md.append("## ").append(severity).append(" (").append(findings.size()).append(")\n\n");
      for (Finding f : findings) {
        shown++;
        if (shown > FULL_FINDINGS + LISTED_FINDINGS) {
          continue;
        }
        if (shown > FULL_FINDINGS) {
          md.append("- **")
              .append(f.ruleId())
              .append("** *")
              .append(cell(String.valueOf(f.subject())))
              .append("*: ")
              .append(f.message())
              .append('\n');
          continue;
        }
        md.append("- **")
            .append(f.ruleId())
            .append("** `")
            .append(f.topic())
            .append("` *")
            .append(cell(String.valueOf(f.subject())))
            .append("*: ")
            .append(f.message())
            .append("\n  ");
        md.append("Evidence: ");
        md.append(
            String.join(
                ", ",
                f.evidence().entrySet().stream()
                    .map(e -> e.getKey() + " = " + org.prodml.text.Format.value(e.getValue()))
                    .toList()));
        md.append(". Remedy: ").append(f.remedy()).append('\n');
      }
      md.append('\n');
    }
    if (shown > FULL_FINDINGS + LISTED_FINDINGS) {
      md.append("… ")
          .append(shown - FULL_FINDINGS - LISTED_FINDINGS)
          .append(" more findings: every one is in audit.json.\n\n");
    }
    for (AuditPage.ModelSection section : AuditPage.ModelSection.of(audit)) {
      md.append("## ")
          .append(section.title())
          .append("\n\n")
          .append(section.summary())
          .append("\n\n");
      for (TableBlock t : section.tables()) {
        md.append("### ").append(cell(t.title())).append("\n\n").append(table(t)).append('\n');
      }
    }
    var score = audit.mlTestScore();
    md.append("## ML Test Score: ")
        .append(org.prodml.text.Format.number(score.finalScore()))
        .append(" (")
        .append(score.band().range())
        .append(": ")
        .append(score.band().meaning())
        .append(")\n\n");
    AuditPage.ReadinessView view = AuditPage.ReadinessView.of(audit);
    md.append(String.join(" · ", view.sections()))
        .append("\n\n")
        .append(table(view.tests()))
        .append('\n');
    md.append("### What would raise the score most cheaply\n\n")
        .append(table(view.raises()))
        .append('\n');
    md.append("### Questions still unanswered (")
        .append(audit.unanswered().size())
        .append(")\n\n")
        .append(
            audit.unanswered().isEmpty()
                ? "Every question has an answer.\n"
                : table(view.unanswered()))
        .append('\n');
    for (Map.Entry<String, List<ColumnComparisonFact>> e : audit.comparisons().entrySet()) {
      md.append("## train vs ").append(e.getKey()).append("\n\n");
      md.append(table(Tables.comparison("", e.getValue()))).append('\n');
    }
    audit
        .profiles()
        .forEach(
            (role, profile) -> {
              md.append("## profile of ")
                  .append(role)
                  .append(" (")
                  .append(profile.rows())
                  .append(" rows)\n\n");
              md.append(table(Tables.profile("", profile))).append('\n');
            });
    return md.toString();
  }

  /** A paradigm simulation as Markdown: verdict, summary, inputs, findings, comparison tables. */
  public static String render(SimulationResult simulation) {
    StringBuilder md =
        new StringBuilder("# ProdML Lab: ").append(SimulationPage.title(simulation)).append("\n\n");
    md.append("**Verdict: ")
        .append(simulation.verdict())
        .append("** — ")
        .append(simulation.count(Severity.CRITICAL))
        .append(" critical, ")
        .append(simulation.count(Severity.WARNING))
        .append(" warning, ")
        .append(simulation.count(Severity.INFO))
        .append(" info findings.\n\n");
    md.append(simulation.summary()).append("\n\n| input | value |\n|---|---|\n");
    simulation
        .inputs()
        .forEach(
            (k, v) -> md.append("| ").append(k).append(" | `").append(cell(v)).append("` |\n"));
    simulation
        .parameters()
        .forEach((k, v) -> md.append("| ").append(k).append(" | ").append(cell(v)).append(" |\n"));
    md.append("\n## Findings\n\n")
        .append(
            simulation.findings().isEmpty()
                ? "No rule of stage SIMULATE fired.\n"
                : table(Tables.findings("", simulation.findings())))
        .append('\n');
    for (TableBlock t : SimulationPage.tables(simulation)) {
      md.append("## ").append(cell(t.title())).append("\n\n").append(table(t)).append('\n');
    }
    return md.toString();
  }

  static String table(TableBlock whole) {
    TableBlock t = AuditPage.cap(whole, TABLE_ROWS);
    StringBuilder md =
        new StringBuilder("| ")
            .append(String.join(" | ", t.header().stream().map(MarkdownReport::cell).toList()))
            .append(" |\n|");
    md.append("---|".repeat(t.header().size())).append('\n');
    for (List<String> row : t.rows()) {
      md.append("| ")
          .append(String.join(" | ", row.stream().map(MarkdownReport::cell).toList()))
          .append(" |\n");
    }
    if (t.hiddenRows() > 0) {
      md.append("\n… ").append(t.hiddenRows()).append(" more rows: audit.json has them all.\n");
    }
    return md.toString();
  }

  private static String cell(String s) {
    return s == null ? "" : s.replace("|", "\\|").replace("\n", " ");
  }
}
