package org.prodml.facts;

/** The class distribution of a categorical label in one dataset. */
public record LabelBalanceFact(
    String dataset,
    String label,
    int classes,
    String minorityClass,
    double minorityShare,
    String majorityClass,
    double majorityShare) {}
