package org.prodml.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.prodml.testing.HeadlessChromium;
import org.prodml.text.Format;

/**
 * {@code ./prodml simulate} on the shipped data: seattle-weather for training, flights-20k for
 * inference.
 */
class SimulateCommandTest {

  static JsonNode simulation(Path out) throws Exception {
    return new ObjectMapper().readTree(out.resolve("simulation.json").toFile());
  }

  @Test
  void theModelTrainedOnceFallsBehindTheOneRetrainedMonthlyOnSeattleWeather(@TempDir Path out)
      throws Exception {
    out = out.resolve("report"); // the report folder is swapped in beside its siblings
    AuditCommandTest.Run run =
        AuditCommandTest.run("simulate", "training", "--out", out.toString());
    assertEquals(0, run.exit(), run.out() + run.err());
    JsonNode simulation = simulation(out);
    JsonNode comparison = simulation.get("comparison");
    double staticMean = comparison.get("staticMean").asDouble();
    double dynamicMean = comparison.get("dynamicMean").asDouble();
    assertTrue(
        staticMean < dynamicMean - 0.2, "static " + staticMean + " against dynamic " + dynamicMean);
    assertEquals(
        46, comparison.get("periods").asInt(), "30-day periods from April 2012 to the end of 2015");
    assertEquals(46, simulation.get("training").get("periods").size());
    assertEquals(31, comparison.get("stalenessDays").asDouble(), "behind from the second month on");
    assertEquals(
        "datasets/seattle-weather/data.csv",
        Path.of("")
            .toAbsolutePath()
            .relativize(Path.of(simulation.get("inputs").get("data").asText()))
            .toString()
            .replace('\\', '/'));

    assertTrue(
        run.out()
            .contains(
                "mean accuracy static "
                    + Format.number(staticMean)
                    + " vs dynamic "
                    + Format.number(dynamicMean)),
        run.out());
    assertTrue(
        run.out()
            .lines()
            .anyMatch(
                l ->
                    l.startsWith("static mean / worst")
                        && l.contains(Format.number(staticMean) + " / ")),
        "the summary table gives the static mean: " + run.out());
    assertTrue(
        run.out()
            .lines()
            .anyMatch(
                l ->
                    l.startsWith("dynamic mean / worst")
                        && l.contains(Format.number(dynamicMean) + " / ")),
        "and the dynamic one");
    assertTrue(run.out().contains("PL-060"), "the staleness rule of stage SIMULATE fired");
    assertTrue(simulation.get("findings").toString().contains("PL-060"));

    assertTrue(
        Files.readString(out.resolve("simulation.md"))
            .contains(
                "| periods static behind | " + comparison.get("periodsStaticBehind").asInt()));
    String html = Files.readString(out.resolve("simulation.html"));
    assertTrue(
        html.contains("<svg") && html.contains("accuracy per period: static vs dynamic training"),
        "the quality chart, inline");
    if (!HeadlessChromium.skipped()) {
      Path screenshots = Files.createDirectories(Path.of("target/screenshots"));
      HeadlessChromium.assertRendersOffline(
          out.resolve("simulation.html"), screenshots.resolve("simulate-training.png"));
    }
  }

  @Test
  void aPrecomputedTableMissesRoutesThatPredictingPerRequestAnswers(@TempDir Path out)
      throws Exception {
    out = out.resolve("report"); // the report folder is swapped in beside its siblings
    AuditCommandTest.Run run =
        AuditCommandTest.run(
            "simulate", "inference", "--requests", "3000", "--out", out.toString());
    assertEquals(0, run.exit(), run.out() + run.err());
    JsonNode simulation = simulation(out);
    JsonNode comparison = simulation.get("comparison");
    double staticCoverage = comparison.get("staticCoverage").asDouble();
    assertEquals(1.0, comparison.get("dynamicCoverage").asDouble());
    assertTrue(
        staticCoverage > 0.5 && staticCoverage < 0.95,
        "routes first flown after January are misses: " + staticCoverage);
    JsonNode serving = simulation.get("inference").get("serving");
    assertEquals(
        "[\"origin\",\"destination\"]", serving.get("keyColumns").toString(), "keyed by route");
    assertEquals(3000, serving.get("requestRows").asLong());
    JsonNode unseen = serving.get("coverageByKeyFrequency").get(3);
    assertEquals("unseen", unseen.get("band").asText());
    assertTrue(unseen.get("requests").asLong() > 0);
    assertEquals(
        0,
        unseen.get("answered").get("static").asLong(),
        "a route never flown in January is never in the table");
    assertEquals(unseen.get("requests").asLong(), unseen.get("answered").get("dynamic").asLong());
    assertTrue(
        comparison.get("staticP99Ms").asDouble() < comparison.get("dynamicP99Ms").asDouble(),
        "a lookup is faster");
    assertTrue(
        run.out()
            .lines()
            .anyMatch(
                l ->
                    l.startsWith("answered (coverage)")
                        && l.contains(Format.percent(staticCoverage))
                        && l.contains("3000 (100%)")),
        run.out());
    assertTrue(Files.readString(out.resolve("simulation.html")).contains("coverage per week"));
  }

  @Test
  void badInputIsOneLine(@TempDir Path out) {
    out = out.resolve("report"); // the report folder is swapped in beside its siblings
    AuditCommandTest.Run paradigm =
        AuditCommandTest.run("simulate", "deployment", "--out", out.toString());
    assertEquals(2, paradigm.exit());
    assertOneLine(paradigm.err(), "deployment", "training, inference");
    AuditCommandTest.Run missing =
        AuditCommandTest.run(
            "simulate",
            "training",
            "--data",
            out.resolve("nope.csv").toString(),
            "--label",
            "y",
            "--time",
            "t",
            "--out",
            out.toString());
    assertEquals(2, missing.exit());
    assertOneLine(missing.err(), "nope.csv");
    AuditCommandTest.Run noKey =
        AuditCommandTest.run(
            "simulate",
            "inference",
            "--data",
            "datasets/seattle-weather/data.csv",
            "--out",
            out.toString());
    assertEquals(2, noKey.exit());
    assertOneLine(noKey.err(), "no text feature", "keys");
    AuditCommandTest.Run noTime =
        AuditCommandTest.run("simulate", "training", "--time", "when", "--out", out.toString());
    assertEquals(2, noTime.exit());
    assertOneLine(noTime.err(), "when", "no such column");
  }

  private static void assertOneLine(String err, String... parts) {
    String trimmed = err.strip();
    assertEquals(1, trimmed.lines().count(), "one line on stderr, got: " + err);
    for (String part : parts) {
      assertTrue(trimmed.contains(part), "'" + part + "' in: " + trimmed);
    }
  }
}
