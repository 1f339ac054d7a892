package org.prodml.facts;

/**
 * Training–serving feature skew of one input column, measured per example: the same rows are
 * encoded by the training path (the fitted transforms over the whole table) and by the serving path
 * (per request), and the encoded values compared.
 *
 * @param feature the raw input column (all its encoded outputs are compared)
 * @param servingPath "shared" or "reimplemented"
 * @param rows rows compared
 * @param mismatchedRows rows where any encoded value differs
 * @param mismatchShare mismatchedRows / rows
 * @param maxAbsDifference largest absolute difference of an encoded value
 * @param meanAbsDifference mean absolute difference over the rows and encoded values
 */
public record FeatureSkewFact(
    String feature,
    String servingPath,
    long rows,
    long mismatchedRows,
    double mismatchShare,
    double maxAbsDifference,
    double meanAbsDifference) {}
