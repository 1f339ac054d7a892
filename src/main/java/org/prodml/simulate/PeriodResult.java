package org.prodml.simulate;

/**
 * One evaluation period of a training-paradigm simulation: the quality of the static model (trained
 * once) and of the dynamic one (the latest retrain) on the period's rows, and each model's age at
 * the end of the period, in days since the end of its training data.
 */
public record PeriodResult(
    String label,
    String start,
    String end,
    long rows,
    double staticValue,
    double dynamicValue,
    double staticAgeDays,
    double dynamicAgeDays,
    boolean retrained,
    long dynamicTrainingRows) {}
