package org.prodml.readiness;

import java.util.List;
import org.prodml.rules.Topic;

/**
 * One readiness question from the catalog ({@code rules/questions/*.yaml}).
 *
 * @param id short, stable, dotted id that answers name ("data.source.reliable")
 * @param topic the course topic it belongs to
 * @param test the ML Test Score test an answer claims by hand ("Data 1"), empty when none
 * @param kind what counts as an answer
 * @param choices the allowed values of a choice question, else empty
 * @param unit what a number question counts, else empty
 * @param text the question
 * @param why why it matters
 * @param course where the course raises it
 * @param origin the file and line it was read from
 */
public record Question(
    String id,
    Topic topic,
    String test,
    AnswerKind kind,
    List<String> choices,
    String unit,
    String text,
    String why,
    String course,
    String origin) {

  public Question {
    choices = choices == null ? List.of() : List.copyOf(choices);
    test = test == null ? "" : test;
    unit = unit == null ? "" : unit;
    course = course == null ? "" : course;
  }

  /** Whether an answer to this question can claim an ML Test Score test. */
  public boolean claimsTest() {
    return !test.isEmpty();
  }
}
