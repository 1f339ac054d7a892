/**
 * The audit's and the simulation's reports: {@code audit.html} for a person (self-contained, charts
 * inline, every finding with its evidence and remedy), {@code audit.json} for a machine (every
 * profile, comparison and threshold in force), {@code audit.md} for a pull request. The HTML comes
 * from jte templates compiled at build time, escaped by default.
 */
package org.prodml.report;
