package org.prodml.facts;

/**
 * Row volume of a current dataset against a reference: per day when both have a time column ({@code
 * unit} "rows/day"), otherwise raw rows ({@code unit} "rows"). ratio = current / reference.
 */
public record VolumeFact(
    String reference,
    String current,
    double referenceVolume,
    double currentVolume,
    String unit,
    double ratio) {}
