package org.prodml.facts;

/**
 * One time window of served data replayed through the model. Each measure that could be sampling
 * noise comes with the p-value of "nothing changed" given the window's size, so rules judge a
 * window of thirty rows differently from one of three thousand. When the training data spans a
 * whole year, the window's reference is the same months of training ({@code reference} says which).
 *
 * @param model the model's id
 * @param window the window's label, e.g. "2015-03"
 * @param start first day of the window (ISO date)
 * @param end last day of the window (ISO date)
 * @param rows requests in the window
 * @param expectedRows the rows the window should hold: the replay's rows per day, times the days of
 *     the window the data covers, times how busy the season is in training
 * @param volumeRatio rows divided by expectedRows
 * @param volumePValue two-sided Poisson p-value of the rows against expectedRows
 * @param modelAgeDays days from the end of the model's training data to the end of the window
 * @param inputNonFinite infinite values among the numeric inputs (NaN reads as missing)
 * @param outputNonFinite NaN or infinite predictions
 * @param reference the training rows the window is compared with: "train", or "train, same months
 *     (Jul)"
 * @param predictedClass the class whose share of the predictions moved most from the reference (""
 *     for regression)
 * @param meanPrediction the window's share of rows predicted as that class (regression: mean
 *     prediction)
 * @param trainingMeanPrediction the same on the reference rows
 * @param predictionShiftPValue p-value of that move (two-proportion test, Bonferroni over classes;
 *     a z test of the means for regression)
 * @param biasClass the class whose share of the predictions is furthest from its share of the
 *     labels among the window's labelled rows ("" for regression)
 * @param biasPrediction the share of those rows predicted as that class (regression: mean
 *     prediction over the labelled rows)
 * @param observedMean the share of those rows labelled as that class (regression: mean label)
 * @param biasPValue p-value of that gap (exact sign test on the rows where prediction and label
 *     disagree about the class, Bonferroni over classes; a z test of the mean error for regression)
 * @param labeledRows rows with a label (live quality is measured only where labels arrived)
 * @param metric the headline metric's name
 * @param liveValue the metric on the labelled rows of the window (NaN without labels)
 * @param offlineValue the metric measured offline at evaluation (NaN when not evaluated)
 * @param liveWorsening how much worse live is than offline (positive = worse; NaN when unknown)
 * @param livePValue p-value of live quality this bad if the model still performed as offline
 * @param maxJsDivergence the largest Jensen–Shannon divergence of a feature against the reference
 * @param maxJsColumn the feature with that divergence
 */
public record MonitoringWindowFact(
    String model,
    String window,
    String start,
    String end,
    long rows,
    double expectedRows,
    double volumeRatio,
    double volumePValue,
    double modelAgeDays,
    long inputNonFinite,
    long outputNonFinite,
    String reference,
    String predictedClass,
    double meanPrediction,
    double trainingMeanPrediction,
    double predictionShiftPValue,
    String biasClass,
    double biasPrediction,
    double observedMean,
    double biasPValue,
    long labeledRows,
    String metric,
    double liveValue,
    double offlineValue,
    double liveWorsening,
    double livePValue,
    double maxJsDivergence,
    String maxJsColumn) {}
