package org.prodml.facts;

/**
 * One time window of served data replayed through the model.
 *
 * @param model the model's id
 * @param window the window's label, e.g. "2015-03"
 * @param start first day of the window (ISO date)
 * @param end last day of the window (ISO date)
 * @param rows requests in the window
 * @param volumeRatio rows divided by the mean rows per window of the replay
 * @param modelAgeDays days from the end of the model's training data to the end of the window
 * @param inputNonFinite NaN or infinite values among the numeric inputs
 * @param outputNonFinite NaN or infinite predictions
 * @param meanPrediction mean predicted probability of the positive class (binary), share of the
 *     most frequent training class among predictions (multiclass), or mean prediction (regression)
 * @param trainingMeanPrediction the same measure on the training rows
 * @param labeledRows rows with a label (live quality is measured only where labels arrived)
 * @param metric the headline metric's name
 * @param liveValue the metric on the labelled rows of the window (NaN without labels)
 * @param offlineValue the metric measured offline at evaluation (NaN when not evaluated)
 * @param liveWorsening how much worse live is than offline (positive = worse; NaN when unknown)
 * @param maxJsDivergence the largest Jensen–Shannon divergence of a feature against training
 * @param maxJsColumn the feature with that divergence
 */
public record MonitoringWindowFact(
    String model,
    String window,
    String start,
    String end,
    long rows,
    double volumeRatio,
    double modelAgeDays,
    long inputNonFinite,
    long outputNonFinite,
    double meanPrediction,
    double trainingMeanPrediction,
    long labeledRows,
    String metric,
    double liveValue,
    double offlineValue,
    double liveWorsening,
    double maxJsDivergence,
    String maxJsColumn) {}
