package org.prodml.audit;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.prodml.data.ColumnRoles;
import org.prodml.profile.ValueType;

/**
 * What to audit: the training file (the reference), optional test and serving files, the roles of
 * the columns, the rule folders, threshold overrides, declared column types, and the readiness
 * answers file (null: every question unknown) with the question catalog folder, and the model to
 * train and measure (null: the data alone is audited).
 */
public record AuditRequest(
    Path train,
    Path test,
    Path serving,
    ColumnRoles roles,
    List<Path> ruleFolders,
    Map<String, Double> thresholds,
    Map<String, ValueType> types,
    Path answers,
    Path questions,
    ModelAuditRequest model) {

  public AuditRequest {
    ruleFolders = List.copyOf(ruleFolders);
    thresholds = Map.copyOf(thresholds);
    types = Map.copyOf(types);
  }
}
