package org.prodml.course;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * A guided exercise of a course note, from the note's {@code note.yaml}: the task, what its check
 * verifies, the hints a failed check reveals (each for the failures it helps with), for a choice
 * the options and the course's answer, for a rule to write the data it is tried on, the paragraph
 * texts of a solved note, and the answers a test tries: wrong ones that must fail, and different
 * correct ones that must pass. Which state passes is decided by the exercise's rules in {@code
 * rules/exercises/<note id>/} (metadata {@code @exercise("<id>")},
 * {@code @verdict("pass"|"fail")}), never by the paragraph text.
 *
 * @param note the id of the note it belongs to
 * @param verifies what the check verifies, in a sentence or two the learner reads before trying
 * @param solved paragraph id → the paragraph's text in a solved note; these are the paragraphs the
 *     task asks the learner to change
 * @param wrong answers that must fail, each with the failure (a grading rule id) it must report
 * @param alternatives correct answers, different from {@code solved}, that must pass
 * @param solutionAfter after how many attempts the lab offers the solution to a learner who has not
 *     passed (default: as many as the exercise has hints, so every hint can come out first)
 */
@JsonIgnoreProperties(ignoreUnknown = false)
public record Exercise(
    String id,
    String note,
    String title,
    String kind,
    String task,
    String verifies,
    List<Hint> hints,
    Choice choice,
    RuleData ruleData,
    Map<String, String> solved,
    List<TriedAnswer> wrong,
    List<TriedAnswer> alternatives,
    Integer solutionAfter) {

  /** The kinds of exercise the course uses. */
  public static final List<String> KINDS =
      List.of("choice", "fix-pipeline", "write-rule", "answer-questions");

  public Exercise {
    hints = hints == null ? List.of() : List.copyOf(hints);
    solved = solved == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(solved));
    wrong = wrong == null ? List.of() : List.copyOf(wrong);
    alternatives = alternatives == null ? List.of() : List.copyOf(alternatives);
    if (solutionAfter != null && solutionAfter < 1) {
      throw new IllegalArgumentException("solutionAfter must be at least 1, not " + solutionAfter);
    }
    solutionAfter = solutionAfter == null ? Math.max(1, hints.size()) : solutionAfter;
  }

  /** The same exercise, of the given note. */
  Exercise ofNote(String noteId) {
    return new Exercise(
        id,
        noteId,
        title,
        kind,
        task,
        verifies,
        hints,
        choice,
        ruleData,
        solved,
        wrong,
        alternatives,
        solutionAfter);
  }

  /** The paragraphs the task asks the learner to change, by id, in the note's order of solved. */
  public List<String> paragraphs() {
    return List.copyOf(solved.keySet());
  }

  /**
   * A hint: its text and the failures it helps with (the ids of grading rules with verdict fail). A
   * hint without failures helps with any; the last of those points back to the note's text. In
   * note.yaml a hint is a string, or {@code {when: [EX-004], text: …}}.
   */
  @JsonIgnoreProperties(ignoreUnknown = false)
  public record Hint(String text, List<String> when) {
    public Hint {
      when = when == null ? List.of() : List.copyOf(when);
    }

    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    static Hint of(String text) {
      return new Hint(text, List.of());
    }

    @JsonCreator(mode = JsonCreator.Mode.PROPERTIES)
    static Hint of(@JsonProperty("text") String text, @JsonProperty("when") List<String> when) {
      return new Hint(text, when);
    }

    /** Whether the hint helps with a check that failed on these grading rules. */
    public boolean helpsWith(java.util.Collection<String> failedRules) {
      return when.isEmpty() || when.stream().anyMatch(failedRules::contains);
    }
  }

  /**
   * The hints that help with a failure, as indexes into {@link #hints()}, in order: those written
   * for one of the failed rules, then the general ones.
   */
  public List<Integer> hintsFor(java.util.Collection<String> failedRules) {
    List<Integer> specific = new ArrayList<>();
    List<Integer> general = new ArrayList<>();
    for (int i = 0; i < hints.size(); i++) {
      Hint h = hints.get(i);
      if (h.when().isEmpty()) {
        general.add(i);
      } else if (h.helpsWith(failedRules)) {
        specific.add(i);
      }
    }
    specific.addAll(general);
    return specific;
  }

  /**
   * A scenario question: the options, the course's answer, and why.
   *
   * @param aliases other words a learner may use for an option (word → option)
   */
  @JsonIgnoreProperties(ignoreUnknown = false)
  public record Choice(
      String question,
      List<String> options,
      String answer,
      String why,
      Map<String, String> aliases) {
    public Choice {
      aliases = aliases == null ? Map.of() : Map.copyOf(aliases);
    }

    /**
     * The option an answer names, read on intent: case, punctuation and extra words do not matter
     * ("Dynamic training." is dynamic), an alias counts for its option; empty when the answer names
     * no option or more than one.
     */
    public Optional<String> option(String answer) {
      String words = " " + normalize(answer) + " ";
      List<String> named = new ArrayList<>();
      for (String option : options) {
        if (words.contains(" " + normalize(option) + " ")) {
          named.add(option);
        }
      }
      aliases.forEach(
          (alias, option) -> {
            if (words.contains(" " + normalize(alias) + " ") && !named.contains(option)) {
              named.add(option);
            }
          });
      return named.size() == 1 ? Optional.of(named.get(0)) : Optional.empty();
    }

    private static String normalize(String text) {
      return text.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", " ").strip();
    }
  }

  /**
   * The data a learner's rule is tried on: it must fire on the damaged file, with {@code subject}
   * as the subject of its finding, and stay quiet on the clean one, both compared with the
   * reference (training) file. {@code heldBack} names the scenario whose held-back files (with and
   * without the flaw, never shown to the learner) the rule is also tried on, so a limit copied
   * between the two visible files does not pass.
   *
   * @param flaw what is wrong with the damaged data, as a phrase ("wind readings that never
   *     arrived")
   */
  @JsonIgnoreProperties(ignoreUnknown = false)
  public record RuleData(
      String reference,
      String clean,
      String damaged,
      String label,
      String time,
      String subject,
      String flaw,
      String heldBack) {}

  /**
   * An answer a test tries: paragraph texts to put in place, what it tries (for people), and for a
   * wrong answer the grading rule whose failure the check must report (and whose hint it shows).
   */
  @JsonIgnoreProperties(ignoreUnknown = false)
  public record TriedAnswer(String tried, String fails, Map<String, String> paragraphs) {
    public TriedAnswer {
      paragraphs =
          paragraphs == null
              ? Map.of()
              : Collections.unmodifiableMap(new LinkedHashMap<>(paragraphs));
    }
  }

  /** The answer key a learner writes in %prodml.ask for a choice: {@code exercise.<id>}. */
  public String answerKey() {
    return "exercise." + id;
  }
}
