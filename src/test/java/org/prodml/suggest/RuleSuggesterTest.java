package org.prodml.suggest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.prodml.profile.CsvProfiler;
import org.prodml.profile.DatasetProfile;
import org.prodml.profile.ProfileFacts;
import org.prodml.profile.ProfileOptions;
import org.prodml.rules.Finding;
import org.prodml.rules.RuleBase;
import org.prodml.rules.RuleCases;
import org.prodml.rules.RuleCatalog;
import org.prodml.rules.RuleSource;

/** Suggested rules compile, stay quiet on their reference data and fire on a damaged copy. */
class RuleSuggesterTest {
  static final Path DATA = Path.of("datasets/seattle-weather/data.csv");
  static DatasetProfile reference;
  static Suggestion suggestion;
  static RuleBase rules;

  @BeforeAll
  static void suggest() {
    reference = CsvProfiler.profile(DATA, ProfileOptions.defaults().withLabel("weather"));
    suggestion = RuleSuggester.suggest(reference, "seattle-weather");
    rules = RuleBase.compile(List.of(new RuleSource("suggested.drl", suggestion.drl())));
  }

  static List<Object> facts(DatasetProfile profile, String role) {
    List<Object> facts = new ArrayList<>(ProfileFacts.of(profile, role));
    facts.addAll(ColumnDomains.facts(profile, role));
    return facts;
  }

  @Test
  void suggestsTheConstraintsEachColumnSupports() {
    assertEquals("rules.suggested.seattleweather", suggestion.drlPackage());
    Set<String> kinds = new TreeSet<>();
    suggestion.rules().forEach(r -> kinds.add(r.column() + ":" + r.constraint()));
    assertEquals(
        new TreeSet<>(
            List.of(
                "date:completeness",
                "date:type",
                "date:uniqueness",
                "precipitation:completeness",
                "precipitation:type",
                "precipitation:range",
                "temp_max:completeness",
                "temp_max:type",
                "temp_max:range",
                "temp_min:completeness",
                "temp_min:type",
                "temp_min:range",
                "wind:completeness",
                "wind:type",
                "wind:range",
                "weather:completeness",
                "weather:type",
                "weather:domain")),
        kinds);
    assertEquals(rules.rules().size(), suggestion.rules().size());
    assertEquals("SG-001", suggestion.rules().get(0).id());
    // temp_max spans [-1.6, 35.6]: widened by 3.72 each side, rounded outward to whole degrees.
    assertTrue(
        suggestion
            .drl()
            .contains("ColumnProfileFact(column == \"temp_max\", min < -6.0 || max > 40.0)"),
        suggestion.drl());
    // precipitation was never negative: its lower bound stays 0.
    assertTrue(
        suggestion
            .drl()
            .contains("ColumnProfileFact(column == \"precipitation\", min < 0.0 || max > 62.0)"));
    assertTrue(
        suggestion
            .drl()
            .contains("String(this not in (\"drizzle\", \"fog\", \"rain\", \"snow\", \"sun\"))"));
  }

  @Test
  void theReferenceDataRaisesNothing() {
    assertEquals(List.of(), rules.evaluate(facts(reference, "train")).findings());
    DatasetProfile serving =
        CsvProfiler.profile(
            Path.of("datasets/seattle-weather/spans/serving-2015.csv"),
            ProfileOptions.defaults().withLabel("weather"));
    assertEquals(
        List.of(),
        rules.evaluate(facts(serving, "serving")).findings(),
        "a later span inside the reference");
  }

  @Test
  void aDamagedCopyRaisesTheRightFindings(@TempDir Path dir) throws IOException {
    List<String> lines = Files.readAllLines(DATA, StandardCharsets.UTF_8);
    List<String> damaged = new ArrayList<>(lines);
    for (int row = 1; row < damaged.size(); row++) {
      String[] f =
          damaged.get(row).split(",", -1); // date,precipitation,temp_max,temp_min,wind,weather
      if (row == 10) {
        f[2] = "60.5"; // a heat no Seattle day had: Fahrenheit slipped in
      }
      if (row == 20) {
        f[5] = "hail"; // a new category
      }
      if (row >= 30 && row < 60) {
        f[4] = ""; // wind missing on 30 days
      }
      if (row == 70) {
        f[1] = "trace"; // text in a number column
      }
      damaged.set(row, String.join(",", f));
    }
    damaged.add(damaged.get(1)); // a repeated day
    for (int i = 0; i < 40; i++) {
      damaged.add(damaged.get(2 + i));
    }
    Path file = dir.resolve("damaged.csv");
    Files.write(file, damaged, StandardCharsets.UTF_8);
    DatasetProfile profile =
        CsvProfiler.profile(file, ProfileOptions.defaults().withLabel("weather"));
    List<Finding> findings = rules.evaluate(facts(profile, "serving")).findings();

    Map<String, String> constraintOf = new java.util.HashMap<>();
    suggestion.rules().forEach(r -> constraintOf.put(r.id(), r.column() + ":" + r.constraint()));
    Set<String> fired = new TreeSet<>();
    findings.forEach(f -> fired.add(constraintOf.get(f.ruleId())));
    assertEquals(
        new TreeSet<>(
            List.of(
                "temp_max:range",
                "weather:domain",
                "wind:completeness",
                "precipitation:type",
                "date:uniqueness")),
        fired,
        fired.toString());
    Finding hail =
        findings.stream()
            .filter(f -> constraintOf.get(f.ruleId()).equals("weather:domain"))
            .findFirst()
            .orElseThrow();
    assertEquals("hail", hail.evidence().get("value"));
    assertEquals("weather", hail.subject());
    Finding heat =
        findings.stream()
            .filter(f -> constraintOf.get(f.ruleId()).equals("temp_max:range"))
            .findFirst()
            .orElseThrow();
    assertEquals(60.5, heat.evidence().get("max"));
    assertTrue(
        heat.message().contains("[-6, 40]") || heat.message().contains("[-6.0, 40.0]"),
        heat.message());
  }

  @Test
  void committedOneRulePerFileTheyPassTheLintAndTheirCases(@TempDir Path dir) throws IOException {
    Path rulesRoot = dir.resolve("rules");
    Path folder = rulesRoot.resolve("seattle-weather");
    Files.createDirectories(folder);
    Files.writeString(
        rulesRoot.resolve("catalog.json"),
        "{\"folders\": {" + suggestion.catalogEntry("seattle-weather") + "}}");
    for (Map.Entry<String, String> e : suggestion.files().entrySet()) {
      Files.writeString(folder.resolve(e.getKey()), e.getValue());
    }
    assertEquals(List.of(), RuleCatalog.lint(rulesRoot));
    for (Path cases : RuleCases.find(List.of(folder))) {
      for (RuleCases.Result r : RuleCases.run(cases)) {
        assertTrue(r.passed(), r.message());
      }
    }
    assertEquals(suggestion.rules().size() * 2, suggestion.files().size());
  }

  @Test
  void namesAreSafe() {
    assertEquals("TempMax", RuleSuggester.camel("temp_max"));
    assertEquals("Column2ndValue", RuleSuggester.camel("2nd value"));
    assertEquals("d2015sales", RuleSuggester.packageSegment("2015-sales"));
    assertEquals("\"a \\\"b\\\"\"", RuleSuggester.quote("a \"b\""));
    assertEquals("40.0", RuleSuggester.number(40));
    assertEquals("0.001", RuleSuggester.number(0.001));
  }
}
