package org.prodml.readiness;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.prodml.facts.TestScoreFact;

/**
 * The ML Test Score of one run (Breck et al., 2017 rules): each of the 28 tests scores 0, 0.5 (done
 * by hand, results written down) or 1 (run automatically and repeatedly); each of the four sections
 * sums its seven tests (0–7); the final score is the <em>minimum</em> of the four sums, because a
 * system is only as ready as its weakest area. The final score falls in one of the paper's
 * interpretation bands (its Table V).
 *
 * <p>Built from the {@link TestScoreFact}s the readiness rules insert. The rules emit one score per
 * test; should a fact list still hold two for a test (facts merged from two runs), the higher
 * counts, evidence before answer; a test without any score fact counts as "unknown" (0) and says
 * so, so a missing rule can never raise the score.
 *
 * <p>JSON: {@code sections[]}, {@code final}, {@code band}, {@code tests[]} and {@code
 * cheapestRaises[]}: the tests of the lowest section(s) that are not yet automated, cheapest first,
 * each with the question that would claim it by hand and what would let the pipeline show it.
 */
public record MlTestScore(
    List<SectionScore> sections,
    @JsonProperty("final") double finalScore,
    Band band,
    List<String> lowestSections,
    List<TestResult> tests,
    List<Improvement> cheapestRaises) {

  /** One section's sum and how its tests stand. */
  public record SectionScore(
      String section,
      double score,
      int automated,
      int manual,
      int failed,
      int notDone,
      int unknown) {}

  /** One test's score, status and the evidence or answer that decided it. */
  public record TestResult(
      String test,
      String section,
      String title,
      double score,
      String status,
      String basis,
      Map<String, Object> evidence,
      String question,
      String note) {}

  /**
   * One way to raise the score.
   *
   * @param action what to do: "answer the question" (unknown), "do it and write down the result"
   *     (not done), "let the pipeline measure it" (manual, measurable here), "fix what the pipeline
   *     measured" (failed) or "automate it outside this project" (manual, not measurable here)
   * @param gain how much the test's section rises
   * @param finalGain how much the final score rises if only this is done (0 while another section
   *     is as low)
   * @param question the question whose answer claims the test by hand
   * @param questionText that question's text ("" without a catalog)
   * @param howToAutomate what would let this project show the test itself
   */
  public record Improvement(
      String test,
      String section,
      String title,
      String status,
      double score,
      String action,
      double gain,
      double finalGain,
      String question,
      String questionText,
      String howToAutomate) {}

  /**
   * An interpretation band of the final score, after the paper's Table V (paraphrased).
   *
   * @param range the band's interval: "0", "(0, 1]", "(1, 2]", "(2, 3]", "(3, 5]" or "> 5"
   */
  public record Band(String range, String meaning) {

    public static Band of(double finalScore) {
      if (finalScore <= 0) {
        return new Band("0", "more a research project than a production system");
      }
      if (finalScore <= 1) {
        return new Band(
            "(0, 1]", "not wholly untested, but its reliability may well have serious gaps");
      }
      if (finalScore <= 2) {
        return new Band(
            "(1, 2]",
            "a first pass at productionization has been made; more investment is likely needed");
      }
      if (finalScore <= 3) {
        return new Band(
            "(2, 3]",
            "reasonably tested, though more of its tests and procedures could be automated");
      }
      if (finalScore <= 5) {
        return new Band(
            "(3, 5]", "strong automated testing and monitoring, fit for a mission-critical system");
      }
      return new Band("> 5", "exceptional automated testing and monitoring");
    }
  }

  /** The score from the rules' score facts, without question texts. */
  public static MlTestScore of(List<TestScoreFact> scores) {
    return of(scores, null);
  }

  /** The score from the rules' score facts; the catalog (may be null) adds each question's text. */
  public static MlTestScore of(List<TestScoreFact> scores, QuestionCatalog catalog) {
    Map<String, TestScoreFact> best = new LinkedHashMap<>();
    for (TestScoreFact s : scores) {
      best.merge(s.test(), s, (a, b) -> better(b, a) ? b : a);
    }
    List<TestResult> tests = new ArrayList<>();
    for (MlTest t : MlTest.values()) {
      TestScoreFact s = best.get(t.id());
      if (s == null) {
        String question =
            catalog == null ? "" : catalog.questionForTest(t.id()).map(Question::id).orElse("");
        tests.add(
            new TestResult(
                t.id(),
                t.section(),
                t.title(),
                0,
                TestScoreFact.UNKNOWN,
                "none",
                Map.of(),
                question,
                "no score for this test: its readiness rule did not run (rules/readiness not loaded, or its question not in the run)"));
      } else {
        tests.add(
            new TestResult(
                t.id(),
                t.section(),
                t.title(),
                s.score(),
                s.status(),
                s.basis(),
                s.evidence(),
                s.question(),
                s.note()));
      }
    }
    List<SectionScore> sections = new ArrayList<>();
    for (String section : MlTest.SECTIONS) {
      List<TestResult> in = tests.stream().filter(r -> r.section().equals(section)).toList();
      sections.add(
          new SectionScore(
              section,
              in.stream().mapToDouble(TestResult::score).sum(),
              count(in, TestScoreFact.AUTOMATED),
              count(in, TestScoreFact.MANUAL),
              count(in, TestScoreFact.FAILED),
              count(in, TestScoreFact.NOT_DONE),
              count(in, TestScoreFact.UNKNOWN)));
    }
    double finalScore = sections.stream().mapToDouble(SectionScore::score).min().orElse(0);
    List<String> lowest =
        sections.stream().filter(s -> s.score() == finalScore).map(SectionScore::section).toList();
    return new MlTestScore(
        sections,
        finalScore,
        Band.of(finalScore),
        lowest,
        tests,
        improvements(tests, sections, finalScore, lowest, catalog));
  }

  private static boolean better(TestScoreFact candidate, TestScoreFact current) {
    if (candidate.score() != current.score()) {
      return candidate.score() > current.score();
    }
    return "evidence".equals(candidate.basis()) && !"evidence".equals(current.basis());
  }

  private static int count(List<TestResult> results, String status) {
    return (int) results.stream().filter(r -> r.status().equals(status)).count();
  }

  private static List<Improvement> improvements(
      List<TestResult> tests,
      List<SectionScore> sections,
      double finalScore,
      List<String> lowest,
      QuestionCatalog catalog) {
    List<Improvement> raises = new ArrayList<>();
    for (TestResult r : tests) {
      if (!lowest.contains(r.section()) || r.score() >= 1) {
        continue;
      }
      MlTest test = MlTest.byId(r.test()).orElseThrow();
      String action;
      double gain;
      switch (r.status()) {
        case TestScoreFact.UNKNOWN -> {
          action = "answer the question";
          gain = 0.5;
        }
        case TestScoreFact.NOT_DONE -> {
          action = "do it and write down the result";
          gain = 0.5;
        }
        case TestScoreFact.FAILED -> {
          action = "fix what the pipeline measured";
          gain = 1.0;
        }
        default -> {
          action =
              test.measurable()
                  ? "let the pipeline measure it"
                  : "automate it outside this project";
          gain = 1.0 - r.score();
        }
      }
      double sectionAfter = sectionScore(sections, r.section()) + gain;
      double finalAfter =
          sections.stream()
              .mapToDouble(s -> s.section().equals(r.section()) ? sectionAfter : s.score())
              .min()
              .orElse(0);
      String questionText =
          catalog == null ? "" : catalog.question(r.question()).map(Question::text).orElse("");
      raises.add(
          new Improvement(
              r.test(),
              r.section(),
              r.title(),
              r.status(),
              r.score(),
              action,
              gain,
              finalAfter - finalScore,
              r.question(),
              questionText,
              test.howToAutomate()));
    }
    raises.sort(
        Comparator.comparingInt((Improvement i) -> cost(i.action()))
            .thenComparing(i -> MlTest.byId(i.test()).orElseThrow().ordinal()));
    return raises;
  }

  private static double sectionScore(List<SectionScore> sections, String section) {
    return sections.stream()
        .filter(s -> s.section().equals(section))
        .mapToDouble(SectionScore::score)
        .sum();
  }

  /**
   * Cheapest first: an answer costs a minute, running the pipeline's check an afternoon, a fix
   * more.
   */
  private static int cost(String action) {
    return switch (action) {
      case "answer the question" -> 0;
      case "let the pipeline measure it" -> 1;
      case "do it and write down the result" -> 2;
      case "fix what the pipeline measured" -> 3;
      default -> 4;
    };
  }

  /** The result of one test ("Data 1"). */
  public TestResult test(String id) {
    return tests.stream().filter(t -> t.test().equals(id)).findFirst().orElseThrow();
  }

  /** One section's score ("Data", "Model", "Infra", "Monitor"). */
  public double section(String name) {
    return sectionScore(sections, name);
  }
}
