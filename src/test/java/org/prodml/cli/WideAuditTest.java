package org.prodml.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.prodml.report.HtmlReport;

/**
 * A wide audit with thousands of findings: the page stays under {@link HtmlReport#MAX_BYTES} and
 * says what it leaves out, every column is in its compact table, and audit.json holds every profile
 * and finding in full.
 */
class WideAuditTest {
  static final int FEATURES = 1200;

  @Test
  void aWideAuditGivesABoundedPageAndACompleteJson(@TempDir Path dir) throws Exception {
    Path train = write(dir.resolve("train.csv"), 60, 0, 1);
    Path serving = write(dir.resolve("serving.csv"), 60, 3, 2); // every column drifted
    Path out = dir.resolve("out");
    AuditCommandTest.Run run =
        AuditCommandTest.run(
            "audit",
            "--train",
            train.toString(),
            "--serving",
            serving.toString(),
            "--label",
            "label",
            "--out",
            out.toString());
    assertTrue(run.exit() <= 1, run.out() + run.err());

    JsonNode audit = new ObjectMapper().readTree(out.resolve("audit.json").toFile());
    int findings = audit.get("findings").size();
    assertTrue(findings >= FEATURES, "a drift finding or more per column: " + findings);
    assertEquals(FEATURES + 1, audit.get("profiles").get("train").get("columns").size());
    assertEquals(FEATURES + 1, audit.get("profiles").get("serving").get("columns").size());

    Path page = out.resolve("audit.html");
    assertTrue(
        Files.size(page) <= HtmlReport.MAX_BYTES, "audit.html is " + Files.size(page) + " bytes");
    String html = Files.readString(page);
    assertTrue(html.contains("Every column (" + (FEATURES + 1) + ")"), "the compact table");
    assertTrue(html.contains("<td>f" + (FEATURES - 1) + "</td>"), "its last feature is listed");
    assertTrue(html.contains("More findings, a line each (" + (findings - 60) + ")"));
    assertTrue(html.contains("holds every finding and every profile in full"));
    assertTrue(html.contains("table.sortable"), "the compact tables sort");
    int charts = html.split("<svg", -1).length - 1;
    assertTrue(charts > 0 && charts <= 32, charts + " charts");
  }

  /** Numeric features centred on {@code shift}, and a yes/no label. */
  static Path write(Path file, int rows, double shift, long seed) throws Exception {
    Random random = new Random(seed);
    try (BufferedWriter w = Files.newBufferedWriter(file)) {
      for (int f = 0; f < FEATURES; f++) {
        w.write("f" + f + ",");
      }
      w.write("label\n");
      for (int r = 0; r < rows; r++) {
        for (int f = 0; f < FEATURES; f++) {
          w.write(String.valueOf(Math.round((shift + random.nextGaussian()) * 100) / 100.0));
          w.write(',');
        }
        w.write(random.nextBoolean() ? "yes\n" : "no\n");
      }
    }
    return file;
  }
}
