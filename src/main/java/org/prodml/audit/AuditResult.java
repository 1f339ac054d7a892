package org.prodml.audit;

import java.util.List;
import java.util.Map;
import org.prodml.facts.AnswerFact;
import org.prodml.facts.ColumnComparisonFact;
import org.prodml.facts.DeploymentCheckFact;
import org.prodml.facts.SchemaChangeFact;
import org.prodml.profile.DatasetProfile;
import org.prodml.readiness.MlTestScore;
import org.prodml.rules.Finding;
import org.prodml.rules.RuleMetadata;

/**
 * Everything an audit found and measured: the verdict, the findings (data validation, readiness
 * contradictions, flaws), each dataset's profile by role, the comparisons with training, the
 * thresholds in force, the rules that ran, the ML Test Score and the readiness questions still
 * unanswered (listed, never silently passed). When a model was trained ({@code --model}): its card,
 * its evaluation, serving both ways, the monitoring windows and the deployment checks; null (or
 * empty) when the audit looked at the data alone, or when there was nothing to serve or replay.
 */
public record AuditResult(
    String tool,
    String version,
    Verdict verdict,
    Map<String, String> inputs,
    List<Finding> findings,
    Map<String, DatasetProfile> profiles,
    Map<String, List<ColumnComparisonFact>> comparisons,
    List<SchemaChangeFact> schemaChanges,
    Map<String, Double> thresholds,
    List<RuleMetadata> rules,
    String rulesVersion,
    MlTestScore mlTestScore,
    List<AnswerFact> unanswered,
    List<AnswerFact> answers,
    ModelCard model,
    ModelEvaluation evaluation,
    ServingReport serving,
    MonitoringReport monitoring,
    List<DeploymentCheckFact> deployment) {

  public long count(org.prodml.rules.Severity severity) {
    return findings.stream().filter(f -> f.severity() == severity).count();
  }
}
