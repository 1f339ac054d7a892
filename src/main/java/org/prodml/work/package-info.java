/**
 * Progress and cancellation for long library computations. Training a forest or replaying a year of
 * serving data takes seconds, and a learner who changes their mind should not wait for it: the work
 * is cut into units (a few trees, one window, one retrain) and checks between units whether it was
 * cancelled, so it stops within a second and reports how far it got.
 */
package org.prodml.work;
