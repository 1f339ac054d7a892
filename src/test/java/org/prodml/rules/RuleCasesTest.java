package org.prodml.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;
import org.prodml.facts.ColumnProfileFact;

/** Runs every worked case of every rule: one test per case, named "<ruleId> <title>". */
class RuleCasesTest {

  static Path rulesRoot() {
    return Path.of(System.getProperty("prodml.home", ".")).resolve("rules");
  }

  /**
   * Each case runs twice: against its rule as a run loads it (precompiled by the build, its file
   * alone) and against the whole catalog compiled at run time (what an edited file goes through),
   * only its rule firing. Both must pass and make the same findings.
   */
  @TestFactory
  Stream<DynamicNode> everyCaseOfEveryRule() {
    List<Path> files = RuleCases.find(List.of(rulesRoot()));
    assertFalse(files.isEmpty(), "no *.cases.json under " + rulesRoot());
    RuleBase atRunTime = RuleCompiler.compileAtRunTime(RuleFiles.load(List.of(rulesRoot())));
    List<DynamicNode> nodes = new ArrayList<>();
    for (Path file : files) {
      String label = rulesRoot().relativize(file).toString();
      RuleCases.CasesFile cases;
      RuleBase base;
      try {
        cases = RuleCases.read(file);
        base = RuleCases.compile(file);
        RuleCases.checkRuleId(file, cases, base);
      } catch (RuntimeException e) {
        nodes.add(
            DynamicTest.dynamicTest(
                label + " (cannot run)", file.toUri(), () -> fail(e.getMessage(), e)));
        continue;
      }
      List<DynamicTest> tests =
          cases.cases().stream()
              .map(
                  c ->
                      DynamicTest.dynamicTest(
                          cases.rule() + " " + c.title(),
                          file.toUri(),
                          () -> {
                            assertEquals(
                                List.of(),
                                base.compiledAtRunTime(),
                                "the build precompiled this file (rebuild: mvn package)");
                            RuleCases.Result result = RuleCases.run(base, cases.rule(), c, file);
                            assertTrue(result.passed(), result.message());
                            RuleCases.Result compiled =
                                RuleCases.run(atRunTime, cases.rule(), c, file);
                            assertTrue(
                                compiled.passed(), "compiled at run time: " + compiled.message());
                            assertEquals(
                                result.findings(),
                                compiled.findings(),
                                "precompiled and compiled at run time, the findings differ");
                          }))
              .toList();
      nodes.add(DynamicContainer.dynamicContainer(label, file.toUri(), tests.stream()));
    }
    return nodes.stream();
  }

  // The harness itself.

  private static final String DRL =
      """
      package rules.test;
      import org.prodml.facts.ColumnProfileFact;
      import org.prodml.facts.Evidence;
      import org.prodml.facts.Threshold;
      rule "T-001 Column has NaN values"
          @id("T-001") @severity("WARNING") @topic("NUMERIC_STABILITY") @stage("VALIDATE")
          @thresholds("nan.max=0")
          @explanation("{subject} has {nan} NaN") @remedy("fix {subject}")
      when
          Threshold(name == "nan.max", $max : value)
          $c : ColumnProfileFact(nanCount > $max)
      then
          insert(Evidence.of($c.column(), "nan", $c.nanCount(), "mean", $c.mean()));
      end
      """;

  private static Path write(Path dir, String name, String text) throws IOException {
    Path file = dir.resolve(name);
    Files.writeString(file, text);
    return file;
  }

  @Test
  void nanAndInfinityAreReadQuotedOrBare(@TempDir Path dir) throws IOException {
    write(dir, "HasNaN.drl", DRL);
    Path cases =
        write(
            dir,
            "HasNaN.cases.json",
            """
        { "rule": "T-001", "cases": [
          { "title": "quoted", "expect": "fire", "subject": "a",
            "facts": [ {"type": "ColumnProfileFact", "value": {"column": "a", "nanCount": 1, "mean": "NaN", "max": "Infinity", "min": "-Infinity"}} ] },
          { "title": "bare", "expect": "fire", "subject": "b",
            "facts": [ {"type": "ColumnProfileFact", "value": {"column": "b", "nanCount": 1, "mean": NaN, "max": Infinity}} ] },
          { "title": "override", "expect": "quiet", "thresholds": {"nan.max": 5},
            "facts": [ {"type": "ColumnProfileFact", "value": {"column": "c", "nanCount": 1}} ] }
        ] }
        """);
    RuleCases.CasesFile file = RuleCases.read(cases);
    ColumnProfileFact quoted = (ColumnProfileFact) RuleCases.facts(file.cases().get(0)).get(0);
    assertTrue(Double.isNaN(quoted.mean()));
    assertEquals(Double.POSITIVE_INFINITY, quoted.max());
    assertEquals(Double.NEGATIVE_INFINITY, quoted.min());
    ColumnProfileFact bare = (ColumnProfileFact) RuleCases.facts(file.cases().get(1)).get(0);
    assertTrue(Double.isNaN(bare.mean()));
    assertEquals(0, bare.count(), "absent numbers default to 0");
    assertEquals(null, bare.role(), "absent texts default to null");
    List<RuleCases.Result> results = RuleCases.run(cases);
    results.forEach(r -> assertTrue(r.passed(), r.message()));
  }

  @Test
  void aFailingCaseSaysWhatFired(@TempDir Path dir) throws IOException {
    write(dir, "HasNaN.drl", DRL);
    Path cases =
        write(
            dir,
            "HasNaN.cases.json",
            """
        { "rule": "T-001", "cases": [
          { "title": "wrong subject", "expect": "fire", "subject": "zzz",
            "facts": [ {"type": "ColumnProfileFact", "value": {"column": "a", "nanCount": 2}} ] },
          { "title": "not quiet", "expect": "quiet",
            "facts": [ {"type": "ColumnProfileFact", "value": {"column": "a", "nanCount": 2}} ] },
          { "title": "nothing", "expect": "fire", "facts": [] }
        ] }
        """);
    List<RuleCases.Result> results = RuleCases.run(cases);
    assertFalse(results.get(0).passed());
    assertTrue(
        results.get(0).message().contains("fired only on")
            && results.get(0).message().contains("'a'"),
        results.get(0).message());
    assertFalse(results.get(1).passed());
    assertTrue(results.get(1).message().contains("a has 2 NaN"), results.get(1).message());
    assertFalse(results.get(2).passed());
    assertTrue(results.get(2).message().contains("nothing fired"), results.get(2).message());
    assertEquals("T-001 wrong subject", results.get(0).name());
  }

  @Test
  void malformedCasesAreRejectedWithTheFileName(@TempDir Path dir) throws IOException {
    write(dir, "HasNaN.drl", DRL);
    String[][] bad = {
      {
        "{\"rule\": \"T-001\", \"cases\": [{\"title\": \"x\", \"expect\": \"fires\", \"facts\": []}]}",
        "\"expect\""
      },
      {
        "{\"rule\": \"T-001\", \"cases\": [{\"title\": \"x\", \"expect\": \"fire\", \"facts\": [{\"type\": \"NoSuchFact\", \"value\": {}}]}]}",
        "unknown fact type"
      },
      {
        "{\"rule\": \"T-001\", \"cases\": [{\"title\": \"x\", \"expect\": \"fire\", \"facts\": [{\"type\": \"ColumnProfileFact\", \"value\": {\"colum\": \"a\"}}]}]}",
        "colum"
      },
      {
        "{\"rule\": \"T-001\", \"cases\": [{\"title\": \"x\", \"expect\": \"fire\", \"facts\": [{\"type\": \"Threshold\", \"value\": {}}]}]}",
        "thresholds"
      },
      {
        "{\"rule\": \"T-001\", \"cases\": [{\"title\": \"x\", \"expected\": \"fire\", \"facts\": []}]}",
        "expected"
      },
      {"{\"cases\": []}", "\"rule\""},
      {"{\"rule\": \"T-001\", \"cases\": [", "HasNaN.cases.json:"},
    };
    for (String[] b : bad) {
      Path cases = write(dir, "HasNaN.cases.json", b[0]);
      RuleCases.CasesFormatException e =
          assertThrows(RuleCases.CasesFormatException.class, () -> RuleCases.read(cases));
      assertTrue(
          e.getMessage().contains("HasNaN.cases.json") && e.getMessage().contains(b[1]),
          e.getMessage());
    }
    Path otherRule =
        write(
            dir,
            "HasNaN.cases.json",
            "{\"rule\": \"T-002\", \"cases\": [{\"title\": \"x\", \"expect\": \"fire\", \"facts\": []}]}");
    RuleCases.CasesFormatException e =
        assertThrows(RuleCases.CasesFormatException.class, () -> RuleCases.run(otherRule));
    assertTrue(
        e.getMessage().contains("T-002") && e.getMessage().contains("T-001"), e.getMessage());
  }
}
