package org.prodml.profile;

/** A categorical value and how many rows hold it. */
public record ValueCount(String value, long count) {}
