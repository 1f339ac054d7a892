/**
 * Summary statistics with one definition each, on plain arrays, depending on nothing else in ProdML
 * Lab: the fitted transforms, the evaluation and serving all take their means and quantiles from
 * here. Two parts of a system that both say "the 99th percentile" but compute it two ways (nearest
 * rank here, interpolation there) disagree on the same rows, and that disagreement looks like a
 * data change when it is only code. Missing and infinite values are left out of every summary, so a
 * fault in a few rows shows in a validation rule, not as a NaN mean.
 */
package org.prodml.stats;
