package org.prodml.course;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A guided exercise of a course note, from the note's {@code note.yaml}: the task, ordered hints
 * revealed one per failed check, for a choice the options and the course's answer, for a rule to
 * write the data it is tried on, and the paragraph texts of a solved note. Which state passes is
 * decided by the exercise's rules in {@code rules/exercises/<note id>/} (metadata
 * {@code @exercise("<id>")}, {@code @verdict("pass"|"fail")}), never by the paragraph text.
 *
 * @param note the id of the note it belongs to
 * @param solved paragraph id → the paragraph's text in a solved note
 */
@JsonIgnoreProperties(ignoreUnknown = false)
public record Exercise(
    String id,
    String note,
    String title,
    String kind,
    String task,
    List<String> hints,
    Choice choice,
    RuleData ruleData,
    Map<String, String> solved) {

  /** The kinds of exercise the course uses. */
  public static final List<String> KINDS =
      List.of("choice", "fix-pipeline", "write-rule", "answer-questions");

  public Exercise {
    hints = hints == null ? List.of() : List.copyOf(hints);
    solved =
        solved == null
            ? Map.of()
            : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(solved));
  }

  /** The same exercise, of the given note. */
  Exercise ofNote(String noteId) {
    return new Exercise(id, noteId, title, kind, task, hints, choice, ruleData, solved);
  }

  /** A scenario question: the options, the course's answer, and why. */
  @JsonIgnoreProperties(ignoreUnknown = false)
  public record Choice(String question, List<String> options, String answer, String why) {}

  /**
   * The data a learner's rule is tried on: it must fire on the damaged file and stay quiet on the
   * clean one, both compared with the reference (training) file.
   */
  @JsonIgnoreProperties(ignoreUnknown = false)
  public record RuleData(
      String reference, String clean, String damaged, String label, String time) {}

  /** The answer key a learner writes in %prodml.ask for a choice: {@code exercise.<id>}. */
  public String answerKey() {
    return "exercise." + id;
  }
}
