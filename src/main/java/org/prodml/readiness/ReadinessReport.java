package org.prodml.readiness;

import java.util.List;
import org.prodml.facts.AnswerFact;
import org.prodml.rules.Finding;

/**
 * What the readiness rules say about a run: the ML Test Score with each test's status and evidence,
 * the findings of the readiness and flaw rules (claims the facts contradict, rule ids {@code
 * MT-5nn}; real-world flaws, {@code FL-nnn}), the questions still unknown (listed, never passed
 * silently) and every answer used.
 */
public record ReadinessReport(
    MlTestScore mlTestScore,
    List<Finding> findings,
    List<AnswerFact> unanswered,
    List<AnswerFact> answers) {

  public ReadinessReport {
    findings = List.copyOf(findings);
    unanswered = List.copyOf(unanswered);
    answers = List.copyOf(answers);
  }

  /** The findings of claims the pipeline's facts contradict. */
  public List<Finding> contradictions() {
    return findings.stream()
        .filter(f -> f.ruleId().startsWith(Readiness.READINESS_PREFIX))
        .toList();
  }

  /** The findings of real-world flaws. */
  public List<Finding> flaws() {
    return findings.stream().filter(f -> f.ruleId().startsWith(Readiness.FLAW_PREFIX)).toList();
  }
}
