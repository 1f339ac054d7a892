package org.prodml.readiness;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.prodml.facts.TestScoreFact;

class MlTestScoreTest {

  static TestScoreFact score(String test, double score) {
    String status = score == 1 ? "automated" : score == 0.5 ? "manual" : "not done";
    return new TestScoreFact(
        test, null, score, status, score == 1 ? "evidence" : "answer", Map.of(), "", "");
  }

  /** Every test of a section at the same score, the others at 1. */
  static List<TestScoreFact> all(double data, double model, double infra, double monitor) {
    List<TestScoreFact> scores = new ArrayList<>();
    for (MlTest t : MlTest.values()) {
      double s =
          switch (t.section()) {
            case "Data" -> data;
            case "Model" -> model;
            case "Infra" -> infra;
            default -> monitor;
          };
      scores.add(score(t.id(), s));
    }
    return scores;
  }

  @Test
  void sectionsSumAndTheFinalScoreIsTheMinimum() {
    List<TestScoreFact> scores = new ArrayList<>(all(1, 1, 1, 1));
    scores.replaceAll(s -> s.test().equals("Model 3") ? score("Model 3", 0.5) : s);
    scores.replaceAll(s -> s.test().equals("Model 4") ? score("Model 4", 0) : s);
    MlTestScore result = MlTestScore.of(scores);
    assertEquals(7.0, result.section("Data"));
    assertEquals(5.5, result.section("Model"));
    assertEquals(5.5, result.finalScore());
    assertEquals(List.of("Model"), result.lowestSections());
    assertEquals("> 5", result.band().range());
    MlTestScore.SectionScore model = result.sections().get(1);
    assertEquals(5, model.automated());
    assertEquals(1, model.manual());
    assertEquals(1, model.notDone());
  }

  @Test
  void bandEdgesFollowTheTable() {
    Object[][] cases = {
      {0.0, "0"},
      {0.5, "(0, 1]"},
      {1.0, "(0, 1]"},
      {1.5, "(1, 2]"},
      {2.0, "(1, 2]"},
      {2.5, "(2, 3]"},
      {3.0, "(2, 3]"},
      {3.5, "(3, 5]"},
      {5.0, "(3, 5]"},
      {5.5, "> 5"},
      {7.0, "> 5"},
    };
    for (Object[] c : cases) {
      assertEquals(c[1], MlTestScore.Band.of((double) c[0]).range(), "final " + c[0]);
    }
    // Through the arithmetic: Data at 7 × 0.5 = 3.5, the others at 7: final 3.5.
    assertEquals("(3, 5]", MlTestScore.of(all(0.5, 1, 1, 1)).band().range());
    assertEquals("0", MlTestScore.of(all(1, 1, 0, 1)).band().range());
  }

  @Test
  void aMissingTestIsUnknownAndADuplicateKeepsTheBest() {
    List<TestScoreFact> scores = new ArrayList<>(all(1, 1, 1, 1));
    scores.removeIf(s -> s.test().equals("Data 6"));
    scores.add(score("Data 1", 0.5));
    MlTestScore result = MlTestScore.of(scores);
    assertEquals("unknown", result.test("Data 6").status());
    assertTrue(result.test("Data 6").note().contains("did not run"));
    assertEquals(
        1.0,
        result.test("Data 1").score(),
        "the automated score of Data 1 wins over the manual one");
    assertEquals(6.0, result.section("Data"));
    assertEquals(28, result.tests().size());
  }

  @Test
  void theCheapestRaisesComeFromTheLowestSection() {
    List<TestScoreFact> scores = new ArrayList<>(all(1, 1, 1, 1));
    scores.replaceAll(
        s ->
            switch (s.test()) {
              case "Infra 1" ->
                  new TestScoreFact(
                      "Infra 1",
                      null,
                      0,
                      "failed",
                      "evidence",
                      Map.of(),
                      "training.reproducible",
                      "");
              case "Infra 5" ->
                  new TestScoreFact(
                      "Infra 5", null, 0, "unknown", "answer", Map.of(), "model.debuggable", "");
              case "Infra 2" -> score("Infra 2", 0.5);
              case "Model 1" -> score("Model 1", 0);
              case "Model 2" -> score("Model 2", 0);
              default -> s;
            });
    MlTestScore result = MlTestScore.of(scores, QuestionCatalog.standard());
    assertEquals(4.5, result.finalScore(), "Infra: 7 - 1 - 1 - 0.5");
    assertEquals(List.of("Infra"), result.lowestSections());
    List<MlTestScore.Improvement> raises = result.cheapestRaises();
    assertEquals(
        List.of("Infra 5", "Infra 2", "Infra 1"),
        raises.stream().map(MlTestScore.Improvement::test).toList());
    assertEquals("answer the question", raises.get(0).action());
    assertEquals(0.5, raises.get(0).finalGain());
    assertTrue(
        raises.get(0).questionText().startsWith("Can you follow"), raises.get(0).questionText());
    assertEquals("let the pipeline measure it", raises.get(1).action());
    assertEquals("fix what the pipeline measured", raises.get(2).action());
    assertEquals(1.0, raises.get(2).gain());
    assertEquals(0.5, raises.get(2).finalGain(), "Model at 5 caps the rise of the final score");
  }

  @Test
  void jsonCarriesSectionsFinalAndTests() {
    JsonNode json = new ObjectMapper().valueToTree(MlTestScore.of(all(1, 0.5, 1, 1)));
    assertEquals(3.5, json.get("final").asDouble());
    assertEquals("Data", json.get("sections").get(0).get("section").asText());
    assertEquals(28, json.get("tests").size());
    assertEquals("Model 1", json.get("tests").get(7).get("test").asText());
    assertEquals("(3, 5]", json.get("band").get("range").asText());
  }
}
