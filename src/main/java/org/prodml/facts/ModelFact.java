package org.prodml.facts;

import java.util.List;

/**
 * A trained model.
 *
 * @param model the model's id (type and fingerprint), e.g. "forest-3fa2c1d0"
 * @param modelType logistic, linear, forest, gbt or baseline
 * @param task "classification" or "regression"
 * @param label the label column (with its derivation, e.g. "delay > 15")
 * @param features the raw input columns the model reads (before encoding)
 * @param encodedFeatures the number of numeric columns the model sees after the transforms
 * @param randomized whether the algorithm draws random numbers (bootstrap samples, feature subsets,
 *     subsampling); a linear fit or a baseline is the same on every run
 * @param seeded whether a seed fixed every random choice of the training
 * @param seed the seed, 0 when unseeded
 * @param hyperparameters "name=value" pairs, sorted
 * @param trainingRows rows it was trained on
 * @param trainingMillis wall time of the fit
 * @param fingerprint a hash of its predictions on a fixed probe of training rows: two models with
 *     the same fingerprint answer those rows identically
 * @param formatVersion the version of the model format, which serving must accept
 * @param trainingDataEnd the last time in its training data (ISO text), null without a time column
 * @param placement "materialized" or "in-model": where its stateful transforms run
 */
public record ModelFact(
    String model,
    String modelType,
    String task,
    String label,
    List<String> features,
    int encodedFeatures,
    boolean randomized,
    boolean seeded,
    long seed,
    List<String> hyperparameters,
    long trainingRows,
    long trainingMillis,
    String fingerprint,
    String formatVersion,
    String trainingDataEnd,
    String placement) {}
