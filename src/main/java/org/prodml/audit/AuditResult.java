package org.prodml.audit;

import java.util.List;
import java.util.Map;
import org.prodml.facts.ColumnComparisonFact;
import org.prodml.facts.SchemaChangeFact;
import org.prodml.profile.DatasetProfile;
import org.prodml.rules.Finding;
import org.prodml.rules.RuleMetadata;

/**
 * Everything an audit found and measured: the verdict, the findings, each dataset's profile by
 * role, the comparisons with training, the thresholds in force and the rules that ran.
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
    String rulesVersion) {

  public long count(org.prodml.rules.Severity severity) {
    return findings.stream().filter(f -> f.severity() == severity).count();
  }
}
