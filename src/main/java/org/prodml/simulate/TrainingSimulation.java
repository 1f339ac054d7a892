package org.prodml.simulate;

import java.util.List;
import org.prodml.facts.ParadigmComparisonFact;
import org.prodml.text.Format;

/**
 * The outcome of a training-paradigm simulation: per period, summarised in the fact, and the
 * simulation that ran.
 */
public record TrainingSimulation(
    String dataset,
    String metric,
    boolean higherIsBetter,
    String firstPeriod,
    List<PeriodResult> periods,
    ParadigmComparisonFact fact,
    TrainingSimulationSpec spec) {

  /** The outcome in one sentence: which paradigm kept up, by how much, from when, at what cost. */
  public String summary() {
    ParadigmComparisonFact f = fact;
    return "Static trained once on "
        + firstPeriod
        + "; dynamic retrained every "
        + spec.retrainEveryDays()
        + " days on a "
        + spec.windowKind()
        + " window. Over "
        + f.periods()
        + " periods of "
        + spec.periodDays()
        + " days, mean "
        + metric
        + " static "
        + number(f.staticMean())
        + " vs dynamic "
        + number(f.dynamicMean())
        + "; static was behind by more than "
        + number(spec.tolerance())
        + " in "
        + f.periodsStaticBehind()
        + " periods"
        + (Double.isNaN(f.stalenessDays())
            ? ""
            : ", first at model age " + number(f.stalenessDays()) + " days")
        + ". Cost: "
        + f.staticRuns()
        + " training ("
        + number(f.staticCostMs())
        + " ms) vs "
        + f.dynamicRuns()
        + " ("
        + number(f.dynamicCostMs())
        + " ms).";
  }

  static String number(double d) {
    return Double.isNaN(d) ? "" : Format.number(d);
  }
}
