package org.prodml.profile;

/**
 * How strongly one feature determines the label. {@code measure} and {@code value}, in [0,1]:
 * "cramersV" (bias-corrected, both categorical), "correlationRatio" (bias-corrected eta, one
 * numeric and one categorical), "pearson" (absolute correlation, both numeric). {@code power}: how
 * well the feature alone predicts the label on rows it did not see ({@code powerMeasure} "auc" for
 * a categorical label, "r2" for a numeric one), and {@code logLossGain} the share of the label's
 * log loss it removes (NaN for a numeric label): see {@link Predictiveness}. {@code approximate}
 * when a category cap was reached.
 */
public record Association(
    String feature,
    String measure,
    double value,
    long rows,
    boolean approximate,
    String powerMeasure,
    double power,
    double logLossGain) {}
