package org.prodml.course;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.prodml.facts.ExerciseAnswerFact;
import org.prodml.facts.ExerciseCheckFact;
import org.prodml.facts.FindingFact;
import org.prodml.rules.Finding;
import org.prodml.rules.Judgement;
import org.prodml.rules.RuleBase;
import org.prodml.rules.RuleMetadata;
import org.prodml.rules.Stage;

/**
 * Grades an exercise with rules: the note's facts, its current findings (as facts), the learner's
 * exercise answers and how the learner's own rules behaved go into the exercise's rules. It passes
 * when a rule with {@code @verdict("pass")} fired and none with {@code @verdict("fail")}.
 */
public final class ExerciseGrader {
  private ExerciseGrader() {}

  public static Grade grade(
      Exercise exercise,
      int attempt,
      RuleBase rules,
      List<Object> noteFacts,
      Map<String, String> answers,
      List<Object> extraFacts) {
    List<Object> facts = new ArrayList<>(noteFacts);
    Judgement audit = rules.evaluate(noteFacts, Map.of(), r -> r.stage() != Stage.EXERCISE);
    for (Finding f : audit.findings()) {
      facts.add(
          new FindingFact(
              f.ruleId(), f.severity().name(), f.topic().name(), String.valueOf(f.subject())));
    }
    answers.forEach(
        (key, value) -> {
          if (key.startsWith("exercise.")) {
            facts.add(
                new ExerciseAnswerFact(
                    key.substring("exercise.".length()), value.strip().toLowerCase(Locale.ROOT)));
          }
        });
    facts.addAll(extraFacts);
    facts.add(new ExerciseCheckFact(exercise.id(), attempt));
    Judgement judgement =
        rules.evaluate(
            facts,
            Map.of(),
            r -> r.stage() == Stage.EXERCISE && exercise.id().equals(r.extra("exercise")));
    boolean anyPass = false;
    boolean anyFail = false;
    for (Finding f : judgement.findings()) {
      String verdict = verdictOf(rules, f.ruleId());
      anyPass |= verdict.equals("pass");
      anyFail |= verdict.equals("fail");
    }
    boolean passed = anyPass && !anyFail;
    int hintNumber = passed ? 0 : Math.min(attempt, exercise.hints().size());
    String hint = passed ? null : exercise.hints().get(hintNumber - 1);
    return new Grade(exercise, passed, attempt, judgement.findings(), hint, hintNumber);
  }

  private static String verdictOf(RuleBase rules, String ruleId) {
    for (RuleMetadata r : rules.rules()) {
      if (r.id().equals(ruleId)) {
        return r.extra("verdict");
      }
    }
    return "";
  }

  /** The exercise rules of one exercise, to check a catalog has a pass rule for each exercise. */
  public static List<RuleMetadata> rulesOf(RuleBase rules, String exercise) {
    return rules.rules().stream()
        .filter(r -> r.stage() == Stage.EXERCISE && exercise.equals(r.extra("exercise")))
        .toList();
  }
}
