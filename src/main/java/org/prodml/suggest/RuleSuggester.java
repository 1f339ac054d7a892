package org.prodml.suggest;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import org.prodml.data.ValueType;
import org.prodml.facts.ColumnDomainFact;
import org.prodml.facts.ColumnProfileFact;
import org.prodml.profile.ColumnProfile;
import org.prodml.profile.DatasetProfile;
import org.prodml.profile.ProfileFacts;
import org.prodml.profile.ValueCount;

/**
 * Suggests data constraints from a reference dataset's profile, as DRL rules in the project's
 * convention (one rule per constraint, complete metadata, the action only states evidence) that a
 * person reads, edits and commits, after Deequ's constraint suggestion. Each rule checks the {@code
 * ColumnProfileFact} (or {@code ColumnDomainFact}) of any later data on its own, without comparing
 * it with the reference. Per column:
 *
 * <ul>
 *   <li><b>completeness</b>: a column with no missing value must stay complete; one with a missing
 *       share p may rise to p plus {@value #COMPLETENESS_Z} standard errors of p on the reference's
 *       rows (Deequ's RetainCompletenessRule uses 1.96; a wider margin keeps honest spans quiet);
 *   <li><b>type</b>: values keep the reference's type and parse (when they all did);
 *   <li><b>range</b> (numbers, not times, which move on by design): the observed [min, max] widened
 *       by {@value #RANGE_MARGIN} of its width on each side and rounded outward to a readable step
 *       (a tenth of the width's order of magnitude); a column that was never negative keeps 0 as
 *       its lower bound (Deequ's NonNegativeNumbersRule);
 *   <li><b>domain</b> (categorical and boolean columns whose values were all counted, with at most
 *       {@value #MAX_DOMAIN} values making up at most a tenth of the rows, like Deequ's
 *       CategoricalRangeRule): every value must be one of the reference's;
 *   <li><b>uniqueness</b> (non-decimal columns whose distinct count reaches {@value
 *       #UNIQUE_MIN_RATIO} of their values, Deequ's UniqueIfApproximatelyUniqueRule): stays at that
 *       ratio or above; less {@value #UNIQUE_TOLERANCE} when the reference had more than {@value
 *       #EXACT_DISTINCT} values, beyond which the profiler's distinct count is a sketch estimate
 *       (about 1.6% error).
 * </ul>
 */
public final class RuleSuggester {
  public static final String DEFAULT_PREFIX = "SG";
  static final double RANGE_MARGIN = 0.1;
  static final double COMPLETENESS_Z = 3.0;
  static final int MAX_DOMAIN = 30;
  static final double MAX_DOMAIN_SHARE = 0.1;
  static final double UNIQUE_MIN_RATIO = 0.99;
  static final double UNIQUE_TOLERANCE = 0.02;
  static final int MIN_UNIQUE_VALUES = 20;

  /** Up to this many distinct values the profiler counts them exactly. */
  static final int EXACT_DISTINCT = 8192;

  static final String COURSE = "Production ML systems › Monitoring pipelines › Data schema";
  static final String IMPORTS =
      """
      import org.prodml.facts.ColumnDomainFact;
      import org.prodml.facts.ColumnProfileFact;
      import org.prodml.facts.Evidence;
      """;

  private static final ObjectMapper JSON =
      JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

  private RuleSuggester() {}

  /** Suggested rules with ids {@value #DEFAULT_PREFIX}-001, -002 … */
  public static Suggestion suggest(DatasetProfile profile, String datasetName) {
    return suggest(profile, datasetName, DEFAULT_PREFIX);
  }

  /**
   * Suggested rules with ids {@code <idPrefix>-001} …; use a prefix of your own per rules folder,
   * since ids must be unique across all rule folders.
   */
  public static Suggestion suggest(DatasetProfile profile, String datasetName, String idPrefix) {
    if (!idPrefix.matches("[A-Z]{2,5}")) {
      throw new IllegalArgumentException(
          "id prefix '" + idPrefix + "' must be 2 to 5 capital letters, like SG");
    }
    String drlPackage = "rules.suggested." + packageSegment(datasetName);
    Builder b = new Builder(profile, datasetName, idPrefix, drlPackage);
    for (ColumnProfile c : profile.columns()) {
      if (c.count() == 0) {
        continue;
      }
      b.completeness(c);
      b.type(c);
      if (c.kind() == ValueType.Kind.NUMERIC
          && c.numeric() != null
          && Double.isFinite(c.numeric().min())) {
        b.range(c);
      }
      if (!c.kind().ordered()
          && c.frequenciesComplete()
          && !c.frequencies().isEmpty()
          && c.frequencies().size() <= MAX_DOMAIN
          && c.frequencies().size() <= MAX_DOMAIN_SHARE * Math.max(1, c.present())) {
        b.domain(c);
      }
      if (c.type() != ValueType.DOUBLE
          && c.distinct() >= MIN_UNIQUE_VALUES
          && c.present() > 0
          && (double) c.distinct() / c.present() >= UNIQUE_MIN_RATIO) {
        b.uniqueness(c);
      }
    }
    StringBuilder drl = new StringBuilder();
    drl.append("// Constraints suggested from ")
        .append(profile.source())
        .append(" (")
        .append(datasetName)
        .append(", ")
        .append(profile.rows())
        .append(" rows) by ./prodml rules suggest.\n")
        .append(
            "// Read and edit before use; committed under rules/, keep one rule per file (Suggestion.files()).\n")
        .append("package ")
        .append(drlPackage)
        .append(";\n\n")
        .append(IMPORTS);
    ArrayNode cases = JSON.createArrayNode();
    for (SuggestedRule r : b.rules) {
      drl.append('\n').append(r.rule());
      try {
        cases.add(JSON.readTree(r.cases()));
      } catch (java.io.IOException e) {
        throw new IllegalStateException(e);
      }
    }
    return new Suggestion(
        datasetName,
        profile.source(),
        drlPackage,
        idPrefix,
        List.copyOf(b.rules),
        drl.toString(),
        cases.toPrettyString() + "\n");
  }

  /** Builds the rules one by one, numbering them. */
  private static final class Builder {
    final DatasetProfile profile;
    final String dataset;
    final String prefix;
    final String drlPackage;
    final List<SuggestedRule> rules = new ArrayList<>();
    final Set<String> fileNames = new LinkedHashSet<>();

    Builder(DatasetProfile profile, String dataset, String prefix, String drlPackage) {
      this.profile = profile;
      this.dataset = dataset;
      this.prefix = prefix;
      this.drlPackage = drlPackage;
    }

    ColumnProfileFact reference(ColumnProfile c) {
      return ProfileFacts.column(profile.source(), "train", c);
    }

    void completeness(ColumnProfile c) {
      double p = c.missingShare();
      double limit =
          p == 0
              ? 0
              : Math.min(1, ceil(p + COMPLETENESS_Z * Math.sqrt(p * (1 - p) / c.count()), 0.001));
      String claim =
          p == 0
              ? c.name() + " is complete"
              : c.name() + " is missing at most " + percent(limit) + " of its values";
      String explanation =
          "Column {subject} is missing {missingShare:%} of its values in the {role} data ({dataset}); in the "
              + "reference data "
              + percent(p)
              + " were missing, so at most {limit:%} may be"
              + (p == 0 ? " (none)." : " (the reference share plus three standard errors).")
              + " A column that loses values often means an upstream source that is failing or a join that no longer matches.";
      String remedy =
          "Find why {subject} is missing upstream and fix it; if the new share is expected, raise the limit in this rule.";
      String when =
          "$c : ColumnProfileFact(column == "
              + quote(c.name())
              + ", missingShare > "
              + number(limit)
              + ")";
      String then =
          "insert(Evidence.of($c.column(), \"role\", $c.role(), \"dataset\", $c.dataset(), \"missingShare\", $c.missingShare(), "
              + "\"missing\", $c.missing(), \"limit\", "
              + number(limit)
              + "));";
      ObjectNode ref = JSON.valueToTree(reference(c));
      ObjectNode damaged = ref.deepCopy();
      double share = Math.min(1, limit + 0.1);
      damaged.put("missingShare", share);
      damaged.put("missing", Math.round(share * c.count()));
      add(
          c,
          "completeness",
          "MISSINGNESS",
          "WARNING",
          claim,
          "IsComplete",
          explanation,
          remedy,
          when,
          then,
          List.of(
              quiet("the reference data", "ColumnProfileFact", ref),
              fire("a tenth more of the values missing", "ColumnProfileFact", damaged, c.name())));
    }

    void type(ColumnProfile c) {
      String type = c.type().name();
      boolean parsed = c.invalid() == 0;
      String claim = c.name() + " keeps type " + type;
      String explanation =
          "Column {subject} of the {role} data ({dataset}) is read as {type}"
              + (parsed ? " with {invalidCount} value(s) that do not parse as " + type : "")
              + "; in the reference data it was "
              + type
              + (parsed ? " and every value parsed" : "")
              + ". A changed type means the producer changed its format (a unit, a code, text in a number), and the model "
              + "reads the values wrongly or not at all.";
      String remedy =
          "Find the values of {subject} that are not "
              + type
              + " and fix them at the source; if the type really "
              + "changed, update this rule and retrain.";
      String when =
          "$c : ColumnProfileFact(column == "
              + quote(c.name())
              + ", type != "
              + quote(type)
              + (parsed ? " || invalidCount > 0" : "")
              + ")";
      String then =
          "insert(Evidence.of($c.column(), \"role\", $c.role(), \"dataset\", $c.dataset(), \"type\", $c.type(), "
              + "\"invalidCount\", $c.invalidCount(), \"expectedType\", "
              + quote(type)
              + "));";
      ObjectNode ref = JSON.valueToTree(reference(c));
      ObjectNode other = ref.deepCopy();
      other.put("type", type.equals("STRING") ? "DOUBLE" : "STRING");
      List<ObjectNode> cases =
          new ArrayList<>(
              List.of(
                  quiet("the reference data", "ColumnProfileFact", ref),
                  fire("read as another type", "ColumnProfileFact", other, c.name())));
      if (parsed) {
        ObjectNode invalid = ref.deepCopy();
        invalid.put("invalidCount", 3);
        cases.add(fire("three values that do not parse", "ColumnProfileFact", invalid, c.name()));
      }
      add(
          c,
          "type",
          "SCHEMA",
          "CRITICAL",
          claim,
          "KeepsItsType",
          explanation,
          remedy,
          when,
          then,
          cases);
    }

    void range(ColumnProfile c) {
      boolean integral = c.type() == ValueType.INTEGER || c.type() == ValueType.LONG;
      double min = c.numeric().min();
      double max = c.numeric().max();
      double width = max - min;
      double margin = width > 0 ? width * RANGE_MARGIN : Math.max(Math.abs(max) * RANGE_MARGIN, 1);
      double step = Math.pow(10, Math.floor(Math.log10(Math.max(width, margin))) - 1);
      if (integral) {
        step = Math.max(1, step);
      }
      double lower = min >= 0 ? Math.max(0, floor(min - margin, step)) : floor(min - margin, step);
      double upper = ceil(max + margin, step);
      String claim = c.name() + " stays within [" + number(lower) + ", " + number(upper) + "]";
      String explanation =
          "Column {subject} of the {role} data ({dataset}) spans [{min}, {max}], beyond the suggested range "
              + "[{lower}, {upper}]: the reference data spanned ["
              + number(min)
              + ", "
              + number(max)
              + "], widened by a tenth of "
              + "its width on each side"
              + (min >= 0 ? " and never below 0" : "")
              + ". Values outside what the model was trained on "
              + "often mean a unit change or a broken sensor, and the model extrapolates.";
      String remedy =
          "Look at the rows of {subject} outside [{lower}, {upper}]: fix a unit or encoding change at the source; "
              + "if the world really moved, widen the range here and retrain on data that covers it.";
      String when =
          "$c : ColumnProfileFact(column == "
              + quote(c.name())
              + ", min < "
              + number(lower)
              + " || max > "
              + number(upper)
              + ")";
      String then =
          "insert(Evidence.of($c.column(), \"role\", $c.role(), \"dataset\", $c.dataset(), \"min\", $c.min(), "
              + "\"max\", $c.max(), \"lower\", "
              + number(lower)
              + ", \"upper\", "
              + number(upper)
              + "));";
      ObjectNode ref = JSON.valueToTree(reference(c));
      ObjectNode high = ref.deepCopy();
      high.put("max", upper + (upper - lower) / 2);
      ObjectNode low = ref.deepCopy();
      low.put("min", lower - Math.max(1, (upper - lower) / 2));
      add(
          c,
          "range",
          "RANGE",
          "WARNING",
          claim,
          "StaysInItsRange",
          explanation,
          remedy,
          when,
          then,
          List.of(
              quiet("the reference data", "ColumnProfileFact", ref),
              fire("a value far above the range", "ColumnProfileFact", high, c.name()),
              fire("a value far below the range", "ColumnProfileFact", low, c.name())));
    }

    void domain(ColumnProfile c) {
      Set<String> values = new TreeSet<>();
      for (ValueCount v : c.frequencies()) {
        values.add(v.value());
      }
      String list = String.join(", ", values.stream().map(RuleSuggester::quote).toList());
      String shown = String.join(", ", values);
      String claim = c.name() + " takes only its " + values.size() + " known values";
      String explanation =
          "Column {subject} of the {role} data ({dataset}) holds the value '{value}', which the reference data "
              + "never held (its values: {domain}). A new category is unknown to the model: it falls into a default or an "
              + "unseen one-hot slot, and it often means the producer renamed or split a code.";
      String remedy =
          "Map '{value}' to a known value of {subject} at the source, or add it here once the model is retrained on "
              + "data that holds it.";
      String when =
          "$d : ColumnDomainFact(column == "
              + quote(c.name())
              + ")\n    $value : String(this not in ("
              + list
              + ")) from $d.values()";
      String then =
          "insert(Evidence.of($d.column(), \"role\", $d.role(), \"dataset\", $d.dataset(), \"value\", $value, "
              + "\"domain\", "
              + quote(shown)
              + "));";
      ObjectNode ref =
          JSON.valueToTree(
              new ColumnDomainFact(profile.source(), "train", c.name(), List.copyOf(values), true));
      ObjectNode damaged = ref.deepCopy();
      String unseen = unseenValue(values);
      ((ArrayNode) damaged.get("values")).add(unseen);
      add(
          c,
          "domain",
          "DOMAIN",
          "WARNING",
          claim,
          "StaysInItsDomain",
          explanation,
          remedy,
          when,
          then,
          List.of(
              quiet("the reference values", "ColumnDomainFact", ref),
              fire("a value never seen in the reference", "ColumnDomainFact", damaged, c.name())));
    }

    void uniqueness(ColumnProfile c) {
      double limit =
          c.distinct() > EXACT_DISTINCT ? UNIQUE_MIN_RATIO - UNIQUE_TOLERANCE : UNIQUE_MIN_RATIO;
      String claim = c.name() + " stays unique";
      String explanation =
          "Only {uniqueRatio:%} of the values of {subject} in the {role} data ({dataset}) are distinct "
              + "({distinct} distinct values); in the reference data practically every value was (limit {limit:%}). Repeated "
              + "keys mean duplicated rows or a join that fans out, which weigh some examples twice.";
      String remedy =
          "Find the repeated values of {subject}: remove duplicated rows or fix the join upstream.";
      String when =
          "$c : ColumnProfileFact(column == "
              + quote(c.name())
              + ", uniqueRatio < "
              + number(limit)
              + ")";
      String then =
          "insert(Evidence.of($c.column(), \"role\", $c.role(), \"dataset\", $c.dataset(), \"uniqueRatio\", "
              + "$c.uniqueRatio(), \"distinct\", $c.distinct(), \"limit\", "
              + number(limit)
              + "));";
      ObjectNode ref = JSON.valueToTree(reference(c));
      ObjectNode damaged = ref.deepCopy();
      damaged.put("uniqueRatio", 0.5);
      damaged.put("distinct", c.count() / 2);
      add(
          c,
          "uniqueness",
          "DUPLICATES",
          "WARNING",
          claim,
          "StaysUnique",
          explanation,
          remedy,
          when,
          then,
          List.of(
              quiet("the reference data", "ColumnProfileFact", ref),
              fire("every value twice", "ColumnProfileFact", damaged, c.name())));
    }

    void add(
        ColumnProfile c,
        String constraint,
        String topic,
        String severity,
        String claim,
        String fileSuffix,
        String explanation,
        String remedy,
        String when,
        String then,
        List<ObjectNode> cases) {
      String id = String.format(Locale.ROOT, "%s-%03d", prefix, rules.size() + 1);
      String fileName = uniqueFileName(camel(c.name()) + fileSuffix);
      String rule =
          "rule "
              + quote(id + " " + claim)
              + "\n"
              + "    @id(\""
              + id
              + "\")\n"
              + "    @severity(\""
              + severity
              + "\")\n"
              + "    @topic(\""
              + topic
              + "\")\n"
              + "    @stage(\"VALIDATE\")\n"
              + "    @course(\""
              + COURSE
              + "\")\n"
              + "    @suggestedFrom(\""
              + metadata(profile.source())
              + "\")\n"
              + "    @constraint(\""
              + constraint
              + "\")\n"
              + "    @explanation(\""
              + metadata(explanation)
              + "\")\n"
              + "    @remedy(\""
              + metadata(remedy)
              + "\")\n"
              + "when\n    "
              + when
              + "\nthen\n    "
              + then
              + "\nend\n";
      String drl =
          "// Suggested from "
              + profile.source()
              + " ("
              + dataset
              + "); edit to taste.\n"
              + "package "
              + drlPackage
              + ";\n\n"
              + IMPORTS
              + "\n"
              + rule;
      ObjectNode file = JSON.createObjectNode();
      file.put("rule", id);
      ArrayNode list = file.putArray("cases");
      cases.forEach(list::add);
      rules.add(
          new SuggestedRule(
              id, constraint, c.name(), claim, fileName, rule, drl, file.toPrettyString() + "\n"));
    }

    String uniqueFileName(String base) {
      String name = base;
      for (int i = 2; !fileNames.add(name); i++) {
        name = base + i;
      }
      return name;
    }
  }

  private static ObjectNode quiet(String title, String type, ObjectNode value) {
    ObjectNode c = JSON.createObjectNode();
    c.put("title", title);
    c.put("expect", "quiet");
    c.putArray("facts").addObject().put("type", type).set("value", value);
    return c;
  }

  private static ObjectNode fire(String title, String type, ObjectNode value, String subject) {
    ObjectNode c = JSON.createObjectNode();
    c.put("title", title);
    c.put("expect", "fire");
    c.put("subject", subject);
    c.putArray("facts").addObject().put("type", type).set("value", value);
    return c;
  }

  /** A DRL string literal. */
  static String quote(String text) {
    return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
  }

  /** Metadata values are quoted without escapes: keep them free of double quotes. */
  static String metadata(String text) {
    return text.replace("\"", "'").replace("\\", "/");
  }

  /** A number as DRL reads it, always with a decimal point, never in exponent form. */
  static String number(double x) {
    String plain = BigDecimal.valueOf(x).stripTrailingZeros().toPlainString();
    return plain.contains(".") ? plain : plain + ".0";
  }

  static String percent(double share) {
    return BigDecimal.valueOf(share * 100)
            .setScale(1, java.math.RoundingMode.HALF_UP)
            .stripTrailingZeros()
            .toPlainString()
        + "%";
  }

  private static double floor(double x, double step) {
    return BigDecimal.valueOf(Math.floor(x / step))
        .multiply(BigDecimal.valueOf(step))
        .doubleValue();
  }

  private static double ceil(double x, double step) {
    return BigDecimal.valueOf(Math.ceil(x / step - 1e-9))
        .multiply(BigDecimal.valueOf(step))
        .doubleValue();
  }

  /** A value not in the domain, for the case that must fire. */
  private static String unseenValue(Set<String> values) {
    String candidate = "never-seen";
    for (int i = 2; values.contains(candidate); i++) {
      candidate = "never-seen-" + i;
    }
    return candidate;
  }

  /**
   * "temp_max" → "TempMax"; a leading digit gets a "Column" prefix, as file names must start with a
   * letter.
   */
  static String camel(String column) {
    StringBuilder out = new StringBuilder();
    for (String part : column.split("[^A-Za-z0-9]+")) {
      if (!part.isEmpty()) {
        out.append(Character.toUpperCase(part.charAt(0))).append(part.substring(1));
      }
    }
    String name = out.length() == 0 ? "Column" : out.toString();
    return Character.isLetter(name.charAt(0)) ? name : "Column" + name;
  }

  /** "seattle-weather" → "seattleweather": a valid, lower-case package segment. */
  static String packageSegment(String dataset) {
    String s = dataset.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
    return s.isEmpty() || !Character.isLetter(s.charAt(0)) ? "d" + s : s;
  }
}
