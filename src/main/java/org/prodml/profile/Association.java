package org.prodml.profile;

/**
 * How strongly one feature determines the label, in [0,1]. {@code measure}: "cramersV"
 * (bias-corrected, both categorical), "correlationRatio" (bias-corrected eta, one numeric and one
 * categorical), "pearson" (absolute correlation, both numeric). {@code approximate} when a category
 * cap was reached.
 */
public record Association(
    String feature, String measure, double value, long rows, boolean approximate) {}
