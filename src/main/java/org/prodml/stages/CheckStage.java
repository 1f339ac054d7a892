package org.prodml.stages;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.prodml.course.Exercise;
import org.prodml.course.ExerciseCatalog;
import org.prodml.course.ExerciseGrader;
import org.prodml.course.ExerciseProgress;
import org.prodml.course.Grade;
import org.prodml.data.ColumnRoles;
import org.prodml.facts.LearnerRuleFact;
import org.prodml.pipeline.Parameter;
import org.prodml.pipeline.Params;
import org.prodml.pipeline.PipelineState;
import org.prodml.pipeline.Stage;
import org.prodml.pipeline.StageException;
import org.prodml.pipeline.StageResult;
import org.prodml.profile.DataFacts;
import org.prodml.profile.DataFiles;
import org.prodml.profile.DatasetProfile;
import org.prodml.profile.ProfileOptions;
import org.prodml.readiness.Answers;
import org.prodml.readiness.Readiness;
import org.prodml.render.Tables;
import org.prodml.rules.Finding;
import org.prodml.rules.Judgement;
import org.prodml.rules.RuleBase;
import org.prodml.rules.RuleMetadata;
import org.prodml.rules.RuleSource;
import org.prodml.text.Html;
import org.prodml.work.Work;

/**
 * Checks a guided exercise against the note's state with the exercise's rules, and reveals the next
 * hint after each failed attempt. A failed exercise is a normal result (the verdict is in the
 * output), so a note keeps running.
 */
public final class CheckStage implements Stage {
  @Override
  public String name() {
    return "check";
  }

  @Override
  public String summary() {
    return "check a guided exercise; each failed attempt reveals the next hint";
  }

  @Override
  public List<Parameter> parameters() {
    return List.of(Parameter.of("exercise", "the exercise id, as the task paragraph names it"));
  }

  @Override
  public StageResult run(PipelineState state, Params params, Work work) {
    ExerciseCatalog catalog = StageSupport.exercises(state);
    Exercise exercise;
    try {
      exercise = catalog.require(params.require("exercise", name()));
    } catch (IllegalArgumentException e) {
      throw new StageException(e.getMessage());
    }
    ExerciseProgress attempts =
        state
            .get(StageKeys.PROGRESS)
            .orElseGet(
                () -> {
                  ExerciseProgress fresh = new ExerciseProgress();
                  state.put(StageKeys.PROGRESS, fresh);
                  return fresh;
                });
    int attempt = attempts.nextAttempt(exercise.id());
    RuleBase rules = state.rules();
    List<Object> extra = new ArrayList<>();
    if (exercise.ruleData() != null) {
      extra.addAll(learnerRules(state, rules, exercise.ruleData()));
    }
    // Readiness answers and the score they give are part of what an exercise can ask about.
    Answers readinessAnswers = StageSupport.answers(state);
    List<Object> noteFacts = new ArrayList<>(state.facts());
    noteFacts.addAll(readinessAnswers.facts());
    extra.add(StageSupport.scoreFact(Readiness.evaluate(rules, state.facts(), readinessAnswers)));
    Grade grade = ExerciseGrader.grade(exercise, attempt, rules, noteFacts, state.answers(), extra);
    attempts.record(grade);
    return StageResult.builder()
        .text("exercise " + exercise.id() + ": " + grade.verdict() + " (attempt " + attempt + ")")
        .html(card(grade))
        .table(Tables.findings("what the check saw", grade.evidence()))
        .findings(grade.evidence())
        .build();
  }

  /**
   * How each rule the learner wrote in this note behaves on the exercise's clean and damaged data,
   * both compared with the reference data as serving data would be.
   */
  static List<LearnerRuleFact> learnerRules(
      PipelineState state, RuleBase rules, Exercise.RuleData data) {
    List<String> noteOrigins = state.noteRules().stream().map(RuleSource::origin).toList();
    List<RuleMetadata> learners =
        rules.rules().stream()
            .filter(r -> noteOrigins.stream().anyMatch(o -> r.origin().startsWith(o)))
            .toList();
    List<LearnerRuleFact> facts = new ArrayList<>();
    if (learners.isEmpty()) {
      return facts;
    }
    ColumnRoles roles =
        new ColumnRoles(
            data.label(),
            data.time(),
            null,
            null,
            java.util.Set.of(),
            java.util.Set.of(),
            java.util.Set.of());
    ProfileOptions options =
        ProfileOptions.defaults().withLabel(data.label()).withTime(data.time());
    DatasetProfile reference = DataFiles.profile(state.resolve(data.reference()), options, true);
    for (String which : List.of("clean", "damaged")) {
      Path file = state.resolve(which.equals("clean") ? data.clean() : data.damaged());
      DatasetProfile current = DataFiles.profile(file, options, false);
      List<Object> dataFacts =
          DataFacts.build(reference, Map.of("serving", current), roles).facts();
      Judgement judgement = rules.evaluate(dataFacts, Map.of(), r -> learners.contains(r));
      for (RuleMetadata rule : learners) {
        List<String> subjects =
            judgement.findings().stream()
                .filter(f -> f.ruleId().equals(rule.id()))
                .map(f -> String.valueOf(f.subject()))
                .distinct()
                .toList();
        facts.add(
            new LearnerRuleFact(
                rule.id(), rule.topic().name(), which, !subjects.isEmpty(), subjects));
      }
    }
    return facts;
  }

  private static String card(Grade grade) {
    Exercise e = grade.exercise();
    StringBuilder html =
        new StringBuilder(
                "<div style=\"font-family:sans-serif;padding:8px 12px;border-left:6px solid ")
            .append(grade.passed() ? "#2e7d32" : "#ef6c00")
            .append(";background:#fafafa\">");
    html.append("<b>")
        .append(grade.passed() ? "✔ Passed" : "✘ Not yet")
        .append("</b> — ")
        .append(Html.escape(e.title()))
        .append(" <span style=\"color:#666\">(attempt ")
        .append(grade.attempt())
        .append(")</span>");
    if (!grade.passed()) {
      html.append("<p><b>Hint ")
          .append(grade.hintNumber())
          .append(" of ")
          .append(e.hints().size())
          .append(":</b> ")
          .append(Html.escape(grade.hint()))
          .append("</p>");
    } else if (e.choice() != null) {
      html.append("<p><b>The course's answer:</b> ")
          .append(Html.escape(e.choice().answer()))
          .append(". ")
          .append(Html.escape(e.choice().why()))
          .append("</p>");
    }
    for (Finding f : grade.evidence()) {
      html.append("<p style=\"margin:4px 0\">").append(Html.escape(f.message())).append("</p>");
    }
    return html.append("</div>").toString();
  }
}
