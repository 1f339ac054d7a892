/**
 * Scenario datasets: teaching data generated from the shipped datasets with flaws planted on
 * purpose (a label proxy, groups shared across a split, a feature fed by a model's output, an
 * unreliable source, sensor faults), seeded and byte-identical on every run, each with a datasheet
 * that tells teachers which flaw is where. {@code ./prodml datasets scenarios} writes them.
 */
package org.prodml.data.scenario;
