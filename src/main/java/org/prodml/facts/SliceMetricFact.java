package org.prodml.facts;

/**
 * A model's headline metric on one slice of the evaluation rows (the rows with one value of a
 * column) next to its value on all rows.
 *
 * @param model the model's id
 * @param column the column the rows were sliced by
 * @param slice the value (or value range) of the slice
 * @param rows rows in the slice
 * @param metric the metric's name
 * @param sliceValue the metric on the slice
 * @param overallValue the metric on all rows
 * @param gap how much worse the slice is than all rows (positive = worse), in the metric's units
 * @param higherIsBetter whether a higher metric is better
 */
public record SliceMetricFact(
    String model,
    String column,
    String slice,
    long rows,
    String metric,
    double sliceValue,
    double overallValue,
    double gap,
    boolean higherIsBetter) {}
