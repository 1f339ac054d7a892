/**
 * Simulating the course's two production choices on real, time-ordered data. Training: a model
 * trained once goes stale when the world moves, and retraining on recent data keeps up at the price
 * of more training runs. Inference: a precomputed table is fast and cheap per request but misses
 * keys it never saw, while predicting on demand covers the long tail at the price of compute per
 * request. The numbers come from replaying the data period by period, not from a formula.
 */
package org.prodml.simulate;
