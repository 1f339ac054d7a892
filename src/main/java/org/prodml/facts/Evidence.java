package org.prodml.facts;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a rule's action inserts when it fires: the subject it judged (a column, the dataset, the
 * model) and the observed values that made it fire. The rule engine turns each inserted Evidence
 * into a finding, taking id, severity, topic, message and remedy from the rule's metadata, so a
 * rule states each of those once.
 *
 * <pre>insert(Evidence.of($c.column(), "missingShare", $c.missingShare(), "threshold", $max));
 * </pre>
 */
public record Evidence(String subject, Map<String, Object> values) {

  public Evidence {
    values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
  }

  /** Evidence from alternating key, value arguments, kept in the order given. */
  public static Evidence of(String subject, Object... keysAndValues) {
    if (keysAndValues.length % 2 != 0) {
      throw new IllegalArgumentException("Evidence.of needs key, value pairs; got an odd count");
    }
    Map<String, Object> values = new LinkedHashMap<>();
    for (int i = 0; i < keysAndValues.length; i += 2) {
      values.put(String.valueOf(keysAndValues[i]), keysAndValues[i + 1]);
    }
    return new Evidence(subject, values);
  }
}
