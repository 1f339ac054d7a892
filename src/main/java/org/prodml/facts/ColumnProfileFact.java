package org.prodml.facts;

/**
 * The measured profile of one column of one dataset. {@code role} says which data it is: "train",
 * "test", "serving" or "window". Numeric fields are NaN for columns they do not apply to; {@code
 * invalidCount} counts values that do not parse as the column's type.
 */
public record ColumnProfileFact(
    String dataset,
    String role,
    String column,
    String kind,
    String type,
    long count,
    long missing,
    double missingShare,
    long nanCount,
    long infCount,
    long invalidCount,
    long distinct,
    double uniqueRatio,
    double min,
    double max,
    double mean,
    double stddev,
    String topValue,
    double topShare) {}
