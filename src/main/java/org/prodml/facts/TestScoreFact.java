package org.prodml.facts;

import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The score of one ML Test Score test (Breck et al., 2017) in this run, inserted by the test's
 * readiness rule. {@code score} is 1 when the pipeline's own facts show the test running and
 * holding ({@code status} "automated"), 0.5 when only an answer claims it ("manual"), and 0 when
 * the facts show it does not hold ("failed"), when the answer says it is not done ("not done"), or
 * when nobody said ("unknown"). {@code basis} says what decided: "evidence" or "answer". {@code
 * evidence} holds what was measured and what was answered; {@code question} is the question that
 * can claim the test by hand; {@code note} says in a sentence why this score.
 *
 * <p>Rules build scores with {@link #measured} and {@link #answered}, which apply the one scoring
 * rule of this project: evidence beats answers. Whatever the run measured for the test decides (1
 * when it all holds, 0 when any of it fails); only when the run measured nothing does the answer
 * count, and an answer can claim at most "manual", even when it says "yes-automated".
 */
public record TestScoreFact(
    String test,
    String section,
    double score,
    String status,
    String basis,
    Map<String, Object> evidence,
    String question,
    String note) {

  public static final String AUTOMATED = "automated";
  public static final String MANUAL = "manual";
  public static final String FAILED = "failed";
  public static final String NOT_DONE = "not done";
  public static final String UNKNOWN = "unknown";

  public TestScoreFact {
    evidence =
        evidence == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(evidence));
    question = question == null ? "" : question;
    note = note == null ? "" : note;
    section = section == null || section.isEmpty() ? sectionOf(test) : section;
  }

  /** "Data 1" → "Data". */
  public static String sectionOf(String test) {
    if (test == null) {
      return "";
    }
    int space = test.indexOf(' ');
    return space < 0 ? test : test.substring(0, space);
  }

  /**
   * The score of a test this run can measure.
   *
   * @param checked how many things this run checked for the test (features compared, checks run); 0
   *     when it measured nothing, and the answer decides
   * @param failing how many of those do not hold: a count, or the collection of what fails (its
   *     size counts)
   * @param evidence what was measured, as alternating key, value arguments
   */
  public static TestScoreFact measured(
      String test, AnswerFact claim, Number checked, Object failing, Object... evidence) {
    long n = checked == null ? 0 : checked.longValue();
    long bad =
        failing instanceof Number f
            ? f.longValue()
            : failing instanceof Collection<?> c ? c.size() : 0;
    if (n <= 0) {
      return answered(test, claim, evidence);
    }
    Map<String, Object> values = pairs(evidence);
    values.put("checked", n);
    values.put("failing", bad);
    addClaim(values, claim);
    String answered =
        claim == null
            ? ""
            : "; the answer (" + claim.answer() + ") does not change a measured result";
    if (bad == 0) {
      return new TestScoreFact(
          test,
          sectionOf(test),
          1.0,
          AUTOMATED,
          "evidence",
          values,
          questionOf(claim),
          "measured by this run: " + n + " checked, all hold" + answered);
    }
    return new TestScoreFact(
        test,
        sectionOf(test),
        0.0,
        FAILED,
        "evidence",
        values,
        questionOf(claim),
        "measured by this run: " + bad + " of " + n + " checked do not hold" + answered);
  }

  /** The score of a test from its answer alone: at most manual (0.5). */
  public static TestScoreFact answered(String test, AnswerFact claim, Object... evidence) {
    Map<String, Object> values = pairs(evidence);
    values.put("checked", 0L);
    addClaim(values, claim);
    String answer = claim == null ? "unknown" : claim.answer();
    String from = claim == null ? "" : " (" + claim.source() + ")";
    return switch (answer) {
      case "yes-automated" ->
          new TestScoreFact(
              test,
              sectionOf(test),
              0.5,
              MANUAL,
              "answer",
              values,
              questionOf(claim),
              "answered yes-automated"
                  + from
                  + ", but this run shows no evidence of it, so it counts as manual");
      case "yes-manual" ->
          new TestScoreFact(
              test,
              sectionOf(test),
              0.5,
              MANUAL,
              "answer",
              values,
              questionOf(claim),
              "answered yes-manual" + from + "; this run shows no evidence of it");
      case "no" ->
          new TestScoreFact(
              test,
              sectionOf(test),
              0.0,
              NOT_DONE,
              "answer",
              values,
              questionOf(claim),
              "answered no" + from);
      default ->
          new TestScoreFact(
              test,
              sectionOf(test),
              0.0,
              UNKNOWN,
              "answer",
              values,
              questionOf(claim),
              claim == null || "unanswered".equals(claim.source())
                  ? "nobody answered "
                      + (claim == null ? "its question" : claim.id())
                      + " and this run shows no evidence"
                  : "answered unknown" + from);
    };
  }

  /**
   * The elements of several collections in one list (rules collect what fails from several fact
   * types and count it as one).
   */
  public static java.util.List<Object> union(Object... collections) {
    java.util.List<Object> all = new java.util.ArrayList<>();
    for (Object c : collections) {
      if (c instanceof Collection<?> items) {
        all.addAll(items);
      }
    }
    return all;
  }

  private static String questionOf(AnswerFact claim) {
    return claim == null ? "" : claim.id();
  }

  private static void addClaim(Map<String, Object> values, AnswerFact claim) {
    if (claim == null) {
      return;
    }
    values.put("answer", claim.answer());
    values.put("answerSource", claim.source());
    if (!claim.evidence().isEmpty()) {
      values.put("answerEvidence", claim.evidence());
    }
    if (!claim.owner().isEmpty()) {
      values.put("answerOwner", claim.owner());
    }
  }

  private static Map<String, Object> pairs(Object... keysAndValues) {
    if (keysAndValues.length % 2 != 0) {
      throw new IllegalArgumentException("score evidence needs key, value pairs; got an odd count");
    }
    Map<String, Object> values = new LinkedHashMap<>();
    for (int i = 0; i < keysAndValues.length; i += 2) {
      Object v = keysAndValues[i + 1];
      values.put(
          String.valueOf(keysAndValues[i]),
          v instanceof Collection<?> c
              ? Collections.unmodifiableList(new java.util.ArrayList<Object>(c))
              : v);
    }
    return values;
  }
}
