package org.prodml.facts;

/**
 * A write-a-rule exercise being checked: its rule must raise its finding on {@code subject} on
 * every file with the flaw ({@code flaw}, a phrase such as "wind readings that never arrived") and
 * stay quiet on every file without it; {@code heldBack} counts the files the learner never sees.
 */
public record RuleTaskFact(String exercise, String subject, String flaw, int heldBack) {}
