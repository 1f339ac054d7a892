package org.prodml.readiness;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.prodml.rules.Topic;

class QuestionCatalogTest {

  static final String GOOD =
      """
      questions:
        - id: data.source.reliable
          topic: DATA_DEPENDENCY
          test: none
          kind: yes-no
          text: Is it reliable?
          why: Because.
        - id: serving.skew.checked
          topic: SKEW
          test: Monitor 3
          kind: practice
          text: Is skew checked?
          why: Because.
      """;

  static QuestionCatalog parse(String... originAndText) {
    Map<String, String> texts = new LinkedHashMap<>();
    for (int i = 0; i < originAndText.length; i += 2) {
      texts.put(originAndText[i], originAndText[i + 1]);
    }
    return QuestionCatalog.parse(texts);
  }

  static String error(String yaml) {
    ReadinessInputException e =
        assertThrows(ReadinessInputException.class, () -> parse("q.yaml", yaml));
    assertTrue(
        e.errors().stream()
            .allMatch(line -> line.matches("q\\.yaml:\\d+: .+") && !line.contains("\n")),
        "each error is one 'file:line: message' line: " + e.errors());
    return e.getMessage();
  }

  @Test
  void theShippedCatalogLetsEveryTestBeClaimedByHand() {
    QuestionCatalog catalog = QuestionCatalog.standard();
    assertEquals(List.of(), catalog.unclaimedTests());
    for (MlTest test : MlTest.values()) {
      Question q = catalog.questionForTest(test.id()).orElseThrow();
      assertEquals(AnswerKind.PRACTICE, q.kind(), test.id());
    }
    // The course's questions the issue names, each present.
    for (String id :
        List.of(
            "data.source.reliable",
            "data.source.versioned",
            "features.each.beneficial",
            "features.correlated",
            "model.feedbackLoop",
            "data.source.owners",
            "features.pii",
            "features.denyList",
            "model.spec.reviewed",
            "model.canary",
            "model.rollback",
            "data.dependency.notification",
            "model.age.monitored",
            "serving.performance.monitored",
            "model.inclusion.tested")) {
      assertTrue(catalog.question(id).isPresent(), id);
    }
    assertEquals(
        Topic.DATA_DEPENDENCY, catalog.question("data.source.reliable").orElseThrow().topic());
    assertEquals(AnswerKind.OWNER, catalog.question("data.source.owners").orElseThrow().kind());
    assertTrue(
        catalog
            .question("data.source.reliable")
            .orElseThrow()
            .origin()
            .matches("rules/questions/data-dependencies\\.yaml:\\d+"));
  }

  @Test
  void readsAGoodCatalog() {
    QuestionCatalog catalog = parse("q.yaml", GOOD);
    assertEquals(2, catalog.questions().size());
    assertEquals("Monitor 3", catalog.question("serving.skew.checked").orElseThrow().test());
    assertEquals("", catalog.question("data.source.reliable").orElseThrow().test());
    assertEquals("q.yaml:2", catalog.question("data.source.reliable").orElseThrow().origin());
  }

  @Test
  void anUnknownTopicNamesFileLineAndQuestion() {
    String message = error(GOOD.replace("topic: SKEW", "topic: SKEWED"));
    assertTrue(
        message.startsWith("q.yaml:8: question serving.skew.checked: unknown topic 'SKEWED'"),
        message);
  }

  @Test
  void aDuplicateIdAcrossFilesNamesBothPlaces() {
    ReadinessInputException e =
        assertThrows(
            ReadinessInputException.class,
            () -> parse("a.yaml", GOOD, "b.yaml", GOOD.replace("Monitor 3", "none")));
    assertTrue(
        e.getMessage()
            .contains(
                "b.yaml:2: question data.source.reliable: duplicate id (first defined at a.yaml:2)"),
        e.getMessage());
  }

  @Test
  void aBadAnswerKindListsTheKinds() {
    String message = error(GOOD.replace("kind: yes-no", "kind: boolean"));
    assertTrue(
        message.contains(
            "q.yaml:2: question data.source.reliable: unknown answer kind 'boolean'; use one of practice, yes-no"),
        message);
  }

  @Test
  void aTestClaimedTwiceOrByANonPracticeQuestionIsRejected() {
    String twice =
        error(
            GOOD.replace("test: none", "test: Monitor 3")
                .replace("kind: yes-no", "kind: practice"));
    assertTrue(twice.contains("test Monitor 3 is already claimed by data.source.reliable"), twice);
    String yesNo = error(GOOD.replace("test: none", "test: Data 1"));
    assertTrue(yesNo.contains("claims test Data 1 but is of kind yes-no"), yesNo);
    String unknown = error(GOOD.replace("test: none", "test: Data 9"));
    assertTrue(unknown.contains("unknown ML Test Score test 'Data 9'"), unknown);
  }

  @Test
  void missingFieldsUnknownKeysAndSyntaxErrorsAreReported() {
    assertTrue(
        error(GOOD.replace("    why: Because.\n  - id: serving", "  - id: serving"))
            .contains("question data.source.reliable: lacks 'why'"));
    assertTrue(
        error(
                GOOD.replace(
                    "why: Because.\n  - id: serving",
                    "why: Because.\n    wyh: typo\n  - id: serving"))
            .contains("q.yaml:8: question data.source.reliable: unknown key 'wyh'"));
    assertTrue(
        error(GOOD.replace("text: Is it reliable?", "text: Is it: reliable?"))
            .startsWith("q.yaml:6: not valid YAML"));
    assertTrue(error("questions: nope\n").contains("'questions' must be a list"));
    assertTrue(
        error(GOOD.replace("id: data.source.reliable", "id: Data Source"))
            .contains("id must be dotted"));
  }

  @Test
  void closestIdIsTheSmallestEdit() {
    QuestionCatalog catalog = QuestionCatalog.standard();
    assertEquals("data.source.reliable", catalog.closestId("data.source.relaible"));
    assertEquals("serving.skew.checked", catalog.closestId("serving.skew.check"));
    assertEquals(2, QuestionCatalog.editDistance("kitten", "kiten") + 1);
  }
}
