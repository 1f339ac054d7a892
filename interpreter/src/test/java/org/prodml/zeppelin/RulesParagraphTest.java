package org.prodml.zeppelin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.Properties;
import org.apache.zeppelin.interpreter.InterpreterResult;
import org.apache.zeppelin.interpreter.InterpreterResult.Code;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.prodml.stages.Stages;

/**
 * %prodml.rules adds DRL to the note's rules only when it compiles; errors name the paragraph's
 * line.
 */
class RulesParagraphTest {
  static final String WINDY_RULE =
      """
      package rules.note;

      import org.prodml.facts.ColumnProfileFact;
      import org.prodml.facts.Evidence;

      rule "NOTE-001 Wind above 5 m/s"
          @id("NOTE-001")
          @severity("INFO")
          @topic("RANGE")
          @stage("VALIDATE")
          @explanation("Column {subject} reaches {max} m/s.")
          @remedy("Check the unit of {subject}.")
      when
          $c : ColumnProfileFact(column == "wind", max > 5)
      then
          insert(Evidence.of($c.column(), "max", $c.max()));
      end
      """;

  private TestGroup group;

  @BeforeEach
  void open() {
    Properties properties = TestGroup.properties();
    properties.setProperty(ProdmlSettings.MAX_ROWS, "500"); // every rule in "show rules"
    group = TestGroup.create(properties, Stages.registry());
  }

  @AfterEach
  void close() throws Exception {
    group.close();
  }

  private InterpreterResult rules(String paragraphId, String drl) {
    return TestGroup.run(
        group.get("rules"), TestGroup.context("note-r", paragraphId, Map.of()), drl);
  }

  @Test
  void aRuleThatCompilesJoinsTheNoteAndFiresInValidate() {
    InterpreterResult added = rules("20240101-000000_1", WINDY_RULE);
    group.run("load", "note-r", Map.of("file", "tiny-weather/data.csv"), "");
    InterpreterResult validated = group.run("validate", "note-r", Map.of(), "");

    assertEquals(Code.SUCCESS, added.code(), TestGroup.messages(added).toString());
    assertTrue(
        TestGroup.data(added, 0).startsWith("Added 1 rule to this note; it now judges with "),
        TestGroup.data(added, 0));
    assertEquals(
        "rule\tseverity\ttopic\tstage\tline\texplanation\n"
            + "NOTE-001\tINFO\tRANGE\tVALIDATE\t6\tColumn {subject} reaches {max} m/s.\n",
        TestGroup.data(added, 2));
    assertTrue(
        TestGroup.messages(validated).stream()
            .anyMatch(m -> m.contains("NOTE-001\tRANGE\twind\tColumn wind reaches 6.1 m/s.")),
        TestGroup.messages(validated).toString());
  }

  @Test
  void aSyntaxErrorPointsAtTheParagraphAndLineAndKeepsTheEarlierRules() {
    rules("p-good", WINDY_RULE);
    String broken = WINDY_RULE.replace("NOTE-001", "NOTE-002").replace("max > 5)", "max > )");

    InterpreterResult result = rules("p-broken", broken);
    InterpreterResult shown = group.run("prodml", "note-r", Map.of(), "show rules");

    assertEquals(Code.ERROR, result.code());
    assertTrue(
        TestGroup.data(result, 0).startsWith("paragraph p-broken:14: "), TestGroup.data(result, 0));
    assertTrue(
        TestGroup.data(shown, 2).contains("NOTE-001\tINFO\tRANGE\tVALIDATE\tparagraph p-good:6"),
        TestGroup.data(shown, 2));
    assertTrue(!TestGroup.data(shown, 2).contains("NOTE-002"));
  }

  @Test
  void rerunningAParagraphReplacesItsRules() {
    rules("p-1", WINDY_RULE);

    InterpreterResult again = rules("p-1", WINDY_RULE.replace("NOTE-001", "NOTE-003"));
    InterpreterResult shown = group.run("prodml", "note-r", Map.of(), "show rules");

    assertEquals(Code.SUCCESS, again.code(), TestGroup.messages(again).toString());
    assertEquals(Code.SUCCESS, shown.code(), TestGroup.messages(shown).toString());
    assertTrue(TestGroup.data(shown, 2).contains("NOTE-003"));
    assertTrue(!TestGroup.data(shown, 2).contains("NOTE-001"));
    // the graders of the exercises are counted, never listed: their names would give answers away
    assertTrue(TestGroup.data(shown, 0).contains(" rules that grade exercises are not listed"));
    assertTrue(!TestGroup.data(shown, 2).contains("EX-"), TestGroup.data(shown, 2));
  }

  @Test
  void anEmptyBodySaysWhatToWrite() {
    InterpreterResult result = rules("p-empty", "  ");

    assertEquals(Code.ERROR, result.code());
    assertTrue(TestGroup.data(result, 0).startsWith("write DRL in the paragraph"));
  }

  @Test
  void aRuleThatRunsACommandIsRefusedAtItsLineAndTheNextParagraphRuns() throws Exception {
    java.nio.file.Path marker = java.nio.file.Files.createTempFile("prodml-sandbox", ".marker");
    java.nio.file.Files.delete(marker);
    String hostile =
        WINDY_RULE.replace(
            "insert(Evidence.of($c.column(), \"max\", $c.max()));",
            "Runtime.getRuntime().exec(new String[] {\"touch\", \"" + marker + "\"});");

    InterpreterResult refused = rules("p-exec", hostile);
    group.run("load", "note-r", Map.of("file", "tiny-weather/data.csv"), "");
    InterpreterResult validated = group.run("validate", "note-r", Map.of(), "");

    assertEquals(Code.ERROR, refused.code());
    assertTrue(
        TestGroup.data(refused, 0).startsWith("paragraph p-exec:16: the call "),
        TestGroup.data(refused, 0));
    assertEquals(1, TestGroup.data(refused, 0).lines().count());
    assertEquals(Code.SUCCESS, validated.code(), TestGroup.messages(validated).toString());
    assertTrue(!java.nio.file.Files.exists(marker), "the command ran");
  }

  @Test
  void aRuleThatLoopsIsStoppedByTheBudgetNamedAndTheNextParagraphRuns() throws Exception {
    group.close();
    Properties properties = TestGroup.properties();
    properties.setProperty(ProdmlSettings.RULES_MAX_SECONDS, "2");
    group = TestGroup.create(properties, Stages.registry());
    String looping =
        WINDY_RULE
            .replace("NOTE-001 Wind above 5 m/s", "NOTE-009 Feeds itself")
            .replace("@id(\"NOTE-001\")", "@id(\"NOTE-009\")")
            .replace("import org.prodml.facts.Evidence;", "import org.prodml.facts.FeatureFact;")
            .replace("$c : ColumnProfileFact(column == \"wind\", max > 5)", "FeatureFact()")
            .replace(
                "insert(Evidence.of($c.column(), \"max\", $c.max()));",
                "insert(FeatureFact.feature(\"again\"));");
    assertEquals(Code.SUCCESS, rules("p-loop", looping).code());
    group.run("load", "note-r", Map.of("file", "tiny-weather/data.csv"), "");
    long start = System.nanoTime();

    InterpreterResult stopped = group.run("audit", "note-r", Map.of(), "");
    long millis = (System.nanoTime() - start) / 1_000_000;
    InterpreterResult next = group.run("prodml", "note-r", Map.of(), "status");

    assertEquals(Code.ERROR, stopped.code());
    String error = TestGroup.data(stopped, 0);
    assertTrue(error.startsWith("rules stopped after "), error);
    assertTrue(error.contains("NOTE-009 Feeds itself"), error);
    assertTrue(millis < 15_000, "stopped after " + millis + " ms");
    assertEquals(Code.SUCCESS, next.code(), TestGroup.messages(next).toString());
  }

  @Test
  void cancelStopsALoopingRuleWithinASecond() throws Exception {
    String looping =
        WINDY_RULE
            .replace("NOTE-001 Wind above 5 m/s", "NOTE-010 Feeds itself")
            .replace("@id(\"NOTE-001\")", "@id(\"NOTE-010\")")
            .replace("import org.prodml.facts.Evidence;", "import org.prodml.facts.FeatureFact;")
            .replace("$c : ColumnProfileFact(column == \"wind\", max > 5)", "FeatureFact()")
            .replace(
                "insert(Evidence.of($c.column(), \"max\", $c.max()));",
                "insert(FeatureFact.feature(\"again\"));");
    assertEquals(Code.SUCCESS, rules("p-loop", looping).code());
    group.run("load", "note-r", Map.of("file", "tiny-weather/data.csv"), "");
    var audit = group.get("audit");
    var context = TestGroup.context("note-r", "p-audit", Map.of());
    var running =
        java.util.concurrent.CompletableFuture.supplyAsync(() -> TestGroup.run(audit, context, ""));
    Thread.sleep(1_000);

    long cancelledAt = System.nanoTime();
    audit.cancel(context);
    InterpreterResult result = running.get(10, java.util.concurrent.TimeUnit.SECONDS);
    long stopMillis = (System.nanoTime() - cancelledAt) / 1_000_000;

    assertEquals(Code.ERROR, result.code());
    assertEquals("cancelled", TestGroup.data(result, 0));
    assertTrue(stopMillis < 2_500, "stopped " + stopMillis + " ms after cancel");
    assertEquals(Code.SUCCESS, group.run("prodml", "note-r", Map.of(), "status").code());
  }
}
