package org.prodml.course;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.prodml.facts.SplitFact;

class AnswerFingerprintTest {
  private static final AnswerFingerprint.Scope SPLITS =
      AnswerFingerprint.Scope.of(
          List.of("import org.prodml.facts.SplitFact;\nrule x when then end"));

  private static SplitFact split(boolean seeded, String trainMax, String testMin) {
    return new SplitFact(
        "random",
        "data",
        seeded,
        seeded ? 7 : 0,
        0.2,
        584,
        147,
        "date",
        null,
        trainMax,
        testMin,
        0.99,
        0,
        0);
  }

  @Test
  void anUnseededSplitRunTwiceIsTheSameAnswerThoughItDrewOtherDays() {
    assertEquals(
        AnswerFingerprint.of(List.of(split(false, "2013-12-31", "2012-01-02")), SPLITS),
        AnswerFingerprint.of(List.of(split(false, "2013-12-30", "2012-01-05")), SPLITS));
  }

  @Test
  void aSeededSplitThatDrawsOtherDaysIsAnotherAnswer() {
    assertNotEquals(
        AnswerFingerprint.of(List.of(split(true, "2013-12-31", "2012-01-02")), SPLITS),
        AnswerFingerprint.of(List.of(split(true, "2013-12-30", "2012-01-05")), SPLITS));
  }
}
