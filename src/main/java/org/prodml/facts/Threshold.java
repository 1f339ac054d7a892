package org.prodml.facts;

/**
 * A named limit a rule compares against. Rules declare their defaults in metadata
 * ({@code @thresholds("missing.maxShare=0.05")}); the engine inserts one Threshold per name, with
 * the user's override when there is one, so a rule reads it as a fact: {@code Threshold(name ==
 * "missing.maxShare", $max : value)}.
 */
public record Threshold(String name, double value) {}
