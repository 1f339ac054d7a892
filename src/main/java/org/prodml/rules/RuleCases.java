package org.prodml.rules;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;
import org.prodml.facts.Evidence;
import org.prodml.facts.Threshold;

/**
 * The worked examples of one rule: {@code <Name>.cases.json} beside {@code <Name>.drl}, each case a
 * set of facts and whether the rule must fire on them. Each cases file runs against a rule base
 * compiled from its own DRL file only, so a case proves what that one rule does.
 *
 * <pre>{
 *   "rule": "DV-001",
 *   "cases": [
 *     { "title": "a fifth of the values missing", "expect": "fire", "subject": "income",
 *       "facts": [ {"type": "ColumnProfileFact", "value": {"column": "income", "missingShare": 0.2}} ],
 *       "thresholds": {"missing.maxShare": 0.1} } ] }</pre>
 *
 * <p>{@code type} is a simple class name in {@code org.prodml.facts}; {@code value} gives the
 * record's components by name (absent numbers are 0, absent texts null; NaN and infinities may be
 * written {@code "NaN"}, {@code "Infinity"}, {@code "-Infinity"} or bare). {@code "fire"} passes
 * when the rule produced a finding (on {@code subject}, when given); {@code "quiet"} when it
 * produced none (none on {@code subject}, when given). {@code thresholds} overrides the rule's
 * defaults.
 *
 * <p>A rule may derive facts instead of findings (the readiness rules insert a score per test). A
 * case without a subject then also counts a derived fact as firing, and stays quiet only when the
 * rule produced neither; an optional {@code "derived": {"type": "TestScoreFact", "value":
 * {"status": "automated"}}} makes "fire" require a derived fact of that type whose named components
 * equal the values given (numbers compared as numbers).
 */
public final class RuleCases {
  public static final String SUFFIX = ".cases.json";
  static final String FACTS_PACKAGE = "org.prodml.facts.";

  static final ObjectMapper MAPPER =
      JsonMapper.builder()
          .enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
          .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
          .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
          .build();

  private RuleCases() {}

  /** One fact of a case: a fact record's simple class name and its components. */
  public record FactSpec(String type, JsonNode value) {}

  /** One worked example: the facts, and whether the rule fires on them. */
  public record Case(
      String title,
      String expect,
      String subject,
      List<FactSpec> facts,
      Map<String, Double> thresholds,
      FactSpec derived) {

    public Case {
      facts = facts == null ? List.of() : List.copyOf(facts);
      thresholds = thresholds == null ? Map.of() : Map.copyOf(thresholds);
    }

    public boolean expectsFire() {
      return "fire".equals(expect);
    }
  }

  /** A whole cases file: the rule id it exercises and its cases, in file order. */
  public record CasesFile(String rule, List<Case> cases) {
    public CasesFile {
      cases = cases == null ? List.of() : List.copyOf(cases);
    }
  }

  /** The outcome of one case. {@code message} says what was expected and what fired. */
  public record Result(
      Path file,
      String ruleId,
      String title,
      boolean passed,
      String message,
      List<Finding> findings) {

    /** "<ruleId> <title>", the name a test report shows. */
    public String name() {
      return ruleId + " " + title;
    }
  }

  /** A cases file that cannot be read or does not follow the format. */
  public static final class CasesFormatException extends RuntimeException {
    public CasesFormatException(String message) {
      super(message);
    }
  }

  /** The cases file that belongs to a DRL file ({@code X.drl} → {@code X.cases.json}). */
  public static Path casesFor(Path drl) {
    String name = drl.getFileName().toString();
    return drl.resolveSibling(
        name.substring(0, name.length() - RuleFiles.DRL_SUFFIX.length()) + SUFFIX);
  }

  /** The DRL file a cases file belongs to ({@code X.cases.json} → {@code X.drl}). */
  public static Path drlFor(Path casesFile) {
    String name = casesFile.getFileName().toString();
    return casesFile.resolveSibling(
        name.substring(0, name.length() - SUFFIX.length()) + RuleFiles.DRL_SUFFIX);
  }

  /** Every {@code *.cases.json} below the folders, in a stable order. */
  public static List<Path> find(List<Path> roots) {
    List<Path> files = new ArrayList<>();
    for (Path root : roots) {
      if (Files.isDirectory(root)) {
        files.addAll(RuleFiles.below(root, SUFFIX));
      }
    }
    return files;
  }

  /**
   * Reads and checks a cases file.
   *
   * @throws CasesFormatException naming the file and the problem
   */
  public static CasesFile read(Path file) {
    CasesFile parsed;
    try {
      parsed = MAPPER.readValue(Files.readString(file, StandardCharsets.UTF_8), CasesFile.class);
    } catch (JsonProcessingException e) {
      int line = e.getLocation() == null ? 0 : Math.max(0, e.getLocation().getLineNr());
      throw new CasesFormatException(file + ":" + line + ": " + e.getOriginalMessage());
    } catch (IOException e) {
      throw new CasesFormatException(file + ":0: cannot read cases file: " + e.getMessage());
    }
    if (parsed == null || parsed.rule() == null || parsed.rule().isBlank()) {
      throw new CasesFormatException(
          file + ":0: cases file lacks \"rule\" (the id of the rule it exercises)");
    }
    if (parsed.cases().isEmpty()) {
      throw new CasesFormatException(file + ":0: cases file has no \"cases\"");
    }
    for (int i = 0; i < parsed.cases().size(); i++) {
      Case c = parsed.cases().get(i);
      String where = file + ":0: case " + (i + 1);
      if (c == null || c.title() == null || c.title().isBlank()) {
        throw new CasesFormatException(where + " lacks a \"title\"");
      }
      if (!"fire".equals(c.expect()) && !"quiet".equals(c.expect())) {
        throw new CasesFormatException(
            where
                + " (\""
                + c.title()
                + "\"): \"expect\" must be \"fire\" or \"quiet\", not "
                + (c.expect() == null ? "absent" : "\"" + c.expect() + "\""));
      }
      try {
        facts(c);
        if (c.derived() != null) {
          if (c.derived().type() == null || c.derived().type().isBlank()) {
            throw new IllegalArgumentException("\"derived\" lacks a \"type\"");
          }
          factType(c.derived().type());
        }
      } catch (IllegalArgumentException e) {
        throw new CasesFormatException(where + " (\"" + c.title() + "\"): " + e.getMessage());
      }
    }
    return parsed;
  }

  /**
   * The fact objects of a case.
   *
   * @throws IllegalArgumentException for an unknown fact type or a value that does not fit it
   */
  public static List<Object> facts(Case c) {
    List<Object> facts = new ArrayList<>();
    for (int i = 0; i < c.facts().size(); i++) {
      FactSpec spec = c.facts().get(i);
      if (spec == null || spec.type() == null || spec.type().isBlank()) {
        throw new IllegalArgumentException("fact " + (i + 1) + " lacks a \"type\"");
      }
      Class<?> type = factType(spec.type());
      try {
        JsonNode value = spec.value() == null ? MAPPER.createObjectNode() : spec.value();
        facts.add(MAPPER.treeToValue(value, type));
      } catch (JsonProcessingException | IllegalArgumentException e) {
        String message =
            e instanceof JsonProcessingException j ? j.getOriginalMessage() : e.getMessage();
        throw new IllegalArgumentException(
            "fact " + (i + 1) + " (" + spec.type() + "): " + message, e);
      }
    }
    return facts;
  }

  private static Class<?> factType(String simpleName) {
    if (simpleName.equals(Threshold.class.getSimpleName())) {
      throw new IllegalArgumentException(
          "Threshold is not a case fact: the engine inserts thresholds; use \"thresholds\": {\"name\": value}");
    }
    if (simpleName.equals(Evidence.class.getSimpleName())) {
      throw new IllegalArgumentException("Evidence is what rules insert, not a case fact");
    }
    try {
      Class<?> type = Class.forName(FACTS_PACKAGE + simpleName);
      if (!type.isRecord()) {
        throw new IllegalArgumentException(simpleName + " is not a fact record");
      }
      return type;
    } catch (ClassNotFoundException e) {
      throw new IllegalArgumentException(
          "unknown fact type \""
              + simpleName
              + "\"; use a class of "
              + FACTS_PACKAGE.substring(0, FACTS_PACKAGE.length() - 1),
          e);
    }
  }

  /** Compiles the DRL file a cases file belongs to, alone. */
  public static RuleBase compile(Path casesFile) {
    Path drl = drlFor(casesFile);
    if (!Files.isRegularFile(drl)) {
      throw new RuleCompileException(
          casesFile + ":0: no rule file " + drl.getFileName() + " beside it");
    }
    return RuleBase.compile(List.of(RuleSource.of(drl)));
  }

  /** Runs every case of a cases file against its own DRL file. */
  public static List<Result> run(Path casesFile) {
    CasesFile cases = read(casesFile);
    RuleBase base = compile(casesFile);
    checkRuleId(casesFile, cases, base);
    return cases.cases().stream().map(c -> run(base, cases.rule(), c, casesFile)).toList();
  }

  /**
   * Checks that the rule a cases file names is the one its DRL file declares.
   *
   * @throws CasesFormatException when it is not
   */
  public static void checkRuleId(Path casesFile, CasesFile cases, RuleBase base) {
    List<String> ids = base.rules().stream().map(RuleMetadata::id).toList();
    if (!ids.contains(cases.rule())) {
      throw new CasesFormatException(
          casesFile
              + ":0: cases are for rule "
              + cases.rule()
              + " but "
              + drlFor(casesFile).getFileName()
              + " declares "
              + (ids.isEmpty() ? "no rule" : String.join(", ", ids)));
    }
  }

  /** Runs one case and judges it. Never throws: a case that cannot run is a failed result. */
  public static Result run(RuleBase base, String ruleId, Case c, Path file) {
    Judgement judgement;
    try {
      // Only the rule the cases name fires: a base holding other rules judges as its file alone.
      judgement = base.evaluate(facts(c), c.thresholds(), r -> r.id().equals(ruleId));
    } catch (RuntimeException e) {
      return new Result(
          file,
          ruleId,
          c.title(),
          false,
          file + ": case \"" + c.title() + "\" could not run: " + e.getMessage(),
          List.of());
    }
    List<Finding> ofRule =
        judgement.findings().stream().filter(f -> f.ruleId().equals(ruleId)).toList();
    List<Finding> matching =
        c.subject() == null
            ? ofRule
            : ofRule.stream().filter(f -> Objects.equals(c.subject(), f.subject())).toList();
    // Only this rule fired, so every derived fact is this rule's.
    List<Object> derived = c.subject() == null ? judgement.derived() : List.of();
    List<Object> derivedMatching = derived.stream().filter(d -> matches(c.derived(), d)).toList();
    boolean passed;
    if (c.expectsFire()) {
      passed =
          c.derived() != null
              ? !derivedMatching.isEmpty()
              : !matching.isEmpty() || !derived.isEmpty();
    } else {
      passed = matching.isEmpty() && derived.isEmpty();
    }
    String on = c.subject() == null ? "" : " on subject '" + c.subject() + "'";
    String message;
    if (passed) {
      message = "ok: " + ruleId + (c.expectsFire() ? " fired" : " stayed quiet") + on;
    } else if (c.expectsFire() && c.derived() != null) {
      message =
          file
              + ": case \""
              + c.title()
              + "\": expected "
              + ruleId
              + " to derive a "
              + c.derived().type()
              + " with "
              + c.derived().value()
              + ", but it derived "
              + (derived.isEmpty() ? "nothing" : derived)
              + thresholdNote(c);
    } else if (!c.expectsFire() && !derived.isEmpty()) {
      message =
          file
              + ": case \""
              + c.title()
              + "\": expected "
              + ruleId
              + " to stay quiet, but it derived "
              + derived
              + thresholdNote(c);
    } else if (c.expectsFire()) {
      message =
          file
              + ": case \""
              + c.title()
              + "\": expected "
              + ruleId
              + " to fire"
              + on
              + ", but "
              + (ofRule.isEmpty() ? "nothing fired" : "it fired only on: " + describe(ofRule))
              + thresholdNote(c);
    } else {
      message =
          file
              + ": case \""
              + c.title()
              + "\": expected "
              + ruleId
              + " to stay quiet"
              + on
              + ", but it fired: "
              + describe(matching)
              + thresholdNote(c);
    }
    return new Result(file, ruleId, c.title(), passed, message, judgement.findings());
  }

  /**
   * Whether a derived fact is of the spec's type and has the spec's component values (no spec: any
   * fact).
   */
  static boolean matches(FactSpec spec, Object fact) {
    if (spec == null) {
      return true;
    }
    if (!fact.getClass().getSimpleName().equals(spec.type())) {
      return false;
    }
    JsonNode actual = MAPPER.valueToTree(fact);
    if (spec.value() == null) {
      return true;
    }
    for (Map.Entry<String, JsonNode> field : spec.value().properties()) {
      JsonNode got = actual.get(field.getKey());
      JsonNode want = field.getValue();
      boolean same =
          got != null
              && (got.isNumber() && want.isNumber()
                  ? got.asDouble() == want.asDouble()
                  : got.equals(want));
      if (!same) {
        return false;
      }
    }
    return true;
  }

  private static String thresholdNote(Case c) {
    return c.thresholds().isEmpty()
        ? ""
        : " (threshold overrides " + new LinkedHashMap<>(c.thresholds()) + ")";
  }

  private static String describe(List<Finding> findings) {
    return findings.stream()
        .map(
            f ->
                "\n  - "
                    + f.ruleId()
                    + " "
                    + f.severity()
                    + " on '"
                    + f.subject()
                    + "' "
                    + f.evidence()
                    + "\n    "
                    + f.message())
        .collect(Collectors.joining());
  }
}
