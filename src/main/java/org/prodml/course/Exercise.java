package org.prodml.course;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.List;

/**
 * A guided exercise of a course note: the task, what the learner works on, ordered hints revealed
 * one per failed check, and — for a choice — the options and the course's answer. Which state
 * passes is decided by the exercise's rules in {@code rules/exercises/} (metadata
 * {@code @exercise("<id>")}, {@code @verdict("pass"|"fail")}), never by the paragraph text.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Exercise(
    String id,
    String note,
    String title,
    String kind,
    String task,
    List<String> hints,
    Choice choice,
    RuleData ruleData,
    String solution) {

  /** The kinds of exercise the course uses. */
  public static final List<String> KINDS = List.of("choice", "fix-pipeline", "write-rule", "answer-questions");

  public Exercise {
    hints = hints == null ? List.of() : List.copyOf(hints);
  }

  /** A scenario question: the options, the course's answer, and why. */
  @JsonIgnoreProperties(ignoreUnknown = true)
  public record Choice(String question, List<String> options, String answer, String why) {}

  /**
   * The data a learner's rule is tried on: it must fire on the damaged file and stay quiet on the
   * clean one, both compared with the reference (training) file.
   */
  @JsonIgnoreProperties(ignoreUnknown = true)
  public record RuleData(String reference, String clean, String damaged, String label, String time) {}

  /** The answer key a learner writes in %prodml.ask for a choice: {@code exercise.<id>}. */
  public String answerKey() {
    return "exercise." + id;
  }
}
