package org.prodml.facts;

/**
 * How strongly two features move together in one dataset, in [0,1]: {@code measure} "pearson"
 * (absolute Pearson correlation of two numeric features over the rows where both are present) or
 * "cramersV" (bias-corrected Cramér's V of two categorical features). {@code rows} is the number of
 * rows both values were present in. Near 1, one feature is nearly a copy of the other: the model
 * may lean on either, and a change to one source breaks it in ways hard to trace.
 */
public record FeatureCorrelationFact(
    String dataset, String featureA, String featureB, String measure, double value, long rows) {}
