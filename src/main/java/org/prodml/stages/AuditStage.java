package org.prodml.stages;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.prodml.pipeline.Parameter;
import org.prodml.pipeline.Params;
import org.prodml.pipeline.PipelineState;
import org.prodml.pipeline.Stage;
import org.prodml.pipeline.StageResult;
import org.prodml.readiness.Answers;
import org.prodml.readiness.MlTestScore;
import org.prodml.readiness.Readiness;
import org.prodml.readiness.ReadinessReport;
import org.prodml.readiness.Verdict;
import org.prodml.render.TableBlock;
import org.prodml.render.Tables;
import org.prodml.rules.Finding;
import org.prodml.rules.Judgement;
import org.prodml.rules.Severity;
import org.prodml.text.Format;
import org.prodml.text.Html;
import org.prodml.work.Work;

/**
 * Judges the whole note: every rule over every fact the note's stages produced (data, model,
 * serving, monitoring) and its readiness answers; the verdict — not ready while any finding is
 * CRITICAL — and the ML Test Score.
 */
public final class AuditStage implements Stage {
  @Override
  public String name() {
    return "audit";
  }

  @Override
  public String summary() {
    return "run every rule over everything the note measured; the verdict and all findings";
  }

  @Override
  public List<Parameter> parameters() {
    return List.of(
        StageSupport.thresholdsParameter("skew.maxJsDivergence:0.2 missing.maxShare:0.1"),
        Parameter.of(
            "severity",
            "show findings of at least this severity (default INFO)",
            Severity.class,
            Severity::name));
  }

  @Override
  public StageResult run(PipelineState state, Params params, Work work) {
    String reference = StageSupport.trainingTable(state);
    if (state.hasTable(reference)) {
      // The audit judges the data as the note holds it now: the training table against every later
      // table, whatever an earlier validate paragraph compared (its tables may have been replaced).
      StageSupport.dataFacts(state, reference, StageSupport.laterTables(state, reference));
    }
    Severity floor =
        Severity.valueOf(
            params.choice("severity", Severity.INFO.name(), parameter("severity").get().choices()));
    Answers answers = StageSupport.answers(state);
    List<Object> facts = new ArrayList<>(state.facts());
    facts.addAll(answers.facts());
    Map<String, Double> overrides = StageSupport.thresholds(params);
    Judgement judgement = StageSupport.judge(state, facts, overrides, r -> true);
    ReadinessReport readiness = Readiness.report(judgement, answers);
    Map<String, Double> thresholds = new TreeMap<>(state.rules().thresholds());
    thresholds.putAll(overrides);
    state.put(StageKeys.AUDIT, new AuditOutcome(judgement, readiness, thresholds));
    List<Finding> shown =
        judgement.findings().stream().filter(f -> f.severity().compareTo(floor) >= 0).toList();
    long critical = judgement.findings().stream().filter(Finding::isCritical).count();
    long warnings =
        judgement.findings().stream().filter(f -> f.severity() == Severity.WARNING).count();
    long info = judgement.findings().size() - critical - warnings;
    boolean ready = critical == 0;
    String card =
        "<div style=\"font-family:sans-serif;padding:8px 12px;border-left:6px solid "
            + (ready ? "#2e7d32" : "#c62828")
            + ";background:#fafafa\"><b style=\"font-size:1.2em\">"
            + (ready ? "READY" : "NOT READY")
            + "</b> · "
            + critical
            + " critical · "
            + warnings
            + " warning · "
            + info
            + " info · "
            + state.facts().size()
            + " facts from "
            + Html.escape(String.join(", ", state.factsBySource().keySet()))
            + "<p style=\"margin:4px 0;color:#444\">"
            + Html.escape(Verdict.explain(judgement, readiness.mlTestScore().finalScore()))
            + "</p></div>";
    MlTestScore score = readiness.mlTestScore();
    List<List<String>> sections = new ArrayList<>();
    for (MlTestScore.SectionScore section : score.sections()) {
      sections.add(
          List.of(
              section.section(),
              Format.number(section.score()),
              String.valueOf(section.automated()),
              String.valueOf(section.manual()),
              String.valueOf(section.failed() + section.notDone()),
              String.valueOf(section.unknown())));
    }
    List<List<String>> raises = new ArrayList<>();
    for (MlTestScore.Improvement i : score.cheapestRaises()) {
      raises.add(List.of(i.test(), i.title(), i.status(), i.action(), i.question()));
    }
    return StageResult.builder()
        .html(card)
        .table(Tables.findings("findings", shown))
        .text(
            "ML Test Score "
                + Format.number(score.finalScore())
                + " ("
                + score.band().range()
                + ": "
                + score.band().meaning()
                + "); "
                + readiness.unanswered().size()
                + " readiness questions unanswered.")
        .table(
            TableBlock.of(
                "ML Test Score by section",
                List.of("section", "score", "automated", "manual", "failed or not done", "unknown"),
                sections))
        .table(
            TableBlock.of(
                "what would raise the score most cheaply",
                List.of("test", "title", "status", "what to do", "question"),
                raises))
        .findings(judgement.findings())
        .build();
  }
}
