package org.prodml.rules;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A judgement: a rule fired on a subject. Everything but subject and evidence comes from the rule's
 * metadata; the message is the rule's explanation with the evidence filled in.
 */
public record Finding(
    String ruleId,
    Severity severity,
    Topic topic,
    Stage stage,
    String subject,
    String message,
    Map<String, Object> evidence,
    String remedy) {

  public Finding {
    evidence = Collections.unmodifiableMap(new LinkedHashMap<>(evidence));
  }

  public boolean isCritical() {
    return severity == Severity.CRITICAL;
  }
}
