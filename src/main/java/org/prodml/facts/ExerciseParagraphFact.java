package org.prodml.facts;

/**
 * A paragraph an exercise asks the learner to change, as the note last ran it: {@code stage} is the
 * paragraph the exercise expects ({@code split}, {@code rules} …); {@code ran} whether the
 * paragraph ran as that, without an error, since the note opened; {@code replacedBy} the title (or
 * id) of an earlier paragraph of the same stage that ran after it, so that its results, not the
 * learner's, are what the check would see (empty when none did).
 */
public record ExerciseParagraphFact(
    String exercise,
    String paragraph,
    String title,
    String stage,
    boolean ran,
    String replacedBy) {}
