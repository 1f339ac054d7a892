package org.prodml.readiness;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.prodml.rules.RuleCases;

/**
 * Rule cases can assert the facts a rule derives (the readiness score rules insert scores, not
 * findings).
 */
class DerivedFactCasesTest {

  static final String DRL =
      """
      package rules.readiness;
      import org.prodml.facts.AnswerFact;
      import org.prodml.facts.TestScoreFact;
      rule "MT-999 Scores a test from its answer"
          @id("MT-999") @severity("INFO") @topic("DEPLOYMENT") @stage("READINESS")
          @explanation("x") @remedy("y")
      when
          $claim : AnswerFact(test == "Infra 7")
      then
          insert(TestScoreFact.answered("Infra 7", $claim));
      end
      """;

  static final String CLAIM =
      """
      {"type": "AnswerFact", "value": {"id": "model.rollback", "topic": "DEPLOYMENT", "test": "Infra 7", "answer": "%s"}}
      """;

  @Test
  void derivedFactsFireAndCanBeMatchedByComponents(@TempDir Path dir) throws IOException {
    Files.writeString(dir.resolve("Scores.drl"), DRL);
    Path cases = dir.resolve("Scores.cases.json");
    Files.writeString(
        cases,
        """
        { "rule": "MT-999", "cases": [
          { "title": "any derived fact fires", "expect": "fire", "facts": [ %s ] },
          { "title": "the right score", "expect": "fire", "facts": [ %s ],
            "derived": {"type": "TestScoreFact", "value": {"status": "manual", "score": 0.5}} },
          { "title": "the wrong score", "expect": "fire", "facts": [ %s ],
            "derived": {"type": "TestScoreFact", "value": {"status": "automated", "score": 1}} },
          { "title": "nothing derived", "expect": "quiet", "facts": [] },
          { "title": "derived, though quiet was expected", "expect": "quiet", "facts": [ %s ] }
        ] }
        """
            .formatted(
                CLAIM.formatted("yes-manual"),
                CLAIM.formatted("yes-manual"),
                CLAIM.formatted("yes-manual"),
                CLAIM.formatted("no")));
    List<RuleCases.Result> results = RuleCases.run(cases);
    assertTrue(results.get(0).passed(), results.get(0).message());
    assertTrue(results.get(1).passed(), results.get(1).message());
    assertFalse(results.get(2).passed());
    assertTrue(
        results
                .get(2)
                .message()
                .contains(
                    "expected MT-999 to derive a TestScoreFact with {\"status\":\"automated\",\"score\":1}")
            && results.get(2).message().contains("status=manual"),
        results.get(2).message());
    assertTrue(results.get(3).passed(), results.get(3).message());
    assertFalse(results.get(4).passed());
    assertTrue(
        results.get(4).message().contains("to stay quiet, but it derived"),
        results.get(4).message());
  }

  @Test
  void aDerivedSpecOfAnUnknownTypeIsAFormatError(@TempDir Path dir) throws IOException {
    Files.writeString(dir.resolve("Scores.drl"), DRL);
    Path cases = dir.resolve("Scores.cases.json");
    Files.writeString(
        cases,
        """
        { "rule": "MT-999", "cases": [ { "title": "x", "expect": "fire", "facts": [],
          "derived": {"type": "NoSuchFact", "value": {}} } ] }
        """);
    RuleCases.CasesFormatException e =
        org.junit.jupiter.api.Assertions.assertThrows(
            RuleCases.CasesFormatException.class, () -> RuleCases.read(cases));
    assertTrue(
        e.getMessage().contains("Scores.cases.json")
            && e.getMessage().contains("unknown fact type"),
        e.getMessage());
  }
}
