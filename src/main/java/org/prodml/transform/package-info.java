/**
 * Feature transformations that are fitted once and reused everywhere.
 *
 * <p><b>Fit on the training rows only.</b> A z-score's mean and deviation, a vocabulary, clip
 * bounds or bucket edges are statistics of the rows they were computed on ({@link
 * org.prodml.transform.FittedTransform#fit}); a log, a hash or an hour of the day is computed from
 * the row alone and learns nothing. The statistics belong to the training rows ({@link
 * org.prodml.transform.FitScope#TRAINING}): fitted there once, then applied unchanged to test,
 * serving and monitoring data. Fitted on all the data instead, they let the test rows leak into the
 * features the model learns from, and the test score promises more than serving will give.
 *
 * <p><b>Placement: materialized or in the model.</b> The course's "when to transform data?" ({@link
 * org.prodml.transform.Placement}). A materialized transform runs before training and its output is
 * stored; serving then has to recreate the same features, and a serving path written again (say,
 * scaling each request with the day's own statistics) computes other numbers than the training path
 * did. A transform placed in the model travels with it: the same fitted statistics run at training
 * and at prediction time, at the cost of doing the work on every request.
 *
 * <p><b>Why per-batch statistics cause training–serving skew.</b> Refitting a transform on every
 * batch ({@link org.prodml.transform.FitScope#BATCH}) makes a feature mean something different in
 * each batch. A z-score of 1 in training is one training deviation above the training mean;
 * computed on a serving batch it is one deviation above that batch's mean, so a warmer year still
 * centres on 0 and the shift the model should react to (and a monitor should flag) disappears. A
 * batch of one request has no spread at all, and every value becomes 0. The model's inputs then
 * differ between training and serving although the raw data did not: skew made by the pipeline, not
 * by the world.
 *
 * <p>The statistics themselves (mean, deviation, quantiles) come from {@link org.prodml.stats}, so
 * a transform's percentile and the evaluation's are the same number.
 */
package org.prodml.transform;
