package org.prodml.course;

import java.util.List;
import org.prodml.rules.Finding;

/**
 * The result of checking an exercise: passed or not, the evidence (what the exercise rules saw),
 * and — on a failed attempt — the hint this attempt reveals.
 */
public record Grade(
    Exercise exercise,
    boolean passed,
    int attempt,
    List<Finding> evidence,
    String hint,
    int hintNumber) {

  /** "PASS" or "FAIL": the word the notebook runner and the course progress read. */
  public String verdict() {
    return passed ? "PASS" : "FAIL";
  }
}
