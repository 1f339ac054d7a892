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
        TestGroup.data(shown, 1).contains("NOTE-001\tINFO\tRANGE\tVALIDATE\tparagraph p-good:6"),
        TestGroup.data(shown, 1));
    assertTrue(!TestGroup.data(shown, 1).contains("NOTE-002"));
  }

  @Test
  void rerunningAParagraphReplacesItsRules() {
    rules("p-1", WINDY_RULE);

    InterpreterResult again = rules("p-1", WINDY_RULE.replace("NOTE-001", "NOTE-003"));
    InterpreterResult shown = group.run("prodml", "note-r", Map.of(), "show rules");

    assertEquals(Code.SUCCESS, again.code(), TestGroup.messages(again).toString());
    assertEquals(Code.SUCCESS, shown.code(), TestGroup.messages(shown).toString());
    assertTrue(TestGroup.data(shown, 1).contains("NOTE-003"));
    assertTrue(!TestGroup.data(shown, 1).contains("NOTE-001"));
  }

  @Test
  void anEmptyBodySaysWhatToWrite() {
    InterpreterResult result = rules("p-empty", "  ");

    assertEquals(Code.ERROR, result.code());
    assertTrue(TestGroup.data(result, 0).startsWith("write DRL in the paragraph"));
  }
}
