/**
 * Splitting data for an honest evaluation. A test set only predicts quality on new data when it is
 * new in the way serving data will be new: later in time for a model that serves the future, other
 * groups (authors, patients) for a model that meets unseen groups. A random split of such data lets
 * the model look ahead or recognise the group, and the test score flatters it. Every shuffle here
 * is seeded, so a split can be repeated exactly.
 */
package org.prodml.split;
