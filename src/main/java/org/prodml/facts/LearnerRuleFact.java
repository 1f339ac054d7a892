package org.prodml.facts;

import java.util.List;

/**
 * How a rule the learner wrote in the note ({@code %prodml.rules}) behaved on an exercise's data:
 * {@code data} is "clean" or "damaged"; {@code fired} whether it raised a finding there, on which
 * subjects, and with which topic.
 */
public record LearnerRuleFact(
    String ruleId, String topic, String data, boolean fired, List<String> subjects) {

  public LearnerRuleFact {
    subjects = List.copyOf(subjects);
  }
}
