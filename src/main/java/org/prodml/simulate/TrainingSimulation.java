package org.prodml.simulate;

import java.util.List;
import org.prodml.facts.ParadigmComparisonFact;

/** The outcome of a training-paradigm simulation: per period, and summarised in the fact. */
public record TrainingSimulation(
    String dataset,
    String metric,
    boolean higherIsBetter,
    String firstPeriod,
    List<PeriodResult> periods,
    ParadigmComparisonFact fact) {}
