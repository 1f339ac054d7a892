package org.prodml.facts;

import java.util.List;

/**
 * One column of a current dataset compared with the same column of a reference dataset. {@code
 * comparison} is "train-serving" (skew), "train-test", or "window" (a monitoring window against the
 * training data, or against its same season when the training data spans a whole year: {@code
 * reference} then says which months). Distances: Jensen–Shannon divergence (base 2, in [0,1]) over
 * shared histogram bins for numeric columns and over values for categorical ones; L-infinity (the
 * largest change of one value's share) for categorical columns; PSI over the reference's deciles.
 * NaN when a measure does not apply.
 *
 * <p>Each measure comes with the p-value of a test of "nothing changed" (the probability of a
 * result at least this extreme from sampling alone, given both sizes), so rules can tell a change
 * from the noise of a small sample: {@code jsPValue} (chi-squared approximation of the divergence),
 * {@code lInfinityPValue} (the largest share change, Bonferroni over the values), {@code
 * outOfRangePValue} (more current values outside the reference range than the 2 / (n + 1) a sample
 * of the same data would give), {@code newCategoryPValue} (more unseen categories than the
 * reference's Good–Turing share of values seen once, {@code referenceUnseenShare}), {@code
 * missingChangePValue} (change of the missing share), {@code constantPValue} (a current column with
 * a single value: the chance of drawing only that value from the reference's shares; NaN
 * otherwise).
 *
 * @param referenceCount present values compared on the reference side
 * @param currentCount present values compared on the current side
 */
public record ColumnComparisonFact(
    String column,
    String comparison,
    String reference,
    String current,
    String kind,
    String referenceType,
    String currentType,
    double jsDivergence,
    double lInfinity,
    String lInfinityValue,
    double psi,
    double outOfRangeShare,
    double referenceMin,
    double referenceMax,
    double currentMin,
    double currentMax,
    double newCategoryShare,
    List<String> newCategories,
    double referenceMissingShare,
    double currentMissingShare,
    long referenceCount,
    long currentCount,
    double jsPValue,
    double lInfinityPValue,
    double outOfRangePValue,
    double referenceUnseenShare,
    double newCategoryPValue,
    double missingChangePValue,
    double constantPValue) {}
