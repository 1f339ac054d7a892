package org.prodml.facts;

import java.util.List;

/**
 * One column of a current dataset compared with the same column of a reference dataset. {@code
 * comparison} is "train-serving" (skew), "train-test", or "window" (drift from one time window to
 * the next). Distances: Jensen–Shannon divergence (base 2, in [0,1]) over shared histogram bins for
 * numeric columns and over values for categorical ones; L-infinity (the largest change of one
 * value's share) for categorical columns; PSI over the reference's deciles. NaN when a measure does
 * not apply.
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
    double currentMissingShare) {}
