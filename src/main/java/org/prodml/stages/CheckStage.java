package org.prodml.stages;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.prodml.course.Course;
import org.prodml.course.CourseNote;
import org.prodml.course.Exercise;
import org.prodml.course.ExerciseGrader;
import org.prodml.course.ExerciseProgress;
import org.prodml.course.Grade;
import org.prodml.course.Workspace;
import org.prodml.data.ColumnRoles;
import org.prodml.data.scenario.HeldBackCase;
import org.prodml.data.scenario.Scenario;
import org.prodml.data.scenario.Scenarios;
import org.prodml.facts.ExerciseParagraphFact;
import org.prodml.facts.LearnerRuleFact;
import org.prodml.facts.RuleTaskFact;
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
 * Checks a guided exercise against the note's state with the exercise's rules. A check of a new
 * answer is a new attempt and a failure reveals the next hint that helps with it; the attempts are
 * counted in the learner's workspace when there is one, else in memory for this run. A failed
 * exercise is a normal result (the verdict is in the output), so a note keeps running.
 */
public final class CheckStage implements Stage {
  /** Held-back files' profiles, by data folder and scenario: they never change within a run. */
  private static final Map<String, List<HeldBack>> HELD_BACK = new ConcurrentHashMap<>();

  private record HeldBack(HeldBackCase source, DatasetProfile profile) {}

  @Override
  public String name() {
    return "check";
  }

  @Override
  public String summary() {
    return "check a guided exercise; a changed answer that fails reveals the next hint";
  }

  @Override
  public List<Parameter> parameters() {
    return List.of(Parameter.of("exercise", "the exercise id, as the task paragraph names it"));
  }

  @Override
  public StageResult run(PipelineState state, Params params, Work work) {
    Course course = StageSupport.course(state);
    Exercise exercise;
    try {
      exercise = course.exercises().require(params.require("exercise", name()));
    } catch (IllegalArgumentException e) {
      throw new StageException(e.getMessage());
    }
    RuleBase rules = state.rules();
    List<Object> extra = new ArrayList<>(paragraphFacts(state, exercise, course));
    if (exercise.ruleData() != null) {
      extra.addAll(learnerRules(state, rules, exercise));
    }
    // Readiness answers and the score they give are part of what an exercise can ask about.
    Answers readinessAnswers = StageSupport.answers(state);
    List<Object> noteFacts = new ArrayList<>(state.facts());
    noteFacts.addAll(readinessAnswers.facts());
    extra.add(StageSupport.scoreFact(Readiness.evaluate(rules, state.facts(), readinessAnswers)));
    Grade grade =
        ExerciseGrader.grade(exercise, rules, noteFacts, state.answers(), extra, progress(state));
    return StageResult.builder()
        .text(
            "exercise "
                + exercise.id()
                + ": "
                + grade.verdict()
                + " (attempt "
                + grade.attempt()
                + ")")
        .html(card(grade))
        .table(Tables.findings("what the check saw", grade.evidence()))
        .findings(grade.evidence())
        .build();
  }

  /**
   * The learner's progress: the workspace's file when the note runs in one, else this note's
   * attempts in memory.
   */
  private static ExerciseProgress progress(PipelineState state) {
    return state
        .get(StageKeys.PROGRESS)
        .orElseGet(
            () -> {
              Path workspace = state.config().workspace();
              ExerciseProgress progress =
                  workspace == null
                      ? ExerciseProgress.inMemory()
                      : Workspace.open(workspace).progress();
              state.put(StageKeys.PROGRESS, progress);
              return progress;
            });
  }

  /**
   * Whether each paragraph the exercise asks the learner to change ran as the paragraph it is, and
   * whether an earlier paragraph of the same stage ran after it (its results would be graded
   * instead of the learner's).
   */
  static List<ExerciseParagraphFact> paragraphFacts(
      PipelineState state, Exercise exercise, Course course) {
    CourseNote note = course.note(exercise.note()).orElse(null);
    if (note == null) {
      return List.of();
    }
    Map<String, PipelineState.ParagraphRun> runs = state.paragraphRuns();
    List<ExerciseParagraphFact> facts = new ArrayList<>();
    List<CourseNote.Paragraph> paragraphs = note.paragraphs();
    for (int i = 0; i < paragraphs.size(); i++) {
      CourseNote.Paragraph p = paragraphs.get(i);
      if (!exercise.solved().containsKey(p.id())) {
        continue;
      }
      String stage = CourseNote.stageOf(exercise.solved().get(p.id()));
      PipelineState.ParagraphRun run = runs.get(p.id());
      boolean ran = run != null && run.stage().equals(stage);
      String replacedBy = "";
      if (ran && !stage.equals("rules")) {
        for (int j = 0; j < i; j++) {
          CourseNote.Paragraph earlier = paragraphs.get(j);
          PipelineState.ParagraphRun later = runs.get(earlier.id());
          if (later != null && later.stage().equals(stage) && later.sequence() > run.sequence()) {
            replacedBy = earlier.title().isEmpty() ? earlier.id() : earlier.title();
          }
        }
      }
      facts.add(
          new ExerciseParagraphFact(
              exercise.id(),
              p.id(),
              p.title().isEmpty() ? p.id() : p.title(),
              stage,
              ran,
              replacedBy));
    }
    return facts;
  }

  /**
   * How each rule the learner wrote in this note behaves on the exercise's files: the clean and the
   * damaged file the note shows, and the held-back files it does not, each compared with the
   * reference data as serving data would be.
   */
  static List<Object> learnerRules(PipelineState state, RuleBase rules, Exercise exercise) {
    Exercise.RuleData data = exercise.ruleData();
    List<String> noteOrigins = state.noteRules().stream().map(RuleSource::origin).toList();
    List<RuleMetadata> learners =
        rules.rules().stream()
            .filter(r -> noteOrigins.stream().anyMatch(o -> r.origin().startsWith(o)))
            .toList();
    List<HeldBack> heldBack = heldBack(state, data);
    List<Object> facts = new ArrayList<>();
    facts.add(new RuleTaskFact(exercise.id(), data.subject(), data.flaw(), heldBack.size()));
    if (learners.isEmpty()) {
      return facts;
    }
    ColumnRoles roles =
        new ColumnRoles(data.label(), data.time(), null, null, Set.of(), Set.of(), Set.of());
    ProfileOptions options =
        ProfileOptions.defaults().withLabel(data.label()).withTime(data.time());
    DatasetProfile reference = DataFiles.profile(state.resolve(data.reference()), options, true);
    List<Object[]> files = new ArrayList<>(); // data, flawed, profile, description
    files.add(
        new Object[] {
          "clean",
          false,
          DataFiles.profile(state.resolve(data.clean()), options, false),
          "the clean file the note names"
        });
    files.add(
        new Object[] {
          "damaged",
          true,
          DataFiles.profile(state.resolve(data.damaged()), options, false),
          "the damaged file the note names"
        });
    for (HeldBack h : heldBack) {
      files.add(
          new Object[] {"held-back", h.source().flawed(), h.profile(), h.source().description()});
    }
    for (Object[] file : files) {
      List<Object> dataFacts =
          DataFacts.build(reference, Map.of("serving", (DatasetProfile) file[2]), roles).facts();
      Judgement judgement = rules.evaluate(dataFacts, Map.of(), learners::contains);
      for (RuleMetadata rule : learners) {
        List<String> subjects =
            judgement.findings().stream()
                .filter(f -> f.ruleId().equals(rule.id()))
                .map(f -> String.valueOf(f.subject()))
                .distinct()
                .toList();
        facts.add(
            new LearnerRuleFact(
                rule.id(),
                rule.topic().name(),
                (String) file[0],
                (Boolean) file[1],
                !subjects.isEmpty(),
                subjects,
                (String) file[3]));
      }
    }
    return facts;
  }

  /** The held-back files of the exercise's scenario, profiled once per run. */
  private static List<HeldBack> heldBack(PipelineState state, Exercise.RuleData data) {
    if (data.heldBack() == null || data.heldBack().isBlank()) {
      return List.of();
    }
    Scenario scenario =
        Scenarios.find(data.heldBack())
            .orElseThrow(
                () ->
                    new StageException(
                        "the exercise names held-back scenario '"
                            + data.heldBack()
                            + "', which does not exist"));
    Path datasets = state.resolve(scenario.source()).getParent();
    return HELD_BACK.computeIfAbsent(
        datasets + "|" + scenario.name() + "|" + data.label() + "|" + data.time(),
        key -> {
          ProfileOptions options =
              ProfileOptions.defaults().withLabel(data.label()).withTime(data.time());
          List<HeldBack> profiled = new ArrayList<>();
          Path dir = null;
          try {
            dir = Files.createTempDirectory("prodml-held-back");
            int i = 0;
            for (HeldBackCase c : scenario.heldBack(datasets)) {
              Path file = dir.resolve("held-back-" + (++i) + ".csv");
              Files.writeString(file, c.csv());
              profiled.add(new HeldBack(c, DataFiles.profile(file, options, false)));
            }
          } catch (IOException e) {
            throw new UncheckedIOException("cannot write held-back files: " + e.getMessage(), e);
          } finally {
            delete(dir);
          }
          return List.copyOf(profiled);
        });
  }

  private static void delete(Path dir) {
    if (dir == null) {
      return;
    }
    try (var files = Files.list(dir)) {
      for (Path f : files.toList()) {
        Files.deleteIfExists(f);
      }
      Files.deleteIfExists(dir);
    } catch (IOException e) {
      // a temporary folder left behind is harmless
    }
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
        .append(grade.newAnswer() ? "" : "; this answer was checked before")
        .append(")</span>");
    html.append("<p style=\"color:#444\"><b>This check verifies:</b> ")
        .append(Html.escape(e.verifies()))
        .append("</p>");
    for (Finding f : grade.evidence()) {
      // The terminal summary marks each line by this class: why it failed, or what it showed.
      html.append(grade.passed() ? "<p class=\"prodml-passed\"" : "<p class=\"prodml-failure\"")
          .append(" style=\"margin:4px 0\">")
          .append(Html.escape(f.message()))
          .append("</p>");
    }
    if (!grade.passed() && grade.hint() != null) {
      html.append("<p class=\"prodml-hint\"><b>Hint ")
          .append(grade.hintNumber())
          .append(" of ")
          .append(grade.hintCount())
          .append(":</b> ")
          .append(Html.escape(grade.hint()))
          .append("</p>");
      if (!grade.newAnswer()) {
        html.append(
            "<p style=\"color:#666\">Checking the same answer again shows the same hint; change"
                + " your answer to try again.</p>");
      }
    } else if (grade.passed() && e.choice() != null) {
      html.append("<p><b>The course's answer:</b> ")
          .append(Html.escape(e.choice().answer()))
          .append(". ")
          .append(Html.escape(e.choice().why()))
          .append("</p>");
    }
    return html.append("</div>").toString();
  }
}
