package org.prodml.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.prodml.facts.ColumnProfileFact;

/**
 * The shipped rules load as the build precompiled them, and stay data: a file edited on disk, or
 * DRL from elsewhere, is compiled at run time (only it) and joins the precompiled rest.
 */
class PrecompiledRulesTest {
  static final Path RULES = RuleCasesTest.rulesRoot();
  static final String MISSING = "data-validation/MissingValuesAboveThreshold.drl";

  static ColumnProfileFact missing(String column, double share) {
    return new ColumnProfileFact(
        "d.csv",
        "train",
        column,
        "numeric",
        "DOUBLE",
        100,
        (long) (share * 100),
        share,
        0,
        0,
        0,
        50,
        0.5,
        0,
        1,
        0.5,
        0.1,
        null,
        0.0);
  }

  /** A copy of the shipped rules folder, to edit. */
  static Path copyOfRules(Path dir) throws IOException {
    Path copy = dir.resolve("rules");
    try (Stream<Path> walk = Files.walk(RULES)) {
      for (Path p : walk.toList()) {
        Path target = copy.resolve(RULES.relativize(p).toString());
        if (Files.isDirectory(p)) {
          Files.createDirectories(target);
        } else {
          Files.copy(p, target);
        }
      }
    }
    return copy;
  }

  static void edit(Path file, String from, String to) throws IOException {
    String text = Files.readString(file);
    assertTrue(text.contains(from), file + " no longer holds " + from);
    Files.writeString(file, text.replace(from, to));
  }

  @Test
  void theShippedCatalogLoadsPrecompiled() {
    List<RuleSource> sources = RuleFiles.load(List.of(RULES));
    RuleBase base = RuleBase.compile(sources);
    assertEquals(List.of(), base.compiledAtRunTime(), "every shipped file is precompiled");
    int declared = sources.stream().mapToInt(s -> RuleMetadataReader.ruleNames(s).size()).sum();
    assertEquals(declared, base.rules().size());
    assertEquals(
        base.rules(),
        RuleCompiler.compileAtRunTime(sources).rules(),
        "precompiled, every rule reads as the run-time compiler reads it");
  }

  @Test
  void anEditedFileIsCompiledFromDiskAloneAndChangesTheFindings(@TempDir Path dir)
      throws IOException {
    Path rules = copyOfRules(dir);
    List<Object> facts = List.of(missing("income", 0.2));
    RuleBase shipped = RuleFiles.compile(List.of(rules));
    assertEquals(List.of(), shipped.compiledAtRunTime(), "a byte-identical copy loads precompiled");
    assertEquals(
        List.of("DV-001"),
        shipped.evaluate(facts).findings().stream().map(Finding::ruleId).toList());

    Path edited = rules.resolve(MISSING);
    edit(edited, "@thresholds(\"missing.maxShare=0.05\")", "@thresholds(\"missing.maxShare=0.5\")");
    RuleBase next = RuleFiles.compile(List.of(rules));
    assertEquals(List.of(edited.toString()), next.compiledAtRunTime());
    assertEquals(0.5, next.thresholds().get("missing.maxShare"));
    assertEquals(List.of(), next.evaluate(facts).findings(), "the edit took effect, no rebuild");
    assertEquals(shipped.rules().size(), next.rules().size(), "the other rules stay loaded");
    assertEquals(edited + ":7", ruleById(next, "DV-001").origin());
  }

  @Test
  void aBrokenEditIsReportedAtItsFileAndLine(@TempDir Path dir) throws IOException {
    Path rules = copyOfRules(dir);
    Path edited = rules.resolve(MISSING);
    edit(edited, "$c : ColumnProfileFact(missingShare", "$c : ColumnProfileFakt(missingShare");
    RuleCompileException e =
        assertThrows(RuleCompileException.class, () -> RuleFiles.compile(List.of(rules)));
    assertTrue(
        e.errors().stream()
            .anyMatch(l -> l.startsWith(edited + ":18: ") && l.contains("ColumnProfileFakt")),
        () -> "expected " + edited + ":18: …, got " + e.errors());
  }

  @Test
  void aNoteRuleJoinsTheLoadedRules() {
    List<RuleSource> sources = new ArrayList<>(RuleFiles.load(List.of(RULES)));
    RuleSource paragraph =
        new RuleSource(
            "paragraph 20240101-000000_1",
            """
            package rules.note;
            import org.prodml.facts.ColumnProfileFact;
            import org.prodml.facts.Evidence;
            rule "N-001 Income is ever missing"
                @id("N-001") @severity("INFO") @topic("MISSINGNESS") @stage("VALIDATE")
                @explanation("{subject} is missing") @remedy("look at {subject}")
            when
                $c : ColumnProfileFact(column == "income", missing > 0)
            then
                insert(Evidence.of($c.column(), "missing", $c.missing()));
            end
            """);
    sources.add(paragraph);
    RuleBase base = RuleBase.compile(sources);
    assertEquals(List.of(paragraph.origin()), base.compiledAtRunTime());
    List<String> fired =
        base.evaluate(List.of(missing("income", 0.2))).findings().stream()
            .map(Finding::ruleId)
            .toList();
    assertEquals(List.of("DV-001", "N-001"), fired.stream().sorted().toList());
  }

  @Test
  void aCopyOfAShippedFileBesideItIsADuplicateAsWithoutPrecompiling(@TempDir Path dir) {
    // The same bytes twice: neither loads precompiled, so Drools sees both, as without a catalog.
    List<RuleSource> sources = new ArrayList<>(RuleFiles.load(List.of(RULES)));
    RuleSource shipped =
        sources.stream().filter(s -> s.origin().endsWith(MISSING)).findFirst().orElseThrow();
    sources.add(new RuleSource(dir.resolve("Copy.drl").toString(), shipped.text()));
    RuleCompileException e =
        assertThrows(RuleCompileException.class, () -> RuleBase.compile(sources));
    assertTrue(
        e.errors().stream().anyMatch(l -> l.contains("Duplicate rule name: DV-001")),
        e.errors()::toString);
  }

  @Test
  void overridesAndFiltersWorkOnPrecompiledRules() {
    RuleBase base = RuleFiles.compile(List.of(RULES.resolve("data-validation")));
    assertEquals(List.of(), base.compiledAtRunTime());
    List<Object> facts = List.of(missing("a", 0.2), missing("b", 0.01));
    assertEquals(1, base.evaluate(facts).findings().size());
    assertEquals(
        0, base.evaluate(facts, Map.of("missing.maxShare", 0.5), r -> true).findings().size());
    assertEquals(
        0, base.evaluate(facts, Map.of(), r -> !r.id().equals("DV-001")).findings().size());
  }

  private static RuleMetadata ruleById(RuleBase base, String id) {
    return base.rules().stream().filter(r -> r.id().equals(id)).findFirst().orElseThrow();
  }
}
