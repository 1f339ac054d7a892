package org.prodml.facts;

/**
 * How a later split's time range sits against an earlier one's: {@code overlapShare} is the share
 * of current rows not after the reference's last time (a test set that is not in the future).
 */
public record TimeOverlapFact(
    String timeColumn,
    String reference,
    String current,
    String referenceMax,
    String currentMin,
    double overlapShare) {}
