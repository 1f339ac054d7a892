package org.prodml.facts;

/**
 * A finding the note's rules raise right now, as a fact, so an exercise can ask whether the audit
 * is clean ("no LEAKAGE finding remains") without repeating the judgement.
 */
public record FindingFact(String ruleId, String severity, String topic, String subject) {}
