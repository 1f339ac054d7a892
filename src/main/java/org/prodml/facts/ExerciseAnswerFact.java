package org.prodml.facts;

/**
 * An answer a learner gave to an exercise question in a {@code %prodml.ask} paragraph (a line
 * {@code exercise.<question>: <answer>}); {@code answer} is lower-cased and trimmed.
 */
public record ExerciseAnswerFact(String question, String answer) {}
