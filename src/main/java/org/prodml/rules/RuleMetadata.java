package org.prodml.rules;

import java.util.Map;

/**
 * What a rule says about itself, read from its DRL metadata. Required keys: {@code @id},
 * {@code @severity}, {@code @topic}, {@code @stage}, {@code @explanation}, {@code @remedy};
 * optional: {@code @thresholds("a=1, b=2")}, {@code @course("…")} and any other key, kept in {@code
 * extra}.
 */
public record RuleMetadata(
    String id,
    String name,
    Severity severity,
    Topic topic,
    Stage stage,
    String explanation,
    String remedy,
    Map<String, Double> thresholds,
    String origin,
    Map<String, String> extra) {

  public static final java.util.List<String> REQUIRED =
      java.util.List.of("id", "severity", "topic", "stage", "explanation", "remedy");

  public String extra(String key) {
    return extra.getOrDefault(key, "");
  }
}
