package org.prodml.evaluate;

/**
 * Rows whose predicted probability fell in [{@code low}, {@code high}): how many, the mean
 * predicted probability, and how often the event really happened. A calibrated model has the two
 * close in every bucket: of the rows given 0.9, about 90% are positive.
 */
public record CalibrationBucket(
    double low, double high, long rows, double meanPredicted, double observedRate) {}
