package org.prodml.zeppelin;

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
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.prodml.cli.ProdmlCommand;
import org.prodml.note.NoteFiles;

/**
 * An audit is a headless note: {@code ./prodml audit --note} writes the stages it ran as a note,
 * and {@code ./prodml run} of that note reaches the same verdict with the same findings.
 */
class AuditNoteTest {
  private static final Pattern FINDING_ROW =
      Pattern.compile("(?m)^(CRITICAL|WARNING|INFO)\t([A-Z]{2}-\\d{3})\t[A-Z_]+\t([^\t]*)\t");

  @Test
  void theNoteAnAuditWritesRunsToTheSameVerdictAndFindings(@TempDir Path dir) throws Exception {
    Path note = dir.resolve("weather-audit.zpln");
    Run audit =
        run(
            "audit",
            "--train",
            "datasets/seattle-weather/spans/train-2012-2013.csv",
            "--serving",
            "datasets/scenarios/weather-serving-faults/spans/serving-2015.csv",
            "--label",
            "weather",
            "--time",
            "date",
            "--model",
            "forest",
            "--trees",
            "20",
            "--seed",
            "7",
            "--window",
            "month",
            "--checks",
            "drift,volume",
            "--out",
            dir.resolve("audit").toString(),
            "--note",
            note.toString());
    assertEquals(1, audit.exit(), "the planted faults are CRITICAL: " + audit.out() + audit.err());
    JsonNode report = new ObjectMapper().readTree(dir.resolve("audit/audit.json").toFile());
    List<String> reported = new ArrayList<>();
    report
        .get("findings")
        .forEach(f -> reported.add(f.get("ruleId").asText() + " " + f.get("subject").asText()));

    JsonNode written = NoteFiles.read(note);
    List<String> texts = new ArrayList<>();
    written.get("paragraphs").forEach(p -> texts.add(p.get("text").asText()));
    assertTrue(
        texts.stream()
            .anyMatch(
                t -> t.startsWith("%prodml.load(file=seattle-weather/spans/train-2012-2013.csv")),
        texts.toString());
    assertTrue(
        texts.contains("%prodml.monitor(window=month, checks=\"drift,volume\")"), texts.toString());
    assertTrue(
        texts.get(texts.size() - 1).startsWith("%prodml.audit"), "the audit is the last paragraph");

    Run rerun = run("run", note.toString(), "--out", dir.resolve("run").toString());
    assertEquals(0, rerun.exit(), rerun.out() + rerun.err());
    JsonNode ran = NoteFiles.read(dir.resolve("run/weather-audit.zpln"));
    JsonNode auditParagraph = ran.get("paragraphs").get(ran.get("paragraphs").size() - 1);
    StringBuilder output = new StringBuilder();
    auditParagraph
        .get("results")
        .get("msg")
        .forEach(m -> output.append(m.get("data").asText()).append('\n'));
    assertTrue(
        output.toString().contains("NOT READY"), "the note reaches the audit's verdict: " + output);
    List<String> found = new ArrayList<>();
    Matcher m = FINDING_ROW.matcher(output);
    while (m.find()) {
      found.add(m.group(2) + " " + m.group(3));
    }
    assertFalse(found.isEmpty(), output.toString());
    assertEquals(
        reported.stream().sorted().toList(),
        found.stream().sorted().toList(),
        "the same findings, rule by rule and subject by subject");
  }

  record Run(int exit, String out, String err) {}

  private static Run run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int exit =
        ProdmlCommand.commandLine(new PrintWriter(out, true), new PrintWriter(err, true))
            .execute(args);
    return new Run(exit, out.toString(), err.toString());
  }
}
