package org.prodml.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * ./prodml datasets scenarios: writes the scenario folders and their README, and a rerun changes
 * nothing.
 */
class DatasetsCommandTest {
  record Run(int code, String out, String err) {}

  static Run run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code =
        ProdmlCommand.commandLine(new PrintWriter(out, true), new PrintWriter(err, true))
            .execute(args);
    return new Run(code, out.toString(), err.toString());
  }

  @Test
  void writesTheNamedScenarioOnceAndThenLeavesItAlone(@TempDir Path dir) throws Exception {
    Run first =
        run(
            "datasets",
            "scenarios",
            "penguins-remeasured",
            "--datasets",
            "datasets",
            "--out",
            dir.toString());
    assertEquals(ProdmlCommand.OK, first.code(), first.err());
    assertEquals(4, first.out().lines().filter(l -> l.startsWith("written ")).count(), first.out());
    assertEquals(
        -1,
        Files.mismatch(dir.resolve("README.md"), Path.of("datasets/scenarios/README.md")),
        "the README lists every scenario, whichever are named");
    Path data = dir.resolve("penguins-remeasured/data.csv");
    byte[] before = Files.readAllBytes(data);
    Run second =
        run(
            "datasets",
            "scenarios",
            "penguins-remeasured",
            "--datasets",
            "datasets",
            "--out",
            dir.toString());
    assertTrue(second.out().lines().allMatch(l -> l.startsWith("unchanged ")), second.out());
    assertEquals(
        -1, Files.mismatch(data, Path.of("datasets/scenarios/penguins-remeasured/data.csv")));
    assertTrue(java.util.Arrays.equals(before, Files.readAllBytes(data)));
    assertTrue(
        Files.list(dir.resolve("penguins-remeasured"))
            .noneMatch(p -> p.getFileName().toString().endsWith(".tmp")),
        "no temporary file is left behind");
  }

  @Test
  void anUnknownScenarioNamesTheOnesThereAre(@TempDir Path dir) {
    Run run = run("datasets", "scenarios", "nope", "--out", dir.toString());
    assertEquals(ProdmlCommand.USAGE, run.code());
    assertTrue(
        run.err()
            .contains(
                "no scenario 'nope'; there are wind-sensor-gaps, temp-max-normalised-per-batch"),
        run.err());
  }
}
