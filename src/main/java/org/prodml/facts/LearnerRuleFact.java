package org.prodml.facts;

import java.util.List;

/**
 * How a rule the learner wrote in the note ({@code %prodml.rules}) behaved on one file of a
 * write-a-rule exercise: {@code data} is "clean" or "damaged" (the two files the note shows) or
 * "held-back" (a file the learner never sees); {@code flawed} whether the file has the exercise's
 * flaw; {@code fired} whether the rule raised a finding there, on which subjects, with which topic;
 * {@code description} says what the file is, without naming it.
 */
public record LearnerRuleFact(
    String ruleId,
    String topic,
    String data,
    boolean flawed,
    boolean fired,
    List<String> subjects,
    String description) {

  public LearnerRuleFact {
    subjects = List.copyOf(subjects);
  }
}
