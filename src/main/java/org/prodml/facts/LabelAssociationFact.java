package org.prodml.facts;

/**
 * How strongly a feature determines the label in one dataset. {@code measure} and {@code value}, in
 * [0,1]: "cramersV" (categorical feature and label, bias-corrected), "correlationRatio" (numeric
 * feature, categorical label, or the reverse) or "pearson" (absolute correlation, both numeric).
 *
 * <p>{@code power} is how well the feature alone predicts the label on rows it did not see (each
 * row from the other rows of its category or quantile bin, a missing value being a category too):
 * {@code powerMeasure} "auc" (the one-feature model's ROC AUC, one class against the rest, averaged
 * over classes; 0.5 is chance) for a categorical label, "r2" (share of squared error removed) for a
 * numeric one. A column with one row per value predicts nothing this way, and an imbalanced label
 * does not hide a feature that separates it. {@code logLossGain} is the share of the label's log
 * loss the feature removes (NaN for a numeric label).
 *
 * @param rows rows with both the feature and the label
 */
public record LabelAssociationFact(
    String dataset,
    String feature,
    String label,
    String measure,
    double value,
    String powerMeasure,
    double power,
    double logLossGain,
    long rows) {}
