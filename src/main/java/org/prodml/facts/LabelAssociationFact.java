package org.prodml.facts;

/**
 * How strongly a feature determines the label in one dataset, in [0,1]: measure is "cramersV"
 * (categorical feature and label, bias-corrected), "correlationRatio" (numeric feature, categorical
 * label, or the reverse) or "pearson" (absolute correlation, both numeric). Near 1 means the
 * feature nearly gives the label away.
 */
public record LabelAssociationFact(
    String dataset, String feature, String label, String measure, double value) {}
