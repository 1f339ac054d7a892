package org.prodml.readiness;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.prodml.data.ColumnRoles;
import org.prodml.facts.AnswerFact;
import org.prodml.profile.CsvProfiler;
import org.prodml.profile.DataFacts;
import org.prodml.profile.DatasetProfile;
import org.prodml.profile.ProfileOptions;
import org.prodml.rules.Finding;
import org.prodml.rules.RuleBase;
import org.prodml.rules.RuleFiles;
import org.prodml.rules.Severity;

/**
 * The readiness judgement end to end on shipped data: the Seattle weather spans (train 2012-2013,
 * serving 2015) profiled and compared as the audit does, with the example answers files of {@code
 * rules/questions/examples/}: an honest one, and one whose claims the data contradicts.
 */
class ReadinessOnSeattleWeatherTest {
  static final Path SPANS = Path.of("datasets/seattle-weather/spans");
  static final Path EXAMPLES = Path.of("rules/questions/examples");

  static List<Object> facts;
  static RuleBase rules;
  static QuestionCatalog catalog;

  @BeforeAll
  static void auditFacts() {
    ProfileOptions options = ProfileOptions.defaults().withLabel("weather").withTime("date");
    DatasetProfile train = CsvProfiler.profile(SPANS.resolve("train-2012-2013.csv"), options);
    DatasetProfile serving = CsvProfiler.profile(SPANS.resolve("serving-2015.csv"), options);
    ColumnRoles roles =
        new ColumnRoles("weather", "date", null, null, Set.of(), Set.of(), Set.of());
    facts = DataFacts.build(train, Map.of("serving", serving), roles).facts();
    List<Path> folders = Readiness.ruleFolders(Path.of("rules"));
    rules =
        RuleFiles.compile(
            List.of(Path.of("rules/data-validation"), folders.get(0), folders.get(1)));
    catalog = QuestionCatalog.standard();
  }

  static ReadinessReport judge(String answersFile) {
    return Readiness.evaluate(rules, facts, Answers.read(EXAMPLES.resolve(answersFile), catalog));
  }

  @Test
  void honestAnswersGiveAScoreWithEvidence() {
    ReadinessReport report = judge("seattle-weather.answers.yaml");
    MlTestScore score = report.mlTestScore();

    // Measured by the run itself, whatever was answered: automated.
    for (String test : List.of("Data 1", "Monitor 2", "Monitor 3", "Monitor 5")) {
      assertEquals("automated", score.test(test).status(), test);
      assertEquals("evidence", score.test(test).basis(), test);
    }
    assertEquals(
        6L,
        score.test("Data 1").evidence().get("comparedColumns"),
        "every column of serving against training");
    assertEquals(
        4L,
        score.test("Monitor 3").evidence().get("featuresCompared"),
        "the 4 features, not the label or the date");
    assertEquals(List.of(), score.test("Monitor 3").evidence().get("skewedFeatures"));
    // The team's one-year age limit against serving data two years past training: measured, and
    // failing.
    assertEquals("failed", score.test("Monitor 4").status());
    assertEquals(
        List.of("serving"),
        score.test("Monitor 4").evidence().get("servingSpansTooFarPastTraining"));
    // Claimed by hand only.
    assertEquals("manual", score.test("Data 2").status());
    assertEquals(0.5, score.test("Data 2").score());
    assertEquals("not done", score.test("Data 4").status());
    assertEquals("unknown", score.test("Model 2").status());

    assertEquals(3.0, score.section("Data"));
    assertEquals(1.5, score.section("Model"));
    assertEquals(1.5, score.section("Infra"));
    assertEquals(3.0, score.section("Monitor"));
    assertEquals(1.5, score.finalScore());
    assertEquals("(1, 2]", score.band().range());
    assertEquals(List.of("Model", "Infra"), score.lowestSections());
    assertEquals(28, score.tests().size());
    // Cheapest first: the unanswered Model 2 question, then tests the pipeline could measure.
    assertEquals("Model 2", score.cheapestRaises().get(0).test());
    assertEquals("answer the question", score.cheapestRaises().get(0).action());
    assertEquals("let the pipeline measure it", score.cheapestRaises().get(1).action());
    assertTrue(
        score.cheapestRaises().stream().allMatch(i -> i.finalGain() == 0),
        "two sections tie at the minimum");

    assertEquals(
        List.of("model.metrics.offlineOnline", "monitoring.alertOwner", "serving.latencyBudgetMs"),
        report.unanswered().stream().map(AnswerFact::id).toList());
    assertEquals(List.of(), report.contradictions());
    assertEquals(List.of("FL-019"), report.flaws().stream().map(Finding::ruleId).toList());
    assertEquals(730.0, report.flaws().get(0).evidence().get("daysPastTraining"));
  }

  @Test
  void contradictingAnswersAreFindings() {
    ReadinessReport report = judge("seattle-weather.contradicting.answers.yaml");

    List<String> contradictions = report.contradictions().stream().map(Finding::ruleId).toList();
    assertEquals(List.of("MT-508", "MT-511"), contradictions.stream().sorted().toList());
    Finding stale =
        report.contradictions().stream()
            .filter(f -> f.ruleId().equals("MT-508"))
            .findFirst()
            .orElseThrow();
    assertEquals("model.age.monitored", stale.subject());
    assertEquals(Severity.WARNING, stale.severity());
    assertEquals(List.of(730.0), stale.evidence().get("servingDaysPastTraining"));
    assertTrue(stale.message().contains("yes-automated"), stale.message());
    Finding denied =
        report.contradictions().stream()
            .filter(f -> f.ruleId().equals("MT-511"))
            .findFirst()
            .orElseThrow();
    assertEquals(List.of("wind"), denied.evidence().get("features"));

    // Evidence beats answers: the claims do not raise the measured tests.
    MlTestScore score = report.mlTestScore();
    assertEquals("failed", score.test("Monitor 4").status());
    assertEquals("failed", score.test("Data 4").status());
    assertEquals(List.of("wind"), score.test("Data 4").evidence().get("deniedFeaturesUsed"));
    // A claim of automation without evidence counts as manual.
    assertEquals("manual", score.test("Infra 1").status());
    assertTrue(
        score.test("Infra 1").note().contains("counts as manual"), score.test("Infra 1").note());
    assertEquals(1.5, score.finalScore());
    assertTrue(
        report.flaws().stream()
            .anyMatch(f -> f.ruleId().equals("FL-018") && f.subject().equals("wind")));
  }

  @Test
  void withoutAnswersEveryQuestionIsUnknownAndOnlyEvidenceScores() {
    ReadinessReport report = Readiness.evaluate(rules, facts, Answers.none(catalog));
    assertEquals(catalog.questions().size(), report.unanswered().size());
    MlTestScore score = report.mlTestScore();
    assertEquals(1.0, score.section("Data"), "Data 1 from the comparison");
    assertEquals(
        3.0, score.section("Monitor"), "Monitor 2, 3 and 5; no age limit stated for Monitor 4");
    assertEquals(0.0, score.finalScore());
    assertEquals("0", score.band().range());
    assertEquals(24, score.tests().stream().filter(t -> t.status().equals("unknown")).count());
  }

  @Test
  void oneScorePerTestEvenWhenTheCallerAlreadyAddedAnswerFacts() {
    Answers answers = Answers.read(EXAMPLES.resolve("seattle-weather.answers.yaml"), catalog);
    List<Object> withAnswers = new java.util.ArrayList<>(facts);
    withAnswers.addAll(answers.facts());
    var judgement = rules.evaluate(withAnswers);
    assertEquals(28, judgement.derived(org.prodml.facts.TestScoreFact.class).size());
    assertEquals(
        28,
        judgement.derived(org.prodml.facts.TestScoreFact.class).stream()
            .map(org.prodml.facts.TestScoreFact::test)
            .distinct()
            .count());
    ReadinessReport viaReport = Readiness.report(judgement, answers);
    ReadinessReport viaEvaluate = Readiness.evaluate(rules, withAnswers, answers);
    assertEquals(viaEvaluate.mlTestScore(), viaReport.mlTestScore());
  }
}
