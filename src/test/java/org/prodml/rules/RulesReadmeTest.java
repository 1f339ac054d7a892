package org.prodml.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * rules/README.md is generated from the rules; this fails when a rule changed without regenerating.
 * Run with {@code -Dprodml.writeReadme=true} to regenerate instead of comparing.
 */
class RulesReadmeTest {

  @Test
  void checkedInReadmeIsUpToDate() throws IOException {
    Path root = RuleCasesTest.rulesRoot();
    Path readme = root.resolve("README.md");
    List<Path> folders = RuleCatalog.folders(root);
    if (Boolean.getBoolean("prodml.writeReadme")) {
      RulesReadme.write(readme, folders);
    }
    String expected = RulesReadme.generate(folders);
    String actual =
        Files.isRegularFile(readme) ? Files.readString(readme, StandardCharsets.UTF_8) : "";
    assertEquals(
        expected,
        actual,
        readme
            + " is out of date with the rules; regenerate it with:\n  "
            + RulesReadme.REGENERATE
            + "\n");
  }

  @Test
  void generationIsDeterministicAndListsEveryRule(@TempDir Path dir) throws IOException {
    Path rules = RuleCatalogTest.project(dir);
    RuleCatalogTest.rule(
        rules,
        "ZeroRows",
        RuleCatalogTest.drl(
            "DV-002",
            RuleCatalogTest.METADATA + "\n    @course(\"Monitoring pipelines: Data schema\")",
            "",
            RuleCatalogTest.WHEN),
        RuleCatalogTest.cases("DV-002"));
    List<Path> folders = RuleCatalog.folders(rules);
    String first = RulesReadme.generate(folders);
    assertEquals(first, RulesReadme.generate(folders));
    assertTrue(first.contains("## Data validation"), first);
    assertTrue(
        first.contains(
            "| DV-001 | WARNING | MISSINGNESS | VALIDATE | [Column has too many missing values]"
                + "(data-validation/MissingValues.drl) | `missing.maxShare` = 0.05 |"),
        first);
    assertTrue(
        first.contains("| Course section |")
            && first.contains("Monitoring pipelines: Data schema |"),
        first);
    Path readme = rules.resolve("README.md");
    RulesReadme.write(readme, folders);
    assertEquals(first, Files.readString(readme));
    try (var left = Files.list(rules)) {
      assertEquals(
          0,
          left.filter(p -> p.getFileName().toString().endsWith(".tmp")).count(),
          "temp file left behind");
    }
  }
}
