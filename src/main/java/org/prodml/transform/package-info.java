/**
 * Feature transformations that are fitted once and reused everywhere. A z-score, a vocabulary or a
 * set of bucket edges is a statistic of the rows it was computed on, so it belongs to the training
 * data: computing it again at serving time, or per batch, gives numbers that no longer mean what
 * the model learned. Whether a transform is materialized before training or travels inside the
 * model decides who must recompute it, and that is where training–serving skew creeps in.
 */
package org.prodml.transform;
