package org.prodml.suggest;

/**
 * One suggested constraint as a rule.
 *
 * @param id the rule id ("SG-001")
 * @param constraint what it checks: "completeness", "type", "range", "domain" or "uniqueness"
 * @param column the column it constrains
 * @param claim the rule's claim, as its name reads after the id
 * @param fileName the file it goes in when committed one rule per file ("TempMaxStaysInItsRange")
 * @param rule the DRL of the rule alone (no package or imports)
 * @param drl a complete DRL file holding only this rule
 * @param cases its cases file ({@code <fileName>.cases.json}): the reference stays quiet, damaged
 *     values fire
 */
public record SuggestedRule(
    String id,
    String constraint,
    String column,
    String claim,
    String fileName,
    String rule,
    String drl,
    String cases) {}
