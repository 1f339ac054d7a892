package org.prodml.stages;

import java.util.Map;
import org.prodml.readiness.ReadinessReport;
import org.prodml.readiness.Verdict;
import org.prodml.rules.Judgement;

/**
 * What the audit stage concluded: every rule over every fact of the note (its one rule run), the
 * readiness it gives (ML Test Score, answers, unanswered questions), the thresholds in force and
 * the verdict.
 *
 * @param thresholds every threshold the rules used: the rules' defaults with the overrides applied
 */
public record AuditOutcome(
    Judgement judgement, ReadinessReport readiness, Map<String, Double> thresholds) {

  public AuditOutcome {
    thresholds = Map.copyOf(thresholds);
  }

  public Verdict verdict() {
    return Verdict.of(judgement);
  }
}
