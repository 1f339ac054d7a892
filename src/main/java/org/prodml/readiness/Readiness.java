package org.prodml.readiness;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.prodml.facts.AnswerFact;
import org.prodml.rules.Finding;
import org.prodml.rules.Judgement;
import org.prodml.rules.RuleBase;

/**
 * Production readiness of a run: the pipeline's facts and the team's answers judged by the
 * readiness rules ({@code rules/readiness}, ids {@value #READINESS_PREFIX}nnn: one score rule per
 * ML Test Score test, and the claims the facts contradict) and the flaw rules ({@code rules/flaws},
 * ids {@value #FLAW_PREFIX}nnn).
 *
 * <p>Two ways to call it: {@link #evaluate} runs a rule base itself; {@link #report} reads a
 * judgement the caller already made (an audit runs all its rule folders once, with {@code
 * answers.facts()} among the facts).
 */
public final class Readiness {
  public static final String READINESS_PREFIX = "MT-";
  public static final String FLAW_PREFIX = "FL-";

  /** The rule folders this judgement needs, below a rules root. */
  public static final List<String> RULE_FOLDERS = List.of("readiness", "flaws");

  private Readiness() {}

  /** The readiness and flaw folders below a rules root ("rules"). */
  public static List<Path> ruleFolders(Path rulesRoot) {
    return RULE_FOLDERS.stream().map(rulesRoot::resolve).toList();
  }

  /**
   * Runs the rules over the facts and one answer fact per catalog question (any answer facts
   * already among the facts are replaced by the answers', so each question is answered once).
   */
  public static ReadinessReport evaluate(RuleBase rules, List<?> facts, Answers answers) {
    List<Object> all = new ArrayList<>();
    for (Object fact : facts) {
      if (!(fact instanceof AnswerFact)) {
        all.add(fact);
      }
    }
    all.addAll(answers.facts());
    return report(rules.evaluate(all), answers);
  }

  /**
   * The readiness report of a judgement already made over facts that included {@code
   * answers.facts()}: the scores it derived, and its findings from readiness and flaw rules (other
   * findings, such as data validation, are left to the caller).
   */
  public static ReadinessReport report(Judgement judgement, Answers answers) {
    List<Finding> findings =
        judgement.findings().stream()
            .filter(
                f -> f.ruleId().startsWith(READINESS_PREFIX) || f.ruleId().startsWith(FLAW_PREFIX))
            .toList();
    List<AnswerFact> answerFacts = answers.facts();
    List<AnswerFact> unanswered =
        answerFacts.stream().filter(a -> AnswerKind.UNKNOWN.equals(a.answer())).toList();
    return new ReadinessReport(
        MlTestScore.of(judgement.derived(org.prodml.facts.TestScoreFact.class), answers.catalog()),
        findings,
        unanswered,
        answerFacts);
  }
}
