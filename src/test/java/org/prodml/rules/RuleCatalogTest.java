package org.prodml.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RuleCatalogTest {
  private static final Pattern PROBLEM = Pattern.compile("(?s)[^\\s:][^:]*:\\d+: .+");

  @Test
  void theRealCatalogFollowsTheConvention() {
    List<String> problems = RuleLint.lint(RuleCasesTest.rulesRoot());
    assertEquals(List.of(), problems, () -> "lint problems:\n" + String.join("\n", problems));
  }

  @Test
  void theRealCatalogListsEveryRuleWithItsMetadata() {
    List<RuleCatalog.Entry> entries =
        RuleCatalog.list(RuleCatalog.folders(RuleCasesTest.rulesRoot()));
    Set<String> ids = new HashSet<>();
    for (RuleCatalog.Entry e : entries) {
      assertTrue(ids.add(e.id()), "duplicate " + e.id());
      assertTrue(e.file().toString().endsWith(".drl") && e.line() > 0, e.toString());
      assertTrue(!e.explanation().isBlank() && !e.remedy().isBlank(), e.id());
    }
    assertTrue(ids.containsAll(List.of("DV-001", "DV-002", "DV-024")), ids.toString());
    RuleCatalog.Entry first = entries.get(0);
    assertEquals("DV-001", first.id());
    assertEquals("Column has too many missing values", first.claim());
    assertEquals(0.05, first.thresholds().get("missing.maxShare"));
    assertEquals("data-validation", first.folder());
  }

  // A small rules folder in a temporary project, broken one way per test.

  static final String CATALOG =
      """
      {"folders": {"data-validation": {"prefix": "DV", "package": "rules.datavalidation", "title": "Data validation"}}}
      """;

  static String drl(String id, String metadata, String imports, String when) {
    return """
        package rules.datavalidation;

        import org.prodml.facts.ColumnProfileFact;
        import org.prodml.facts.Evidence;
        import org.prodml.facts.Threshold;
        %s
        rule "%s Column has too many missing values"
            @id("%s")
        %s
        when
        %s
        then
            insert(Evidence.of($c.column(), "missingShare", $c.missingShare(), "limit", $limit));
        end
        """
        .formatted(imports, id, id, metadata, when);
  }

  static final String METADATA =
      """
          @severity("WARNING")
          @topic("MISSINGNESS")
          @stage("VALIDATE")
          @thresholds("missing.maxShare=0.05")
          @explanation("{subject} is missing {missingShare:%} (limit {limit:%})")
          @remedy("Fix {subject}.")""";

  static final String WHEN =
      """
          Threshold(name == "missing.maxShare", $limit : value)
          $c : ColumnProfileFact(missingShare > $limit)""";

  static String cases(String id) {
    return """
        { "rule": "%s", "cases": [
          { "title": "fires", "expect": "fire", "subject": "a",
            "facts": [ {"type": "ColumnProfileFact", "value": {"column": "a", "missingShare": 0.5}} ] },
          { "title": "quiet", "expect": "quiet",
            "facts": [ {"type": "ColumnProfileFact", "value": {"column": "a", "missingShare": 0.0}} ] } ] }
        """
        .formatted(id);
  }

  /** A project with one good rule; returns its rules folder. */
  static Path project(Path dir) throws IOException {
    Path rules = dir.resolve("rules");
    Files.createDirectories(rules.resolve("data-validation"));
    Files.writeString(rules.resolve("catalog.json"), CATALOG);
    rule(rules, "MissingValues", drl("DV-001", METADATA, "", WHEN), cases("DV-001"));
    return rules;
  }

  static void rule(Path rules, String name, String drl, String cases) throws IOException {
    Path folder = rules.resolve("data-validation");
    Files.writeString(folder.resolve(name + ".drl"), drl);
    if (cases != null) {
      Files.writeString(folder.resolve(name + ".cases.json"), cases);
    }
  }

  /** Lints and asserts that one problem names the file (and line) and says the expected thing. */
  static String assertProblem(Path rules, String file, String... words) {
    List<String> problems = RuleLint.lint(rules);
    for (String p : problems) {
      assertTrue(PROBLEM.matcher(p).matches(), "not file:line: message: " + p);
    }
    return problems.stream()
        .filter(p -> p.contains(file) && List.of(words).stream().allMatch(p::contains))
        .findFirst()
        .orElseThrow(
            () ->
                new AssertionError(
                    "expected a problem in "
                        + file
                        + " mentioning "
                        + List.of(words)
                        + "; got:\n"
                        + String.join("\n", problems)));
  }

  @Test
  void aGoodRuleHasNoProblems(@TempDir Path dir) throws IOException {
    assertEquals(List.of(), RuleLint.lint(project(dir)));
  }

  @Test
  void catchesADuplicateId(@TempDir Path dir) throws IOException {
    Path rules = project(dir);
    rule(
        rules,
        "AlsoMissingValues",
        drl("DV-001", METADATA, "", WHEN)
            .replace(
                "Column has too many missing values", "Column still has too many missing values"),
        cases("DV-001"));
    String p = assertProblem(rules, "MissingValues.drl", "id DV-001 is already used by");
    assertTrue(p.matches("(?s).*\\.drl:7: .*"), p);
  }

  @Test
  void catchesMissingRemedy(@TempDir Path dir) throws IOException {
    Path rules = project(dir);
    rule(
        rules,
        "NoRemedy",
        drl("DV-002", METADATA.replaceAll("(?m)^.*@remedy.*$", ""), "", WHEN),
        cases("DV-002"));
    assertProblem(rules, "NoRemedy.drl", "lacks metadata @remedy");
  }

  @Test
  void catchesAnUnknownTopic(@TempDir Path dir) throws IOException {
    Path rules = project(dir);
    rule(
        rules,
        "BadTopic",
        drl("DV-002", METADATA.replace("MISSINGNESS", "MISSING_STUFF"), "", WHEN),
        cases("DV-002"));
    assertProblem(rules, "BadTopic.drl", "unknown topic", "MISSING_STUFF");
  }

  @Test
  void refusesAnImportOutsideTheFactsAndEval(@TempDir Path dir) throws IOException {
    Path rules = project(dir);
    rule(
        rules,
        "ImportsList",
        drl("DV-002", METADATA, "import java.util.List;", WHEN),
        cases("DV-002"));
    String p =
        assertProblem(
            rules, "ImportsList.drl", "import java.util.List is not allowed", RuleSandbox.ALLOWED);
    assertTrue(p.contains("ImportsList.drl:6: "), p);
    rule(
        rules,
        "Qualified",
        drl("DV-003", METADATA, "", WHEN + "\n    eval(org.prodml.rules.RuleFiles.class != null)"),
        cases("DV-003"));
    assertProblem(rules, "Qualified.drl", "eval(...) is not allowed", RuleSandbox.ALLOWED);
  }

  @Test
  void catchesAMissingCasesFileAndAnOrphanCasesFile(@TempDir Path dir) throws IOException {
    Path rules = project(dir);
    rule(rules, "NoCases", drl("DV-002", METADATA, "", WHEN), null);
    assertProblem(rules, "NoCases.drl", "no cases file NoCases.cases.json");
    Files.writeString(rules.resolve("data-validation/Orphan.cases.json"), cases("DV-009"));
    assertProblem(rules, "Orphan.cases.json", "without a rule file Orphan.drl");
  }

  @Test
  void catchesCasesThatNeverStayQuiet(@TempDir Path dir) throws IOException {
    Path rules = project(dir);
    String onlyFire = cases("DV-002").replace("\"quiet\"", "\"fire\"");
    rule(rules, "OnlyFire", drl("DV-002", METADATA, "", WHEN), onlyFire);
    assertProblem(rules, "OnlyFire.cases.json", "one that stays quiet");
  }

  @Test
  void reportsADrlSyntaxErrorAsFileLineMessage(@TempDir Path dir) throws IOException {
    Path rules = project(dir);
    rule(
        rules,
        "Broken",
        drl(
            "DV-002",
            METADATA,
            "",
            WHEN.replace("missingShare > $limit)", "missingShare > $limit")),
        cases("DV-002"));
    String p = assertProblem(rules, "Broken.drl");
    assertTrue(
        p.matches("(?s).*Broken\\.drl:(1[4-9]|2[0-9]): .+"),
        "the error should point at the broken pattern: " + p);
  }

  @Test
  void catchesAWrongPrefixAndPackage(@TempDir Path dir) throws IOException {
    Path rules = project(dir);
    rule(rules, "WrongPrefix", drl("MT-002", METADATA, "", WHEN), cases("MT-002"));
    assertProblem(rules, "WrongPrefix.drl", "id MT-002 should read DV-nnn");
    rule(
        rules,
        "WrongPackage",
        drl("DV-003", METADATA, "", WHEN)
            .replace("package rules.datavalidation;", "package rules.other;"),
        cases("DV-003"));
    assertProblem(
        rules, "WrongPackage.drl:1: ", "package rules.other should be rules.datavalidation");
  }

  @Test
  void catchesThresholdsThatAreNotRead(@TempDir Path dir) throws IOException {
    Path rules = project(dir);
    rule(
        rules,
        "Unread",
        drl(
            "DV-002",
            METADATA.replace("missing.maxShare=0.05", "missing.maxShare=0.05, unused.limit=3"),
            "",
            WHEN),
        cases("DV-002"));
    assertProblem(rules, "Unread.drl", "threshold unused.limit is declared but never read");
    rule(
        rules,
        "Undeclared",
        drl("DV-003", METADATA, "", WHEN + "\n    Threshold(name == \"other.limit\", $o : value)"),
        cases("DV-003"));
    assertProblem(rules, "Undeclared.drl", "conditions read threshold other.limit");
    rule(
        rules,
        "OtherDefault",
        drl("DV-004", METADATA.replace("missing.maxShare=0.05", "missing.maxShare=0.1"), "", WHEN),
        cases("DV-004"));
    assertProblem(
        rules, "OtherDefault.drl", "threshold missing.maxShare defaults to 0.1 here but to 0.05");
  }

  @Test
  void catchesPlaceholdersWithoutEvidence(@TempDir Path dir) throws IOException {
    Path rules = project(dir);
    rule(
        rules,
        "Typo",
        drl("DV-002", METADATA.replace("{missingShare:%}", "{missingShar:%}"), "", WHEN),
        cases("DV-002"));
    assertProblem(rules, "Typo.drl", "uses {missingShar}");
  }

  @Test
  void catchesTwoRulesInOneFileAndAnUnnamedClaim(@TempDir Path dir) throws IOException {
    Path rules = project(dir);
    String two =
        drl("DV-002", METADATA, "", WHEN)
            + drl("DV-003", METADATA, "", WHEN)
                .replaceAll("(?s)^.*?(?=rule )", "")
                .replace("Column has too many", "Column again has too many");
    rule(rules, "TwoRules", two, cases("DV-002"));
    assertProblem(rules, "TwoRules.drl", "declares 2 rules");
    rule(
        rules,
        "NoClaim",
        drl("DV-004", METADATA, "", WHEN)
            .replace("DV-004 Column has too many missing values", "Too many missing values"),
        cases("DV-004"));
    assertProblem(rules, "NoClaim.drl", "should be \"DV-004 <the claim as a sentence>\"");
  }

  @Test
  void catchesUnlistedFoldersAndRulesOnTheClasspath(@TempDir Path dir) throws IOException {
    Path rules = project(dir);
    Files.createDirectories(rules.resolve("readiness"));
    Files.writeString(
        rules.resolve("readiness/Ready.drl"), RuleCatalogTest.drl("MT-001", METADATA, "", WHEN));
    assertProblem(rules, "readiness", "not listed in");
    Path resources = dir.resolve("src/main/resources/rules");
    Files.createDirectories(resources);
    Files.writeString(resources.resolve("Hidden.drl"), drl("DV-009", METADATA, "", WHEN));
    assertProblem(rules, "Hidden.drl", "rule file on the classpath");
  }
}
