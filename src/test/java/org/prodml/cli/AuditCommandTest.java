package org.prodml.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.prodml.data.CsvDamage;
import org.prodml.testing.HeadlessChromium;

/** The audit command end to end on the shipped seattle-weather spans, clean and damaged. */
class AuditCommandTest {
  static final Path TRAIN = Path.of("datasets/seattle-weather/spans/train-2012-2013.csv");
  static final Path SERVING = Path.of("datasets/seattle-weather/spans/serving-2015.csv");
  static final Path TEST = Path.of("datasets/seattle-weather/spans/test-2014.csv");

  record Run(int exit, String out, String err) {}

  static Run run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int exit =
        ProdmlCommand.commandLine(new PrintWriter(out, true), new PrintWriter(err, true))
            .execute(args);
    return new Run(exit, out.toString(), err.toString());
  }

  static List<JsonNode> findings(Path out) throws Exception {
    JsonNode audit = new ObjectMapper().readTree(out.resolve("audit.json").toFile());
    List<JsonNode> list = new ArrayList<>();
    audit.get("findings").forEach(list::add);
    return list;
  }

  static boolean has(List<JsonNode> findings, String topic, String subject) {
    return findings.stream()
        .anyMatch(
            f ->
                f.get("topic").asText().equals(topic) && f.get("subject").asText().equals(subject));
  }

  @Test
  void cleanWeatherSpansRaiseNoCriticalFinding(@TempDir Path out) throws Exception {
    out = out.resolve("report"); // the report folder is swapped in beside its siblings
    Run run =
        run(
            "audit",
            "--train",
            TRAIN.toString(),
            "--serving",
            SERVING.toString(),
            "--label",
            "weather",
            "--time",
            "date",
            "--out",
            out.toString());
    assertEquals(0, run.exit(), run.out() + run.err());
    JsonNode audit = new ObjectMapper().readTree(out.resolve("audit.json").toFile());
    assertEquals("READY", audit.get("verdict").asText());
    assertTrue(audit.get("profiles").get("train").get("rows").asLong() == 731);
    assertTrue(audit.get("profiles").get("serving").get("rows").asLong() == 365);
    assertTrue(audit.get("thresholds").size() > 0, "thresholds in force are reported");
    assertTrue(Files.readString(out.resolve("audit.md")).contains("Verdict: READY"));
    assertTrue(run.out().contains("Verdict: READY"), run.out());
  }

  @Test
  void eachDamageIsAFindingOnItsColumnAndTopic(@TempDir Path dir) throws Exception {
    Path train =
        CsvDamage.of(TRAIN, 1)
            .leak("weather", "observer_note", 0.99)
            .write(dir.resolve("train.csv"));
    Path serving =
        CsvDamage.of(SERVING, 2)
            .blank("wind", 0.3) // an upstream source drops values
            .rescale("temp_max", 1.8, 32) // °C → °F upstream
            .inject("weather", "hail", 0.05) // a category training never saw
            .leak("weather", "observer_note", 0.99) // the leaked column is there at serving too
            .write(dir.resolve("serving.csv"));
    Path out = dir.resolve("out");
    Run run =
        run(
            "audit",
            "--train",
            train.toString(),
            "--serving",
            serving.toString(),
            "--label",
            "weather",
            "--time",
            "date",
            "--out",
            out.toString());
    assertEquals(1, run.exit(), "a leaked label is CRITICAL: " + run.out() + run.err());
    List<JsonNode> findings = findings(out);
    assertTrue(has(findings, "MISSINGNESS", "wind"), "missing values in wind");
    assertTrue(has(findings, "RANGE", "temp_max"), "°F values outside the °C range");
    assertTrue(has(findings, "SKEW", "temp_max"), "°F shifts the distribution");
    assertTrue(has(findings, "DOMAIN", "weather"), "the new category hail");
    assertTrue(has(findings, "LEAKAGE", "observer_note"), "a feature that copies the label");
    assertTrue(Files.readString(dir.resolve("train.csv")).contains("observer_note"));
    assertTrue(
        !Files.readString(TRAIN).contains("observer_note"), "the input file is never modified");
  }

  @Test
  void readinessAnswersGiveAnMlTestScoreAndContradictionsAreFindings(@TempDir Path dir)
      throws Exception {
    Path answers = Path.of("rules/questions/examples/seattle-weather.answers.yaml");
    Run honest =
        run(
            "audit",
            "--train",
            TRAIN.toString(),
            "--serving",
            SERVING.toString(),
            "--label",
            "weather",
            "--time",
            "date",
            "--answers",
            answers.toString(),
            "--out",
            dir.resolve("honest").toString());
    assertEquals(0, honest.exit(), honest.out() + honest.err());
    JsonNode audit = new ObjectMapper().readTree(dir.resolve("honest/audit.json").toFile());
    JsonNode score = audit.get("mlTestScore");
    assertEquals(4, score.get("sections").size());
    assertEquals(28, score.get("tests").size());
    double lowest = 7;
    for (JsonNode section : score.get("sections")) {
      lowest = Math.min(lowest, section.get("score").asDouble());
    }
    assertEquals(lowest, score.get("final").asDouble(), "the final score is the lowest section");
    assertTrue(score.get("final").asDouble() > 0, "answers and evidence raise it above zero");
    assertTrue(
        honest.out().contains("ML Test Score: " + org.prodml.text.Format.number(lowest)),
        honest.out());
    assertTrue(
        audit.get("unanswered").size() > 0 && audit.get("unanswered").size() < 41,
        "only some questions are left unknown");

    Run contradicted =
        run(
            "audit",
            "--train",
            TRAIN.toString(),
            "--serving",
            SERVING.toString(),
            "--label",
            "weather",
            "--time",
            "date",
            "--answers",
            "rules/questions/examples/seattle-weather.contradicting.answers.yaml",
            "--out",
            dir.resolve("contradicted").toString());
    List<JsonNode> findings = findings(dir.resolve("contradicted"));
    assertTrue(
        findings.stream().anyMatch(f -> f.get("ruleId").asText().equals("MT-508")),
        "an answer claiming the model's age is watched, while serving runs two years past training");
    assertTrue(
        Files.readString(dir.resolve("contradicted/audit.html"))
            .contains("Readiness: the ML Test Score"));

    Run none =
        run(
            "audit",
            "--train",
            TRAIN.toString(),
            "--label",
            "weather",
            "--out",
            dir.resolve("none").toString());
    JsonNode noAnswers = new ObjectMapper().readTree(dir.resolve("none/audit.json").toFile());
    assertEquals(
        41,
        noAnswers.get("unanswered").size(),
        "without answers every question is listed as unknown: " + none.out());
  }

  @Test
  void suggestedRulesCompileAndStayQuietOnTheirReferenceData(@TempDir Path dir) throws Exception {
    Run suggest = run("rules", "suggest", "--train", TRAIN.toString(), "--name", "weather");
    assertEquals(0, suggest.exit(), suggest.err());
    Path folder = Files.createDirectories(dir.resolve("rules/weather"));
    Files.writeString(folder.resolve("Suggested.drl"), suggest.out());
    Run clean =
        run(
            "audit",
            "--train",
            TRAIN.toString(),
            "--serving",
            TRAIN.toString(),
            "--label",
            "weather",
            "--rules",
            folder.toString(),
            "--out",
            dir.resolve("clean").toString());
    assertEquals(0, clean.exit(), clean.out() + clean.err());
    assertTrue(
        findings(dir.resolve("clean")).isEmpty(),
        "suggested constraints hold on the data they came from: " + clean.out());
    Path damaged =
        CsvDamage.of(SERVING, 4)
            .rescale("temp_max", 1.8, 32)
            .inject("weather", "hail", 0.1)
            .blank("wind", 0.2)
            .write(dir.resolve("damaged.csv"));
    run(
        "audit",
        "--train",
        TRAIN.toString(),
        "--serving",
        damaged.toString(),
        "--label",
        "weather",
        "--rules",
        folder.toString(),
        "--out",
        dir.resolve("damaged").toString());
    List<JsonNode> findings = findings(dir.resolve("damaged"));
    assertTrue(
        findings.stream()
            .anyMatch(
                f ->
                    f.get("subject").asText().equals("temp_max")
                        && f.get("topic").asText().equals("RANGE")));
    assertTrue(
        findings.stream()
            .anyMatch(
                f ->
                    f.get("subject").asText().equals("weather")
                        && f.get("topic").asText().equals("DOMAIN")));
    assertTrue(
        findings.stream()
            .anyMatch(
                f ->
                    f.get("subject").asText().equals("wind")
                        && f.get("topic").asText().equals("MISSINGNESS")));
  }

  @Test
  void reportOpensOfflineInHeadlessChromium(@TempDir Path dir) throws Exception {
    if (HeadlessChromium.skipped()) {
      return;
    }
    Path serving =
        CsvDamage.of(SERVING, 3).rescale("temp_max", 1.8, 32).write(dir.resolve("serving.csv"));
    Path out = dir.resolve("out");
    run(
        "audit",
        "--train",
        TRAIN.toString(),
        "--serving",
        serving.toString(),
        "--label",
        "weather",
        "--time",
        "date",
        "--out",
        out.toString());
    Path screenshots = Files.createDirectories(Path.of("target/screenshots"));
    HeadlessChromium.assertRendersOffline(
        out.resolve("audit.html"), screenshots.resolve("audit.png"));
    String html = Files.readString(out.resolve("audit.html"));
    assertTrue(html.contains("<svg"), "charts are inline SVG");
    assertTrue(html.contains("temp_max"));
  }

  @Test
  void aForestIsTrainedEvaluatedServedMonitoredAndJudgedInTheSameRun(@TempDir Path dir)
      throws Exception {
    Path out = dir.resolve("out");
    Run run =
        run(
            "audit",
            "--train",
            TRAIN.toString(),
            "--test",
            TEST.toString(),
            "--serving",
            SERVING.toString(),
            "--label",
            "weather",
            "--time",
            "date",
            "--model",
            "forest",
            "--trees",
            "20",
            "--out",
            out.toString());
    assertEquals(0, run.exit(), run.out() + run.err());
    JsonNode audit = new ObjectMapper().readTree(out.resolve("audit.json").toFile());

    JsonNode model = audit.get("model");
    assertEquals("forest", model.get("type").asText());
    assertEquals(42, model.get("seed").asLong(), "the default seed");
    assertEquals("20", model.get("hyperparameters").get("trees").asText());
    assertEquals(
        "[\"precipitation\",\"temp_max\",\"temp_min\",\"wind\"]", model.get("features").toString());
    assertEquals(731, model.get("trainingRows").asLong(), "2012 and 2013");
    assertEquals("2013-12-31", model.get("trainingDataEnd").asText());
    assertEquals(16, model.get("fingerprint").asText().length());

    JsonNode evaluation = audit.get("evaluation");
    double accuracy = evaluation.get("model").get("metrics").get("accuracy").asDouble();
    double baseline = evaluation.get("baseline").get("metrics").get("accuracy").asDouble();
    assertEquals(365, evaluation.get("model").get("rows").asLong(), "every day of 2014");
    assertTrue(
        accuracy > 0.8 && baseline < 0.5 && accuracy > baseline + 0.3,
        "forest " + accuracy + " against the majority " + baseline);
    assertEquals(
        5,
        evaluation.get("model").get("metrics").get("perClass").size(),
        "drizzle, fog, rain, snow, sun");
    assertTrue(
        evaluation.get("model").get("metrics").get("calibration").size() > 3,
        "calibration buckets");
    assertEquals(4, evaluation.get("importance").size());
    assertEquals(
        "precipitation",
        maxBy(evaluation.get("importance"), "importance").get("feature").asText(),
        "rain or not is mostly precipitation");
    JsonNode floor = evaluation.get("gate").get(1);
    assertEquals("quality-floor", floor.get("check").asText());
    assertTrue(floor.get("worsening").asDouble() < 0, "above the baseline floor");

    JsonNode serving = audit.get("serving");
    assertEquals(365, serving.get("requestRows").asLong());
    assertEquals(
        1, serving.get("modes").size(), "no text input, so no static key space: dynamic only");
    JsonNode dynamic = serving.get("modes").get(0);
    assertEquals("dynamic", dynamic.get("mode").asText());
    assertEquals(1.0, dynamic.get("coverage").asDouble());
    assertEquals(0.0, dynamic.get("meanAgeHours").asDouble(), "computed per request: fresh");
    assertTrue(
        dynamic.get("p99Ms").asDouble() >= dynamic.get("p50Ms").asDouble()
            && dynamic.get("p50Ms").asDouble() > 0);
    double shares = 0;
    for (JsonNode share : serving.get("latency").get("shares").get("dynamic")) {
      shares += share.asDouble();
    }
    assertEquals(1.0, shares, 1e-9, "every request falls in one latency band");

    JsonNode monitoring = audit.get("monitoring");
    assertEquals(12, monitoring.get("windows").size(), "2015 by calendar month");
    JsonNode january = monitoring.get("windows").get(0);
    assertEquals("2015-01", january.get("window").asText());
    assertEquals(31, january.get("rows").asLong());
    assertEquals(396, january.get("modelAgeDays").asDouble(), "2013-12-31 to 2015-01-31");
    assertTrue(
        january.get("liveValue").asDouble() < accuracy, "January 2015 is harder than 2014 was");
    assertFalse(monitoring.get("config").get("configured").asBoolean());

    assertEquals(4, audit.get("deployment").size());
    for (JsonNode check : audit.get("deployment")) {
      assertEquals(0, check.get("failures").asLong(), check.toString());
    }

    List<JsonNode> findings = findings(out);
    String id = model.get("id").asText();
    assertTrue(
        findings.stream()
            .anyMatch(
                f ->
                    f.get("ruleId").asText().equals("PL-050")
                        && f.get("subject").asText().equals(id)),
        "no monitoring declared for the model");
    assertTrue(
        findings.stream()
            .anyMatch(
                f ->
                    f.get("ruleId").asText().equals("PL-055")
                        && f.get("subject").asText().startsWith("2015-")),
        "a month whose live accuracy falls far below the offline one");
    assertTrue(
        findings.stream().anyMatch(f -> f.get("ruleId").asText().equals("PL-032")),
        "a miscalibrated forest");
    assertTrue(run.out().contains("Model " + id), run.out());

    String md = Files.readString(out.resolve("audit.md"));
    for (String section :
        List.of(
            "## Model card",
            "## Evaluation",
            "## Serving: static vs dynamic",
            "## Monitoring windows",
            "## Deployment checks")) {
      assertTrue(md.contains(section), section);
    }
    String html = Files.readString(out.resolve("audit.html"));
    assertTrue(
        html.contains("id=\"evaluation\"")
            && html.contains("calibration: top-class probability")
            && html.contains("latency per request")
            && html.contains("live accuracy per window"),
        "model sections with their charts");
    if (!HeadlessChromium.skipped()) {
      Path screenshots = Files.createDirectories(Path.of("target/screenshots"));
      HeadlessChromium.assertRendersOffline(
          out.resolve("audit.html"), screenshots.resolve("audit-model.png"));
    }
  }

  @Test
  void withoutATestFileTheModelIsEvaluatedOnTheLatestDaysOfTraining(@TempDir Path dir)
      throws Exception {
    Run run =
        run(
            "audit",
            "--train",
            TRAIN.toString(),
            "--label",
            "weather",
            "--time",
            "date",
            "--model",
            "logistic",
            "--out",
            dir.toString());
    assertEquals(0, run.exit(), run.out() + run.err());
    JsonNode audit = new ObjectMapper().readTree(dir.resolve("audit.json").toFile());
    JsonNode split = audit.get("model").get("split");
    assertEquals(
        "time",
        split.get("method").asText(),
        "a time column: train on the past, test on the future");
    assertEquals(585, split.get("trainRows").asLong());
    assertEquals(146, split.get("testRows").asLong());
    assertTrue(
        split.get("trainMaxTime").asText().compareTo(split.get("testMinTime").asText()) < 0,
        split.toString());
    assertEquals(
        "test",
        audit.get("evaluation").get("model").get("table").asText(),
        "the held-out side of the split");
    assertTrue(
        audit.get("serving").isNull() && audit.get("monitoring").isNull(),
        "nothing to serve without --serving");
  }

  private static JsonNode maxBy(JsonNode array, String field) {
    JsonNode best = null;
    for (JsonNode n : array) {
      if (best == null || n.get(field).asDouble() > best.get(field).asDouble()) {
        best = n;
      }
    }
    return best;
  }

  @Test
  void badModelOptionsAreOneLine(@TempDir Path dir) {
    Run noModel =
        run(
            "audit",
            "--train",
            TRAIN.toString(),
            "--label",
            "weather",
            "--trees",
            "5",
            "--out",
            dir.toString());
    assertEquals(2, noModel.exit());
    assertOneLine(noModel.err(), "add --model");
    Run unknown =
        run(
            "audit",
            "--train",
            TRAIN.toString(),
            "--label",
            "weather",
            "--model",
            "tree",
            "--out",
            dir.toString());
    assertEquals(2, unknown.exit());
    assertOneLine(
        unknown.err(), "model must be logistic, linear, forest, gbt or baseline, not 'tree'");
    Run noTrees =
        run(
            "audit",
            "--train",
            TRAIN.toString(),
            "--label",
            "weather",
            "--model",
            "logistic",
            "--trees",
            "5",
            "--out",
            dir.toString());
    assertEquals(2, noTrees.exit());
    assertOneLine(noTrees.err(), "logistic takes no hyperparameter 'trees'");
    Run noColumn =
        run(
            "audit",
            "--train",
            TRAIN.toString(),
            "--label",
            "weather",
            "--model",
            "forest",
            "--features",
            "humidity",
            "--out",
            dir.toString());
    assertEquals(2, noColumn.exit());
    assertOneLine(noColumn.err(), "humidity", "not a column");
    Run badSeed =
        run(
            "audit",
            "--train",
            TRAIN.toString(),
            "--label",
            "weather",
            "--model",
            "forest",
            "--seed",
            "soon",
            "--out",
            dir.toString());
    assertEquals(2, badSeed.exit());
    assertOneLine(badSeed.err(), "seed", "must be a whole number or none");
  }

  @Test
  void badInputIsOneLineNamingFileLineOrColumn(@TempDir Path dir) throws Exception {
    Run missing = run("audit", "--train", dir.resolve("nope.csv").toString(), "--label", "y");
    assertEquals(2, missing.exit());
    assertOneLine(missing.err(), "nope.csv", "no such file");

    Path empty = Files.writeString(dir.resolve("empty.csv"), "");
    Run emptyRun = run("profile", empty.toString(), "--out", dir.resolve("o").toString());
    assertEquals(2, emptyRun.exit());
    assertOneLine(emptyRun.err(), "empty.csv", "empty");

    Path ragged = Files.writeString(dir.resolve("ragged.csv"), "a,b\n1,2\n3\n4,5\n");
    Run raggedRun = run("profile", ragged.toString(), "--out", dir.resolve("o").toString());
    assertEquals(2, raggedRun.exit());
    assertOneLine(raggedRun.err(), "ragged.csv:3", "1 field but the header has 2");

    Run unknownColumn =
        run(
            "audit",
            "--train",
            TRAIN.toString(),
            "--label",
            "wether",
            "--out",
            dir.resolve("o").toString());
    assertEquals(2, unknownColumn.exit());
    assertOneLine(unknownColumn.err(), "column 'wether'", "no such column");

    Path rules = Files.createDirectories(dir.resolve("rules"));
    Files.writeString(
        rules.resolve("Broken.drl"), "package x;\nrule \"A\"\nwhen\n  Foo(\nthen\nend\n");
    Run broken =
        run(
            "audit",
            "--train",
            TRAIN.toString(),
            "--label",
            "weather",
            "--rules",
            rules.toString(),
            "--out",
            dir.resolve("o").toString());
    assertEquals(2, broken.exit());
    assertOneLine(broken.err(), "Broken.drl:", "");

    Run unknownCommand = run("audti");
    assertEquals(2, unknownCommand.exit());
    assertTrue(unknownCommand.err().contains("audti"), unknownCommand.err());

    Run badThreshold =
        run(
            "audit",
            "--train",
            TRAIN.toString(),
            "--label",
            "weather",
            "--thresholds",
            "nosuch=1",
            "--out",
            dir.resolve("o").toString());
    assertEquals(2, badThreshold.exit());
    assertOneLine(badThreshold.err(), "unknown threshold 'nosuch'", "");
  }

  private static void assertOneLine(String err, String... parts) {
    String trimmed = err.strip();
    assertEquals(1, trimmed.lines().count(), "one line on stderr, got: " + err);
    for (String part : parts) {
      assertTrue(trimmed.contains(part), "'" + part + "' in: " + trimmed);
    }
  }
}
