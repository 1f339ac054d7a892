package org.prodml.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.prodml.cli.ProdmlCommand;

/**
 * {@code ./prodml audit --engine spark} of the weather scenario (rain gauge stuck, wind infinite,
 * November missing at serving) raises the findings the default engine raises: the same rule ids on
 * the same subjects. After packaging: the Spark engine runs the job jar in a JVM of its own.
 */
class SparkAuditIT {
  static final String SCENARIO = "datasets/scenarios/weather-serving-faults/spans/";

  static List<String> findingIds(Path out, String... engine) throws Exception {
    List<String> args =
        new ArrayList<>(
            List.of(
                "audit",
                "--train",
                SCENARIO + "train-2012-2013.csv",
                "--serving",
                SCENARIO + "serving-2015.csv",
                "--label",
                "weather",
                "--time",
                "date",
                "--out",
                out.toString()));
    args.addAll(List.of(engine));
    StringWriter text = new StringWriter();
    int exit =
        ProdmlCommand.commandLine(new PrintWriter(text, true), new PrintWriter(text, true))
            .execute(args.toArray(String[]::new));
    assertTrue(exit == 0 || exit == 1, "exit " + exit + ": " + text);
    JsonNode audit = new ObjectMapper().readTree(out.resolve("audit.json").toFile());
    List<String> ids = new ArrayList<>();
    audit
        .get("findings")
        .forEach(f -> ids.add(f.get("ruleId").asText() + " " + f.get("subject").asText()));
    ids.sort(null);
    return ids;
  }

  @Test
  void theWeatherScenarioGivesTheSameFindingsOnSpark(@TempDir Path dir) throws Exception {
    List<String> streamed = findingIds(dir.resolve("streaming"));
    List<String> sparked =
        findingIds(dir.resolve("spark"), "--engine", "spark", "--master", "local[2]");
    assertFalse(streamed.isEmpty(), "the planted faults are found");
    assertTrue(streamed.stream().anyMatch(f -> f.endsWith(" wind")), "infinite wind: " + streamed);
    assertEquals(streamed, sparked);
  }
}
