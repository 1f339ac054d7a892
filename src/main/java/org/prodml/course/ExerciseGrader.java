package org.prodml.course;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.prodml.facts.ExerciseAnswerFact;
import org.prodml.facts.ExerciseCheckFact;
import org.prodml.facts.ExerciseChoiceFact;
import org.prodml.facts.FindingFact;
import org.prodml.rules.Finding;
import org.prodml.rules.Judgement;
import org.prodml.rules.RuleBase;
import org.prodml.rules.RuleMetadata;
import org.prodml.rules.Stage;

/**
 * Grades an exercise with rules: the note's facts, its current findings (as facts), the learner's
 * exercise answers and how the learner's own rules behaved go into the exercise's grading rules
 * (its own, {@code @exercise("<id>")}, and those every exercise shares, {@code @exercise("*")}). It
 * passes when a rule with {@code @verdict("pass")} fired and none with {@code @verdict("fail")}.
 * What the rules graded is fingerprinted, and the learner's progress counts an attempt only for a
 * new answer and reveals the next hint that helps with the failure the rules reported.
 */
public final class ExerciseGrader {
  /** {@code @exercise} of the grading rules every exercise shares. */
  public static final String EVERY_EXERCISE = "*";

  private ExerciseGrader() {}

  public static Grade grade(
      Exercise exercise,
      RuleBase rules,
      List<Object> noteFacts,
      Map<String, String> answers,
      List<Object> extraFacts,
      ExerciseProgress progress) {
    List<Object> facts = new ArrayList<>(noteFacts);
    Judgement audit = rules.evaluate(noteFacts, Map.of(), r -> r.stage() != Stage.EXERCISE);
    for (Finding f : audit.findings()) {
      facts.add(
          new FindingFact(
              f.ruleId(), f.severity().name(), f.topic().name(), String.valueOf(f.subject())));
    }
    facts.addAll(answerFacts(exercise, answers));
    facts.addAll(extraFacts);
    List<RuleMetadata> graders = rulesOf(rules, exercise.id());
    String fingerprint = AnswerFingerprint.of(facts, AnswerFingerprint.Scope.of(texts(graders)));
    int attempt =
        progress
            .of(exercise.id())
            .map(
                s ->
                    s.answersSeen().contains(fingerprint)
                        ? Math.max(1, s.attempts())
                        : s.attempts() + 1)
            .orElse(1);
    facts.add(new ExerciseCheckFact(exercise.id(), attempt));
    Judgement judgement = rules.evaluate(facts, Map.of(), graders::contains);
    boolean anyPass = false;
    boolean anyFail = false;
    List<Finding> evidence = new ArrayList<>(judgement.findings());
    for (Finding f : judgement.findings()) {
      String verdict = verdictOf(graders, f.ruleId());
      anyPass |= verdict.equals("pass");
      anyFail |= verdict.equals("fail");
    }
    boolean passed = anyPass && !anyFail;
    if (!passed && !anyFail) {
      evidence.addAll(notYet(graders));
    }
    Set<String> failed = new LinkedHashSet<>();
    if (!passed) {
      evidence.stream()
          .filter(f -> !verdictOf(graders, f.ruleId()).equals("pass"))
          .forEach(f -> failed.add(f.ruleId()));
      evidence.removeIf(f -> verdictOf(graders, f.ruleId()).equals("pass"));
    }
    List<Integer> helpful = exercise.hintsFor(failed);
    ExerciseProgress.Checked checked = progress.record(exercise, fingerprint, passed, helpful);
    String hint = checked.hint() < 0 ? null : exercise.hints().get(checked.hint()).text();
    return new Grade(
        exercise,
        passed,
        checked.attempt(),
        checked.newAnswer(),
        evidence,
        hint,
        checked.hint() < 0 ? 0 : helpful.indexOf(checked.hint()) + 1,
        passed ? 0 : helpful.size(),
        fingerprint);
  }

  /**
   * The learner's answers to exercise questions, as facts: a choice is read for the option it names
   * (on intent: "Dynamic training" names dynamic), and a choice's answer also says whether it named
   * exactly one option.
   */
  static List<Object> answerFacts(Exercise exercise, Map<String, String> answers) {
    List<Object> facts = new ArrayList<>();
    answers.forEach(
        (key, value) -> {
          if (!key.startsWith("exercise.")) {
            return;
          }
          String question = key.substring("exercise.".length());
          String answer = value.strip().toLowerCase(Locale.ROOT);
          if (question.equals(exercise.id()) && exercise.choice() != null) {
            String option = exercise.choice().option(value).orElse("");
            facts.add(
                new ExerciseChoiceFact(
                    exercise.id(), value.strip(), option, exercise.choice().options()));
            if (!option.isEmpty()) {
              facts.add(new ExerciseAnswerFact(question, option));
            }
          } else {
            facts.add(new ExerciseAnswerFact(question, answer));
          }
        });
    if (exercise.choice() != null && !answers.containsKey(exercise.answerKey())) {
      facts.add(new ExerciseChoiceFact(exercise.id(), "", "", exercise.choice().options()));
    }
    return facts;
  }

  /**
   * When no rule said what failed, the pass rules' claims are the conditions that do not hold yet:
   * one finding each, so a failed check always says what it waits for.
   */
  private static List<Finding> notYet(List<RuleMetadata> graders) {
    List<Finding> notYet = new ArrayList<>();
    for (RuleMetadata r : graders) {
      if (r.extra("verdict").equals("pass")) {
        String claim = r.name().substring(Math.min(r.name().length(), r.id().length() + 1));
        notYet.add(
            new Finding(
                r.id(),
                org.prodml.rules.Severity.WARNING,
                r.topic(),
                Stage.EXERCISE,
                "not yet",
                "Not yet: the check passes when " + lowerFirst(claim) + ", and that does not hold.",
                Map.of(),
                "Compare what the task asks with what the paragraphs above measured."));
      }
    }
    return notYet;
  }

  private static String lowerFirst(String s) {
    return s.isEmpty() ? s : Character.toLowerCase(s.charAt(0)) + s.substring(1);
  }

  private static String verdictOf(List<RuleMetadata> graders, String ruleId) {
    for (RuleMetadata r : graders) {
      if (r.id().equals(ruleId)) {
        return r.extra("verdict");
      }
    }
    return "";
  }

  /** The DRL text of each grading rule's file, for what the rules read. */
  private static List<String> texts(List<RuleMetadata> graders) {
    Map<String, String> texts = new LinkedHashMap<>();
    for (RuleMetadata r : graders) {
      String file = r.origin().replaceFirst(":\\d+$", "");
      texts.computeIfAbsent(
          file,
          f -> {
            try {
              Path path = Path.of(f);
              return Files.isRegularFile(path)
                  ? Files.readString(path, StandardCharsets.UTF_8)
                  : "";
            } catch (IOException | java.nio.file.InvalidPathException e) {
              return "";
            }
          });
    }
    return new ArrayList<>(texts.values());
  }

  /** The grading rules of one exercise: its own and those every exercise shares. */
  public static List<RuleMetadata> rulesOf(RuleBase rules, String exercise) {
    return rules.rules().stream()
        .filter(
            r ->
                r.stage() == Stage.EXERCISE
                    && (exercise.equals(r.extra("exercise"))
                        || EVERY_EXERCISE.equals(r.extra("exercise"))))
        .toList();
  }
}
