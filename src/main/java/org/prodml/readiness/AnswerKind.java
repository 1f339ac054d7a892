package org.prodml.readiness;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * What counts as an answer to a question. Every kind also accepts {@code unknown}, which is what an
 * unanswered question becomes, so a rule can never read silence as a yes.
 */
public enum AnswerKind {
  /** A practice of the ML Test Score: automated, by hand, or not done. */
  PRACTICE("practice"),
  /** A plain fact about the system. */
  YES_NO("yes-no"),
  /** A person or team. */
  OWNER("owner"),
  /** A number ≥ 0 in the question's unit (a limit, a budget). */
  NUMBER("number"),
  /** Column names; "none" for an empty list. */
  COLUMNS("columns"),
  /** One of the question's choices. */
  CHOICE("choice"),
  /** Free text. */
  TEXT("text");

  public static final String UNKNOWN = "unknown";

  /**
   * The normalised answer of a value kind (owner, number, columns, choice, text) that was given.
   */
  public static final String GIVEN = "given";

  static final List<String> PRACTICE_ANSWERS =
      List.of("yes-automated", "yes-manual", "no", UNKNOWN);
  static final List<String> YES_NO_ANSWERS = List.of("yes", "no", UNKNOWN);

  private final String label;

  AnswerKind(String label) {
    this.label = label;
  }

  /** The name used in the catalog files ("practice", "yes-no" …). */
  public String label() {
    return label;
  }

  public static Optional<AnswerKind> parse(String label) {
    String l = label == null ? "" : label.strip().toLowerCase(Locale.ROOT);
    return Arrays.stream(values()).filter(k -> k.label.equals(l)).findFirst();
  }

  /** Every label, for error messages. */
  public static String labels() {
    return String.join(", ", Arrays.stream(values()).map(AnswerKind::label).toList());
  }

  /** Whether the answer is one of a fixed set of words (practice, yes-no, choice). */
  public boolean fixedWords() {
    return this == PRACTICE || this == YES_NO || this == CHOICE;
  }

  /**
   * An answer normalised for a question of this kind.
   *
   * @param answer the normalised answer: a practice or yes-no word, {@value #GIVEN} or {@value
   *     #UNKNOWN}
   * @param value the text given (empty for unknown)
   * @param values the columns named (columns kind), else empty
   * @param number the number stated (number kind), else NaN
   */
  public record Normalised(String answer, String value, List<String> values, double number) {}

  /**
   * Normalises the raw answer.
   *
   * @param raw the answer text; for columns, a list given as YAML may be passed joined with ", "
   * @return the normalised answer, or empty when the text is not allowed (see {@link #allowed})
   */
  public Optional<Normalised> normalise(String raw, List<String> choices) {
    String text = raw == null ? "" : raw.strip();
    String lower = text.toLowerCase(Locale.ROOT);
    if (lower.equals(UNKNOWN)) {
      return Optional.of(new Normalised(UNKNOWN, "", List.of(), Double.NaN));
    }
    switch (this) {
      case PRACTICE, YES_NO -> {
        List<String> allowed = this == PRACTICE ? PRACTICE_ANSWERS : YES_NO_ANSWERS;
        return allowed.contains(lower)
            ? Optional.of(new Normalised(lower, lower, List.of(), Double.NaN))
            : Optional.empty();
      }
      case CHOICE -> {
        return choices.stream()
            .filter(c -> c.equalsIgnoreCase(text))
            .findFirst()
            .map(c -> new Normalised(GIVEN, c, List.of(), Double.NaN));
      }
      case NUMBER -> {
        try {
          double n = Double.parseDouble(text);
          return Double.isFinite(n) && n >= 0
              ? Optional.of(new Normalised(GIVEN, text, List.of(), n))
              : Optional.empty();
        } catch (NumberFormatException e) {
          return Optional.empty();
        }
      }
      case COLUMNS -> {
        if (lower.equals("none") || lower.equals("[]")) {
          return Optional.of(new Normalised(GIVEN, "none", List.of(), Double.NaN));
        }
        List<String> columns = new ArrayList<>();
        for (String part : text.replaceAll("^\\[|]$", "").split(",")) {
          String c = part.strip().replaceAll("^[\"']|[\"']$", "");
          if (!c.isEmpty() && !columns.contains(c)) {
            columns.add(c);
          }
        }
        return columns.isEmpty()
            ? Optional.empty()
            : Optional.of(new Normalised(GIVEN, String.join(", ", columns), columns, Double.NaN));
      }
      default -> {
        return text.isEmpty()
            ? Optional.empty()
            : Optional.of(new Normalised(GIVEN, text, List.of(), Double.NaN));
      }
    }
  }

  /** The allowed answers, in words, for error messages. */
  public String allowed(List<String> choices) {
    return switch (this) {
      case PRACTICE ->
          "yes-automated (a system runs it repeatedly), yes-manual (done by hand, results written down), no or unknown";
      case YES_NO -> "yes, no or unknown";
      case CHOICE -> String.join(", ", choices) + " or unknown";
      case NUMBER -> "a number ≥ 0, or unknown";
      case COLUMNS -> "a list of column names (a YAML list or comma-separated), none, or unknown";
      case OWNER -> "the name of a person or team, or unknown";
      case TEXT -> "some text, or unknown";
    };
  }
}
