package org.prodml.zeppelin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.zeppelin.interpreter.InterpreterResult;
import org.apache.zeppelin.interpreter.InterpreterResult.Code;
import org.apache.zeppelin.interpreter.InterpreterResult.Type;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.prodml.stages.Stages;

/** Stage paragraphs through the group, asserting the exact %table payloads Zeppelin receives. */
class StageParagraphTest {
  private TestGroup group;

  @BeforeEach
  void open() {
    Properties properties = TestGroup.properties();
    properties.setProperty(ProdmlSettings.MAX_ROWS, "50");
    group = TestGroup.create(properties, Stages.registry());
  }

  @AfterEach
  void close() throws Exception {
    group.close();
  }

  @Test
  void loadShowsTheColumnsWithTypesAndRolesFromDatasetJson() {
    InterpreterResult result =
        group.run("load", "note-1", Map.of("file", "tiny-weather/data.csv"), "");

    assertEquals(Code.SUCCESS, result.code());
    assertEquals(
        "TEXT:Loaded 12 rows × 6 columns from tiny-weather/data.csv as 'data' (one day of weather observations).",
        TestGroup.messages(result).get(0));
    assertEquals(
        "HTML:<h5 class=\"prodml-title\">columns of data</h5>", TestGroup.messages(result).get(1));
    assertEquals(Type.TABLE, result.message().get(2).getType());
    assertEquals(
        """
        column\ttype\trole\tmissing
        date\tLOCAL_DATE\ttime\t0
        precipitation\tDOUBLE\tfeature\t0
        temp_max\tDOUBLE\tfeature\t0
        wind\tDOUBLE\tfeature\t0
        weather\tSTRING\tlabel\t0
        remark\tSTRING\tfeature\t3
        """,
        TestGroup.data(result, 2));
  }

  @Test
  void firstRowsKeepTabsAndNewlinesInsideCellsFromBreakingTheTable() {
    InterpreterResult result =
        group.run("load", "note-1", Map.of("file", "tiny-weather/data.csv"), "");

    assertEquals(
        "HTML:<h5 class=\"prodml-title\">first rows of data</h5>",
        TestGroup.messages(result).get(3));
    assertEquals(
        """
        date\tprecipitation\ttemp_max\twind\tweather\tremark
        2012-01-01\t0\t12.8\t4.7\tdrizzle\tcalm
        2012-01-02\t10.9\t10.6\t4.5\train\twet and grey
        2012-01-03\t0.8\t11.7\t2.3\train\t
        2012-01-04\t20.3\t12.2\t4.7\train\tstorm at night
        2012-01-05\t1.3\t8.9\t6.1\train\twindy
        2012-01-06\t2.5\t4.4\t2.2\train\tcold
        2012-01-07\t0\t7.2\t2.3\tsun\tclear
        2012-01-08\t0\t10\t2\tsun\tclear
        2012-01-09\t4.3\t9.4\t3.4\train\t
        2012-01-10\t1\t6.1\t3.4\train\tlight, steady
        """,
        TestGroup.data(result, 4));
    assertEquals(
        "HTML:<div class=\"result-alert alert-warning\" role=\"alert\"><strong>2 more rows</strong> not shown"
            + " (10 of 12).</div>",
        TestGroup.messages(result).get(5));
  }

  @Test
  void profileShowsOneRowPerColumnAndInlineSvgCharts() {
    group.run("load", "note-1", Map.of("file", "tiny-weather/data.csv"), "");

    InterpreterResult result = group.run("profile", "note-1", Map.of(), "");

    assertEquals(Code.SUCCESS, result.code());
    assertEquals("TEXT:Profiled 'data': 12 rows, 6 columns.", TestGroup.messages(result).get(0));
    List<String> lines = TestGroup.data(result, 2).lines().toList();
    assertEquals(
        "column\ttype\trows\tmissing\tNaN/Inf\tinvalid\tdistinct\tmin\tmax\tmean\tstddev\tmedian\ttop values",
        lines.get(0));
    assertEquals(
        "precipitation\tDOUBLE\t12\t0\t0\t0\t8\t0\t20.3\t3.425\t6.166\t0.8\t", lines.get(2));
    assertEquals(7, lines.size());
    assertEquals(Type.HTML, result.message().get(3).getType());
    assertTrue(TestGroup.data(result, 3).contains("<svg"), "charts are inline SVG");
    assertTrue(!TestGroup.data(result, 3).contains("<script"), "no script in charts");
  }

  @Test
  void anUnknownParameterIsAOneLineErrorThatNamesTheClosestParameter() {
    InterpreterResult result =
        group.run("load", "note-1", Map.of("fil", "tiny-weather/data.csv"), "");

    assertEquals(Code.ERROR, result.code());
    assertEquals(1, result.message().size());
    assertEquals(
        "%prodml.load has no parameter 'fil'; did you mean 'file'? (it takes afterLabel, as, engine, file,"
            + " group, ignore, label, master, pii, time, types)",
        TestGroup.data(result, 0));
  }

  @Test
  void aStageBeforeItsInputSaysWhichParagraphToRunFirst() {
    InterpreterResult result = group.run("validate", "note-1", Map.of(), "");

    assertEquals(Code.ERROR, result.code());
    assertTrue(
        TestGroup.data(result, 0).startsWith("no 'data' data yet: run %prodml.load(file=…"),
        TestGroup.data(result, 0));
  }

  @Test
  void theNoteKeepsItsPipelineAfterAParagraphFails() {
    group.run("load", "note-1", Map.of("file", "tiny-weather/data.csv"), "");
    InterpreterResult failed =
        group.run("load", "note-1", Map.of("file", "tiny-weather/missing.csv"), "");

    InterpreterResult status = group.run("prodml", "note-1", Map.of(), "status");

    assertEquals(Code.ERROR, failed.code());
    assertEquals(Code.SUCCESS, status.code());
    assertEquals(
        """
        table\trows\tcolumns\tsource\tprofiled
        data\t12\t6\ttiny-weather/data.csv\tyes
        """,
        TestGroup.data(status, 2));
  }

  @Test
  void showFindingsListsSeverityRuleTopicSubjectMessageRemedy() {
    group.run("load", "note-1", Map.of("file", "tiny-weather/data.csv"), "");
    InterpreterResult validate = group.run("validate", "note-1", Map.of(), "");

    InterpreterResult shown = group.run("prodml", "note-1", Map.of(), "show findings");

    assertEquals(Code.SUCCESS, validate.code(), TestGroup.messages(validate).toString());
    String findings =
        shown.message().stream()
            .filter(m -> m.getType() == Type.TABLE)
            .findFirst()
            .orElseThrow()
            .getData();
    assertEquals(
        "severity\trule\ttopic\tsubject\tmessage\tremedy",
        findings.lines().findFirst().orElseThrow());
    assertTrue(
        findings
            .lines()
            .skip(1)
            .anyMatch(line -> line.split("\t").length == 6 && line.contains("\tremark\t")),
        "the remark column's missing values are a finding:\n" + findings);
  }
}
