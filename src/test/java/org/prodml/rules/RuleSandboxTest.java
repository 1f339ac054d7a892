package org.prodml.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.lang.reflect.RecordComponent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The sandbox refuses, before Drools compiles anything, every way a rule could run code of its own
 * choosing; and it accepts what the shipped rules do.
 */
class RuleSandboxTest {
  @TempDir Path temp;

  /** A rule of the usual shape, with this condition and this action. */
  static String rule(String imports, String when, String then) {
    return "package rules.test;\n"
        + "import org.prodml.facts.ColumnProfileFact;\n"
        + "import org.prodml.facts.Evidence;\n"
        + imports
        + "rule \"TT-001 A test rule\"\n"
        + "    @id(\"TT-001\") @severity(\"INFO\") @topic(\"MISSINGNESS\") @stage(\"VALIDATE\")\n"
        + "    @explanation(\"x\") @remedy(\"y\")\n"
        + "when\n"
        + "    "
        + when
        + "\n"
        + "then\n"
        + "    "
        + then
        + "\n"
        + "end\n";
  }

  static final String FACT = "$c : ColumnProfileFact()";
  static final String REPORT = "insert(Evidence.of($c.column()));";

  /** Hostile or careless DRL, the line the refusal must name, and a word it must name. */
  static Stream<Arguments> refused() {
    return Stream.of(
        Arguments.of(
            "runs a command",
            rule("", FACT, "Runtime.getRuntime().exec(\"touch x\");"),
            10,
            "exec"),
        Arguments.of("ends the process", rule("", FACT, "System.exit(0);"), 10, "System.exit"),
        Arguments.of(
            "reads a file into its evidence",
            rule(
                "",
                FACT,
                "insert(Evidence.of(java.nio.file.Files.readString(java.nio.file.Path.of(\"/etc/passwd\"))));"),
            10,
            "java"),
        Arguments.of(
            "imports a JDK class",
            rule("import java.io.File;\n", FACT, REPORT),
            4,
            "import java.io.File"),
        Arguments.of(
            "calls out from a condition",
            rule("", "$c : ColumnProfileFact(column == System.getProperty(\"user.home\"))", REPORT),
            8,
            "System.getProperty"),
        Arguments.of(
            "reaches a class through a fact",
            rule("", "$c : ColumnProfileFact(column.getClass().getName() == \"x\")", REPORT),
            8,
            "getClass"),
        Arguments.of(
            "uses eval",
            rule("", FACT + "\n    eval(System.currentTimeMillis() > 0)", REPORT),
            9,
            "eval"),
        Arguments.of(
            "reads from an expression",
            rule("", "$c : ColumnProfileFact() from java.util.List.of()", REPORT),
            8,
            "from"),
        Arguments.of(
            "accumulates with its own code",
            rule(
                "",
                FACT
                    + "\n    $n : Number() from accumulate(ColumnProfileFact(), init(int n = 0;), action(n++;), result(n))",
                REPORT),
            9,
            "init/action/result"),
        Arguments.of(
            "declares a function",
            rule("", FACT, REPORT) + "function void f() { System.exit(1); }\n",
            12,
            "function"),
        Arguments.of(
            "declares a global",
            rule("", FACT, REPORT).replaceFirst("\n", "\nglobal java.util.List out;\n"),
            2,
            "global"),
        Arguments.of("halts the engine", rule("", FACT, "drools.halt();"), 10, "halt"),
        Arguments.of(
            "modifies a fact", rule("", FACT, "modify($c) { setColumn(\"x\") };"), 10, "action"),
        Arguments.of(
            "evaluates code in its metadata",
            rule("", FACT, REPORT).replace("@remedy(\"y\")", "@remedy(System.exit(3))"),
            6,
            "@remedy"),
        Arguments.of(
            "hides a quote in a unicode escape",
            rule("", FACT, "insert(Evidence.of(\"\\u0022); System.exit(1); //\"));"),
            10,
            "unicode escape"),
        Arguments.of(
            "matches on evidence",
            rule("", "$c : Evidence()", "insert(Evidence.of($c.subject()));"),
            8,
            "Evidence(...)"),
        Arguments.of(
            "makes an object",
            rule("", FACT, "insert(new java.io.FileWriter(\"x\"));"),
            10,
            "FileWriter"),
        Arguments.of("loops in its action", rule("", FACT, "while (true) { }"), 10, "while"),
        Arguments.of(
            "uses a regular expression",
            rule("", "$c : ColumnProfileFact(column matches \"(a+)+b\")", REPORT),
            8,
            "matches"),
        Arguments.of(
            "sets a timer",
            rule("", FACT, REPORT).replace("when\n", "    timer (int: 1s)\nwhen\n"),
            7,
            "timer"));
  }

  @ParameterizedTest(name = "a rule that {0} is refused")
  @MethodSource("refused")
  void aRuleOutsideTheSubsetIsRefusedAtItsLineBeforeDroolsRunsIt(
      String what, String drl, int line, String construct) {
    RuleCompileException e =
        assertThrows(
            RuleCompileException.class,
            () -> RuleBase.compile(List.of(new RuleSource("paragraph p1", drl))));
    String first = e.errors().get(0);
    assertTrue(first.startsWith("paragraph p1:" + line + ": "), first);
    assertTrue(first.contains(construct), first);
    assertTrue(first.contains(RuleSandbox.ALLOWED), "states the allowed subset: " + first);
  }

  @Test
  void metadataThatWouldRunWhileCompilingNeverRuns() throws IOException {
    Path marker = temp.resolve("created-by-a-rule");
    String drl =
        rule("", FACT, REPORT)
            .replace(
                "@remedy(\"y\")", "@remedy(new java.io.File(\"" + marker + "\").createNewFile())");

    assertThrows(
        RuleCompileException.class,
        () -> RuleBase.compile(List.of(new RuleSource("rules/X.drl", drl))));
    assertFalse(Files.exists(marker), "the metadata value ran while compiling");
  }

  @Test
  void whatTheShippedRulesDoIsAllowed() {
    String drl =
        rule(
            "import org.prodml.facts.Threshold;\n",
            "Threshold(name == \"missing.maxShare\", $limit : value)\n"
                + "    $c : ColumnProfileFact(missingShare > $limit, Math.abs(mean - 1) > 0,"
                + " !Double.isNaN(stddev), role in (\"train\", \"serving\"), column.startsWith(\"a\"))\n"
                + "    not ColumnProfileFact(this != $c, column == $c.column, dataset == $c.dataset)\n"
                + "    $n : Number(intValue > 0) from accumulate(ColumnProfileFact($m : missing), sum($m))\n"
                + "    $names : Object() from accumulate(ColumnProfileFact($x : column), collectList($x + \"!\"))",
            "double share = $c.count() == 0 ? 0.0 : (double) $c.missing() / $c.count();\n"
                + "    insert(Evidence.of($c.column(), \"share\", share, \"limit\", $limit, \"n\", $n.intValue(), \"names\", $names));");

    RuleBase base = RuleBase.compile(List.of(new RuleSource("rules/Ok.drl", drl)));

    assertEquals(List.of("TT-001"), base.rules().stream().map(RuleMetadata::id).toList());
  }

  @Test
  void theFactsPackageMayBeImportedOnDemandButNoOtherPackage() {
    String onDemand =
        rule("import org.prodml.facts.*;\n", "$t : Threshold(name == \"x\")\n    " + FACT, REPORT)
            .replace("import org.prodml.facts.ColumnProfileFact;\n", "");
    assertEquals(List.of(), RuleSandbox.problems(new RuleSource("rules/Star.drl", onDemand)));
    RuleBase.compile(List.of(new RuleSource("rules/Star.drl", onDemand)));

    String otherPackage = rule("import java.util.*;\n", FACT, REPORT);
    List<String> problems = RuleSandbox.problems(new RuleSource("rules/Other.drl", otherPackage));
    assertEquals(1, problems.size(), problems.toString());
    assertTrue(
        problems.get(0).startsWith("rules/Other.drl:4: import java.util.*"), problems.get(0));

    // On demand still means "fact classes": a call the sandbox refuses stays refused.
    String exits =
        rule("import org.prodml.facts.*;\n", FACT, "System.exit(0);")
            .replace("import org.prodml.facts.ColumnProfileFact;\n", "");
    assertFalse(RuleSandbox.problems(new RuleSource("rules/Exit.drl", exits)).isEmpty());
  }

  @Test
  void everyShippedRuleAndEveryCourseSolutionPassesTheSandbox() throws IOException {
    List<Path> files;
    try (Stream<Path> walk = Files.walk(Path.of("rules"))) {
      files = walk.filter(p -> p.toString().endsWith(".drl")).sorted().toList();
    }
    assertTrue(files.size() > 150, files.size() + " rule files");
    for (Path file : files) {
      assertEquals(List.of(), RuleSandbox.problems(RuleSource.of(file)), file.toString());
    }
    int paragraphs = 0;
    var yaml =
        new com.fasterxml.jackson.databind.ObjectMapper(
            new com.fasterxml.jackson.dataformat.yaml.YAMLFactory());
    var json = new com.fasterxml.jackson.databind.ObjectMapper();
    List<Path> notes;
    try (Stream<Path> walk = Files.walk(Path.of("notebooks"))) {
      notes = walk.filter(p -> p.toString().matches(".*(note\\.yaml|\\.zpln)$")).sorted().toList();
    }
    for (Path note : notes) {
      var tree = (note.toString().endsWith(".zpln") ? json : yaml).readTree(note.toFile());
      List<String> texts = new java.util.ArrayList<>();
      tree.path("paragraphs").forEach(p -> texts.add(p.path("text").asText("")));
      tree.path("exercises")
          .forEach(e -> e.path("solved").forEach(solved -> texts.add(solved.asText(""))));
      for (String text : texts) {
        if (text.startsWith("%prodml.rules")) {
          paragraphs++;
          String drl = text.substring(text.indexOf('\n') + 1);
          assertEquals(List.of(), RuleSandbox.problems(new RuleSource(note.toString(), drl)), drl);
        }
      }
    }
    assertTrue(paragraphs >= 6, paragraphs + " rule paragraphs in the course");
  }

  /**
   * The sandbox lets a rule call any accessor of a fact and a few value reads on whatever a fact
   * holds. That is safe only while facts hold values: no fact component may be an object whose
   * methods act (a stream, a file, a function), and no allowed name may be one that acts.
   */
  @Test
  void factsHoldOnlyValuesAndNoAllowedNameActs() throws Exception {
    Set<Class<?>> values =
        Set.of(
            String.class,
            boolean.class,
            int.class,
            long.class,
            double.class,
            Boolean.class,
            Integer.class,
            Long.class,
            Double.class,
            Number.class,
            Object.class,
            List.class,
            Set.class,
            Map.class);
    List<Path> factFiles;
    try (Stream<Path> walk = Files.list(Path.of("src/main/java/org/prodml/facts"))) {
      factFiles = walk.filter(p -> p.toString().endsWith("Fact.java")).toList();
    }
    assertTrue(factFiles.size() > 20);
    for (Path file : factFiles) {
      String name = file.getFileName().toString().replace(".java", "");
      Class<?> fact = Class.forName("org.prodml.facts." + name);
      for (RecordComponent c : fact.getRecordComponents()) {
        assertTrue(
            values.contains(c.getType()) || c.getType().getPackageName().equals("org.prodml.facts"),
            name + "." + c.getName() + " is a " + c.getType());
      }
    }
    for (String acting :
        List.of(
            "exec",
            "exit",
            "halt",
            "getClass",
            "forName",
            "getRuntime",
            "newInstance",
            "invoke",
            "getMethod",
            "loadClass",
            "getClassLoader",
            "start",
            "run",
            "call",
            "apply",
            "accept",
            "wait",
            "notify",
            "setAccessible",
            "write",
            "delete",
            "getProperty",
            "getenv",
            "insert",
            "retract",
            "update",
            "modify",
            "repeat",
            "matches",
            "replaceAll",
            "format")) {
      assertFalse(RuleSandbox.VALUE_METHODS.contains(acting), acting);
      RuleSandbox.STATIC_HELPERS.forEach(
          (type, methods) -> assertFalse(methods.contains(acting), type + "." + acting));
    }
  }
}
