/**
 * The facts rules reason over: plain, immutable records that stages produce from what they measured
 * (a column's profile, a comparison of two datasets, a model, its evaluation, a serving run, a
 * monitoring window, an answer to a readiness question). They are the only types a rule may import,
 * and rule cases build them from JSON, so a rule can be tested without running a pipeline. {@link
 * org.prodml.facts.Evidence} is what a rule inserts to raise a finding: its subject and the values
 * its message and remedy quote.
 */
package org.prodml.facts;
