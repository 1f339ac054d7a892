/**
 * Evaluating a model beyond one number. Accuracy on all rows can hide a slice where the model
 * fails, probabilities that are systematically too high (prediction bias), or a feature that costs
 * upkeep and adds nothing. A new model is also judged against something: the majority or mean
 * baseline (is it learning anything?) and the previous model (did this version get worse?).
 */
package org.prodml.evaluate;
