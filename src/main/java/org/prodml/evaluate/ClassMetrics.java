package org.prodml.evaluate;

/** Precision, recall and F1 of one class; {@code support} is its number of true rows. */
public record ClassMetrics(String name, double precision, double recall, double f1, long support) {}
