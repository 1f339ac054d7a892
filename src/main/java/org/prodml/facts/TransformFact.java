package org.prodml.facts;

import java.util.List;

/**
 * One declared feature transformation after it was fitted.
 *
 * @param transform the kind: standardize, minmax, clip, log, bucketize, onehot, hash, cross, fill,
 *     index or timepart
 * @param column the input column (for a cross, the inputs joined with "×")
 * @param outputs the feature columns it writes
 * @param stateful whether it learns statistics from data (a mean, a vocabulary, bucket edges); a
 *     stateless transform (log, hash, a clip with fixed limits) computes the same everywhere
 * @param fitScope "training" (fitted once on the training table and reused unchanged), "batch"
 *     (fitted again on every batch it is applied to: the course's z-score-per-batch mistake) or
 *     "none" for a stateless transform
 * @param fittedOn the table it was fitted on ("train", or "data" when fitted before a split)
 * @param fitRows rows of that table
 * @param placement "materialized" (applied before training, its output stored, so serving must
 *     recompute it) or "in-model" (part of the model, applied the same way at serving time)
 * @param parameters the fitted parameters as text, e.g. "mean=12.1 sd=7.2"
 * @param outputMin smallest numeric output on the table it was fitted on (NaN for none)
 * @param outputMax largest numeric output on that table (NaN for none)
 * @param nonFinite outputs on that table that are NaN or infinite although the input was not
 *     missing (e.g. the log of a negative value)
 */
public record TransformFact(
    String transform,
    String column,
    List<String> outputs,
    boolean stateful,
    String fitScope,
    String fittedOn,
    long fitRows,
    String placement,
    String parameters,
    double outputMin,
    double outputMax,
    long nonFinite) {}
