package org.prodml.facts;

/**
 * A learner asked to check an exercise ({@code %prodml.check(exercise=…)}); {@code attempt} counts
 * this note's checks of it, starting at 1. Exercise rules fire only in the presence of this fact.
 */
public record ExerciseCheckFact(String exercise, int attempt) {}
