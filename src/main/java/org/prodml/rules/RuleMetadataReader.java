package org.prodml.rules;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.kie.api.KieBase;
import org.kie.api.definition.KiePackage;
import org.kie.api.definition.rule.Rule;

/**
 * Reads what each compiled rule says about itself, its DRL metadata, into a {@link RuleMetadata}
 * that names the rule's file and line. Every problem of every rule (a required key missing, an
 * unknown severity, topic or stage, a malformed {@code @thresholds}) is collected before failing,
 * so one compile shows them all.
 */
final class RuleMetadataReader {
  private static final Pattern RULE_NAME = Pattern.compile("(?m)^\\s*rule\\s+\"([^\"]+)\"");

  private RuleMetadataReader() {}

  /**
   * The metadata of every rule in the base, in the order Drools lists them.
   *
   * @throws RuleCompileException listing each problem as {@code origin:line: message}
   */
  static List<RuleMetadata> read(KieBase kieBase, List<RuleSource> sources) {
    List<RuleMetadata> rules = new ArrayList<>();
    List<String> problems = new ArrayList<>();
    Map<String, RuleSource> sourceOfRule = sourcesByRuleName(sources);
    for (KiePackage kiePackage : kieBase.getKiePackages()) {
      for (Rule rule : kiePackage.getRules()) {
        RuleSource source = sourceOfRule.get(rule.getName());
        String origin =
            source == null ? "rules" : source.origin() + ":" + source.lineOf(rule.getName());
        RuleMetadata metadata = read(rule, origin, problems);
        if (metadata != null) {
          rules.add(metadata);
        }
      }
    }
    if (!problems.isEmpty()) {
      throw new RuleCompileException(problems);
    }
    return rules;
  }

  /** One rule's metadata, or null after adding its problems. */
  private static RuleMetadata read(Rule rule, String origin, List<String> problems) {
    Map<String, Object> raw = rule.getMetaData();
    Map<String, String> values = new LinkedHashMap<>();
    raw.forEach((k, v) -> values.put(k, v == null ? "" : String.valueOf(v).strip()));
    List<String> missing = new ArrayList<>();
    for (String key : RuleMetadata.REQUIRED) {
      if (values.getOrDefault(key, "").isBlank()) {
        missing.add("@" + key);
      }
    }
    if (!missing.isEmpty()) {
      problems.add(
          origin
              + ": rule \""
              + rule.getName()
              + "\" lacks metadata "
              + String.join(", ", missing));
      return null;
    }
    Severity severity = parseEnum(Severity.class, values.get("severity"), origin, rule, problems);
    Topic topic = parseEnum(Topic.class, values.get("topic"), origin, rule, problems);
    Stage stage = parseEnum(Stage.class, values.get("stage"), origin, rule, problems);
    Map<String, Double> thresholds =
        parseThresholds(values.getOrDefault("thresholds", ""), origin, rule, problems);
    if (severity == null || topic == null || stage == null || thresholds == null) {
      return null;
    }
    Map<String, String> extra = new TreeMap<>(values);
    RuleMetadata.REQUIRED.forEach(extra::remove);
    extra.remove("thresholds");
    return new RuleMetadata(
        values.get("id"),
        rule.getName(),
        severity,
        topic,
        stage,
        values.get("explanation"),
        values.get("remedy"),
        thresholds,
        origin,
        extra);
  }

  private static <E extends Enum<E>> E parseEnum(
      Class<E> type, String value, String origin, Rule rule, List<String> problems) {
    try {
      return Enum.valueOf(type, value.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      problems.add(
          origin
              + ": rule \""
              + rule.getName()
              + "\": unknown "
              + type.getSimpleName().toLowerCase(Locale.ROOT)
              + " \""
              + value
              + "\"; use one of "
              + Arrays.toString(type.getEnumConstants()));
      return null;
    }
  }

  /**
   * {@code @thresholds("a=1, b=2")} (commas or semicolons) as names to defaults; null when
   * malformed.
   */
  private static Map<String, Double> parseThresholds(
      String text, String origin, Rule rule, List<String> problems) {
    Map<String, Double> thresholds = new LinkedHashMap<>();
    if (text.isBlank()) {
      return thresholds;
    }
    for (String part : text.split("[,;]")) {
      String[] kv = part.split("=", 2);
      try {
        String name = kv[0].strip();
        double value = Double.parseDouble(kv[1].strip());
        String problem = Thresholds.problem(name, value);
        if (problem != null) {
          problems.add(origin + ": rule \"" + rule.getName() + "\": @thresholds: " + problem);
          return null;
        }
        thresholds.put(name, value);
      } catch (RuntimeException e) {
        problems.add(
            origin
                + ": rule \""
                + rule.getName()
                + "\": @thresholds entry \""
                + part.strip()
                + "\" is not name=number");
        return null;
      }
    }
    return thresholds;
  }

  /** The names of the rules a source declares, read from its text (without compiling it). */
  static List<String> ruleNames(RuleSource source) {
    List<String> names = new ArrayList<>();
    Matcher m = RULE_NAME.matcher(source.text());
    while (m.find()) {
      names.add(m.group(1));
    }
    return names;
  }

  /** Which source declares each rule name (Drools' rules do not say which file they came from). */
  private static Map<String, RuleSource> sourcesByRuleName(List<RuleSource> sources) {
    Map<String, RuleSource> result = new HashMap<>();
    for (RuleSource source : sources) {
      Matcher m = RULE_NAME.matcher(source.text());
      while (m.find()) {
        result.put(m.group(1), source);
      }
    }
    return result;
  }
}
