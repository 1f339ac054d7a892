package org.prodml.train;

import java.io.Serializable;

/**
 * A fitted model's prediction for one row of features: the class probabilities (classification) or
 * a single value (regression).
 */
interface Predictor extends Serializable {
  double[] predict(double[] features);
}
