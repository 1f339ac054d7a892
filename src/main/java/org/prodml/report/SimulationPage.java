package org.prodml.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.prodml.audit.SimulationResult;
import org.prodml.chart.ModelCharts;
import org.prodml.readiness.Verdict;
import org.prodml.render.ModelTables;
import org.prodml.render.TableBlock;
import org.prodml.render.Tables;
import org.prodml.rules.Severity;

/**
 * What the HTML simulation report shows, prepared in Java so the template only lays it out; its
 * tables are also what the terminal prints and the Markdown report holds.
 */
public record SimulationPage(
    String title,
    String verdict,
    boolean ready,
    long critical,
    long warnings,
    long info,
    String summary,
    Map<String, String> inputs,
    Map<String, String> parameters,
    TableBlock findings,
    List<String> charts,
    List<TableBlock> tables,
    String version) {

  public static SimulationPage of(SimulationResult result) {
    List<String> charts = new ArrayList<>();
    if (result.training() != null) {
      charts.add(ModelCharts.training(result.training()));
    } else {
      charts.add(ModelCharts.inferenceWeeks(result.inference().weeks()));
      charts.add(ModelCharts.latency(result.inference().serving().latency()));
      charts.add(ModelCharts.coverage(result.inference().serving().coverageByKeyFrequency()));
    }
    return new SimulationPage(
        title(result),
        result.verdict().name(),
        result.verdict() == Verdict.READY,
        result.count(Severity.CRITICAL),
        result.count(Severity.WARNING),
        result.count(Severity.INFO),
        result.summary(),
        result.inputs(),
        result.parameters(),
        Tables.findings("findings", result.findings()),
        charts,
        tables(result),
        result.version());
  }

  static String title(SimulationResult result) {
    return result.paradigm().equals("training")
        ? "Static vs dynamic training"
        : "Static vs dynamic inference";
  }

  /**
   * The comparison: per period static against dynamic quality and a summary (training), or both
   * modes' coverage, latency, freshness and cost, by key frequency and per week (inference).
   */
  public static List<TableBlock> tables(SimulationResult result) {
    if (result.training() != null) {
      return List.of(
          ModelTables.trainingPeriods(result.training()),
          ModelTables.trainingSummary(result.comparison()));
    }
    var serving = result.inference().serving();
    return List.of(
        ModelTables.serving(serving.modes()),
        ModelTables.coverage(serving.coverageByKeyFrequency(), serving.keyColumns()),
        ModelTables.inferenceWeeks(result.inference().weeks()));
  }
}
