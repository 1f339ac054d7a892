/**
 * Training models and knowing which model you trained. A model is only as repeatable as its random
 * choices: with a seed, training twice gives the same model, which is what lets a team tell a real
 * improvement from noise and rebuild the model that is serving; without one, every run is a new
 * model. Each trained model records its seed, hyperparameters, features, training time and a
 * fingerprint of its predictions, and always carries the fitted transforms it was trained on.
 */
package org.prodml.train;
