package org.prodml.facts;

/**
 * The note's ML Test Score as a whole: the four section sums, the final score (their minimum) and
 * the interpretation band, so an exercise can ask for a band.
 */
public record MlTestScoreFact(
    double data, double model, double infra, double monitor, double score, String band) {}
