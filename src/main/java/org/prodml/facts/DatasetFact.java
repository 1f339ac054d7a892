package org.prodml.facts;

/**
 * One dataset as a whole: its size, exact or estimated duplicate rows, and its row rate when it has
 * a time column ({@code rowsPerDay} is NaN otherwise).
 */
public record DatasetFact(
    String dataset,
    String role,
    long rows,
    int columns,
    long duplicateRows,
    double duplicateShare,
    double rowsPerDay) {}
