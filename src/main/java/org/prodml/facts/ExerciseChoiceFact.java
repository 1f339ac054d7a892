package org.prodml.facts;

import java.util.List;

/**
 * A learner's answer to a choice exercise, read on intent: {@code option} is the one option the
 * answer names ("Dynamic training." names dynamic), empty when it names none or several (an answer
 * that lists every option chooses nothing); {@code answer} is what was written, empty when nothing
 * was.
 */
public record ExerciseChoiceFact(
    String exercise, String answer, String option, List<String> options) {

  public ExerciseChoiceFact {
    options = List.copyOf(options);
  }
}
