package org.prodml.readiness;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.prodml.facts.AnswerFact;

class AnswersTest {
  static QuestionCatalog catalog;

  @BeforeAll
  static void load() {
    catalog = QuestionCatalog.standard();
  }

  static AnswerFact fact(Answers answers, String id) {
    return answers.facts().stream().filter(a -> a.id().equals(id)).findFirst().orElseThrow();
  }

  @Test
  void readsBothFormsAndKeepsYesAndNoAsWords() {
    Answers answers =
        Answers.parse(
            """
        data.source.reliable: yes
        data.source.versioned: no
        serving.skew.checked:
          answer: yes-manual
          evidence: monthly review, docs/skew.md
          owner: weather-ml team
        features.pii: none
        features.correlated: [temp_max, temp_min]
        features.costly: wind, precipitation
        model.staleness.maxDays: 90
        data.source.owners: NOAA NCEI
        """,
            "answers.yaml",
            catalog);
    assertEquals(
        "yes",
        fact(answers, "data.source.reliable").answer(),
        "YAML reads bare yes as a boolean; the answer stays the word");
    assertEquals("no", fact(answers, "data.source.versioned").answer());
    AnswerFact skew = fact(answers, "serving.skew.checked");
    assertEquals("yes-manual", skew.answer());
    assertEquals("Monitor 3", skew.test());
    assertEquals("SKEW", skew.topic());
    assertEquals("monthly review, docs/skew.md", skew.evidence());
    assertEquals("weather-ml team", skew.owner());
    assertEquals("answers.yaml", skew.source());
    assertEquals("given", fact(answers, "features.pii").answer());
    assertEquals(List.of(), fact(answers, "features.pii").values());
    assertEquals(List.of("temp_max", "temp_min"), fact(answers, "features.correlated").values());
    assertEquals(List.of("wind", "precipitation"), fact(answers, "features.costly").values());
    assertEquals(90.0, fact(answers, "model.staleness.maxDays").number());
    assertEquals("NOAA NCEI", fact(answers, "data.source.owners").value());
  }

  @Test
  void everyUnansweredQuestionBecomesAnUnknownFact() {
    Answers answers = Answers.parse("data.source.reliable: yes\n", "answers.yaml", catalog);
    List<AnswerFact> facts = answers.facts();
    assertEquals(catalog.questions().size(), facts.size());
    AnswerFact silent = fact(answers, "serving.skew.checked");
    assertEquals("unknown", silent.answer());
    assertEquals("unanswered", silent.source());
    assertTrue(Double.isNaN(silent.number()));
    assertEquals(
        catalog.questions().size() - 1,
        facts.stream().filter(a -> a.answer().equals("unknown")).count());
  }

  @Test
  void anUnknownIdSuggestsTheClosest() {
    ReadinessInputException e =
        assertThrows(
            ReadinessInputException.class,
            () ->
                Answers.parse(
                    "data.source.reliable: yes\ndata.source.relaible: yes\n",
                    "answers.yaml",
                    catalog));
    assertEquals(
        List.of(
            "answers.yaml:2: unknown question 'data.source.relaible'; did you mean 'data.source.reliable'?"),
        e.errors());
  }

  @Test
  void anAnswerTheQuestionDoesNotAllowSaysWhatIs() {
    ReadinessInputException e =
        assertThrows(
            ReadinessInputException.class,
            () ->
                Answers.parse(
                    """
        serving.skew.checked: yes
        data.source.reliable: maybe
        model.staleness.maxDays: soon
        features.pii:
        """,
                    "a.yaml",
                    catalog));
    List<String> errors = e.errors();
    assertEquals(4, errors.size(), errors.toString());
    assertTrue(
        errors
            .get(0)
            .startsWith(
                "a.yaml:1: serving.skew.checked: 'yes' is not an answer to this practice question; use yes-automated"),
        errors.get(0));
    assertTrue(errors.get(0).endsWith("(say whether it is automated or manual)"), errors.get(0));
    assertTrue(
        errors
            .get(1)
            .startsWith(
                "a.yaml:2: data.source.reliable: 'maybe' is not an answer to this yes-no question; use yes, no or unknown"));
    assertTrue(
        errors
            .get(2)
            .contains(
                "model.staleness.maxDays: 'soon' is not an answer to this number question; use a number"));
    assertTrue(errors.get(3).contains("features.pii: no answer is not an answer"), errors.get(3));
  }

  @Test
  void anUnknownKeyInTheDetailFormIsAnError() {
    ReadinessInputException e =
        assertThrows(
            ReadinessInputException.class,
            () ->
                Answers.parse(
                    """
        serving.skew.checked:
          answer: yes-manual
          evidense: typo
        """,
                    "a.yaml",
                    catalog));
    assertEquals(
        List.of(
            "a.yaml:3: serving.skew.checked: unknown key 'evidense'; an answer may have answer:, evidence: and owner:"),
        e.errors());
  }

  @Test
  void notebookLinesCarryTheirLineNumbers() {
    Answers answers =
        Answers.parseLines(
            """
        # data dependencies
        data.source.reliable: yes

        serving.skew.checked: yes-manual   # reviewed monthly
        """,
            catalog);
    assertEquals("notebook", fact(answers, "serving.skew.checked").source());
    assertEquals("yes-manual", fact(answers, "serving.skew.checked").answer());
    assertEquals(4, answers.answer("serving.skew.checked").orElseThrow().line());
    ReadinessInputException e =
        assertThrows(
            ReadinessInputException.class,
            () ->
                Answers.parseLines(
                    """
        data.source.reliable: yes
        just some words
        data.source.reliable: no
        serving.skew.checkd: yes-manual
        """,
                    catalog));
    assertEquals(
        List.of(
            "notebook:2: expected 'question-id: answer', got 'just some words'",
            "notebook:3: data.source.reliable is answered twice (first on line 1)",
            "notebook:4: unknown question 'serving.skew.checkd'; did you mean 'serving.skew.checked'?"),
        e.errors());
  }

  @Test
  void laterAnswersOverrideEarlierOnes() {
    Answers file =
        Answers.parse(
            "data.source.reliable: no\nserving.skew.checked: no\n", "answers.yaml", catalog);
    Answers notebook =
        Answers.of(Map.of("serving.skew.checked", "yes-manual"), Answers.NOTEBOOK, catalog);
    Answers merged = file.overriddenBy(notebook);
    assertEquals("no", fact(merged, "data.source.reliable").answer());
    assertEquals("yes-manual", fact(merged, "serving.skew.checked").answer());
    assertEquals("notebook", fact(merged, "serving.skew.checked").source());
  }

  @Test
  void theShippedExamplesParse() {
    for (String name :
        List.of("seattle-weather.answers.yaml", "seattle-weather.contradicting.answers.yaml")) {
      Answers answers = Answers.read(Path.of("rules/questions/examples", name), catalog);
      assertTrue(answers.given().size() >= catalog.questions().size() - 3, name);
    }
    ReadinessInputException missing =
        assertThrows(
            ReadinessInputException.class,
            () -> Answers.read(Path.of("rules/questions/examples/nope.yaml"), catalog));
    assertTrue(
        missing
            .getMessage()
            .startsWith("rules/questions/examples/nope.yaml:0: cannot read answers file"));
  }
}
