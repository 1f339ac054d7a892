/**
 * Rule suggestion: data constraints proposed from a reference dataset, written as rules a person
 * reads, edits and commits.
 *
 * <p><b>The lesson.</b> The course's first monitoring step is a data schema: understand each
 * feature's range and distribution, write that understanding down, and test new data against it.
 * Writing it by hand is slow, so tools propose it from data they trust (TFDV infers a schema, Deequ
 * suggests constraints) and people correct the proposal, because a profile only knows what the data
 * happened to hold. {@link org.prodml.suggest.RuleSuggester} proposes completeness, type, range,
 * domain and uniqueness constraints with margins it states, each as an ordinary DRL rule with
 * worked cases, so the suggestion becomes part of the same rule catalog as every other check.
 */
package org.prodml.suggest;
