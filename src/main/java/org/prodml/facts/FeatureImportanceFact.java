package org.prodml.facts;

/**
 * How much a model relies on one input column, by permutation: the column's values are shuffled
 * among the evaluation rows (breaking its link with the label) and the headline metric measured
 * again.
 *
 * @param model the model's id
 * @param feature the raw input column
 * @param metric the metric's name
 * @param importance mean worsening of the metric over the repeats (positive = the model needs the
 *     column; about 0 = it does not; negative = shuffling helped)
 * @param spread standard deviation of the worsening over the repeats
 * @param relativeImportance importance divided by the largest importance of any column
 * @param repeats shuffles per column
 * @param seed the seed of the shuffles
 */
public record FeatureImportanceFact(
    String model,
    String feature,
    String metric,
    double importance,
    double spread,
    double relativeImportance,
    int repeats,
    long seed) {}
