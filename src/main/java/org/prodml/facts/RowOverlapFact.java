package org.prodml.facts;

import java.util.List;

/**
 * Rows of a later dataset (test, serving) that repeat rows of the reference (training) data,
 * counted from row hashes in the same streaming pass as the profiles: exact copies, and copies in
 * every column but the label (the model sees the same input). {@code pValue} is the chance of at
 * least this many copies if the later data only repeated the reference as often as the reference
 * repeats itself (twice its own share of repeated rows, the most a sample of the same data repeats
 * an earlier sample); NaN when it does not apply.
 *
 * @param rows rows of the current data
 * @param copies current rows equal to a reference row in every column
 * @param featureCopies current rows equal to a reference row in every column but the label
 * @param referenceDuplicateShare share of the reference's rows that repeat an earlier one of its
 *     rows in every column but the label
 * @param exact counted exactly (false: estimated from a hash sample of large files)
 * @param examples the earliest copies: "line L repeats line R", current line first
 */
public record RowOverlapFact(
    String reference,
    String current,
    long rows,
    long copies,
    double copyShare,
    long featureCopies,
    double featureCopyShare,
    double referenceDuplicateShare,
    double pValue,
    boolean exact,
    List<String> examples) {}
