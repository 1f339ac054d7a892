package org.prodml.facts;

import java.util.List;

/**
 * One answer to a readiness question (from {@code answers.yaml} or a notebook's {@code %prodml.ask}
 * paragraph), or "unknown" for a question nobody answered, so a rule never mistakes silence for a
 * yes.
 *
 * <p>{@code answer} is normalised by the question's kind: for a practice question one of {@code
 * yes-automated}, {@code yes-manual}, {@code no}, {@code unknown}; for a yes/no question {@code
 * yes}, {@code no}, {@code unknown}; for a value question (owner, number, columns, text, choice)
 * {@code given} when a value was given, else {@code unknown}. {@code value} is the text given;
 * {@code values} the list it names (columns; empty for "none"); {@code number} the number it states
 * (NaN when none). {@code test} is the ML Test Score test the question can claim ("Data 1"), empty
 * when none. {@code source} is "answers.yaml", "notebook" or "unanswered".
 */
public record AnswerFact(
    String id,
    String topic,
    String test,
    String answer,
    String value,
    List<String> values,
    double number,
    String owner,
    String evidence,
    String source) {

  public AnswerFact {
    test = test == null ? "" : test;
    value = value == null ? "" : value;
    values = values == null ? List.of() : List.copyOf(values);
    owner = owner == null ? "" : owner;
    evidence = evidence == null ? "" : evidence;
    source = source == null ? "" : source;
  }

  /** Whether the answer claims the practice is in place, by hand or automatically. */
  public boolean claimsDone() {
    return "yes-automated".equals(answer) || "yes-manual".equals(answer) || "yes".equals(answer);
  }
}
