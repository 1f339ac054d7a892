package org.prodml.course;

import java.util.List;
import org.prodml.rules.Finding;

/**
 * The result of checking an exercise: passed or not, the attempt it counts as (a check of an answer
 * checked before is the same attempt), the evidence (what the grading rules saw, each failure
 * saying which condition failed), and on a failure the hint to show: its text, and its place among
 * the hints that help with this failure ("hint 2 of 3").
 */
public record Grade(
    Exercise exercise,
    boolean passed,
    int attempt,
    boolean newAnswer,
    List<Finding> evidence,
    String hint,
    int hintNumber,
    int hintCount,
    String fingerprint) {

  public Grade {
    evidence = List.copyOf(evidence);
  }

  /** "PASS" or "FAIL": the word the notebook runner and the course progress read. */
  public String verdict() {
    return passed ? "PASS" : "FAIL";
  }

  /** The ids of the grading rules whose failure this check reports. */
  public List<String> failures() {
    return passed ? List.of() : evidence.stream().map(Finding::ruleId).distinct().toList();
  }
}
