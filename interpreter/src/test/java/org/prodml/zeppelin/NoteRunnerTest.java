package org.prodml.zeppelin;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.File;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.prodml.cli.Home;
import org.prodml.cli.ProdmlCommand;

/**
 * {@code prodml run}: notes run headless through the interpreter classes, written back as copies.
 */
class NoteRunnerTest {
  @TempDir Path dir;

  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private int run(String... args) {
    List<String> all =
        new ArrayList<>(
            List.of(
                "run",
                "-P",
                ProdmlSettings.DATA_ROOTS
                    + "="
                    + Home.get().resolve(TestGroup.FIXTURES)
                    + File.pathSeparator
                    + Home.get().resolve("datasets")));
    all.addAll(List.of(args));
    return ProdmlCommand.execute(
        ProdmlCommand.commandLine(new PrintWriter(out, true), new PrintWriter(err, true)),
        all.toArray(String[]::new));
  }

  /** A note as Zeppelin writes one: paragraphs with text, config, settings, id. */
  private static ObjectNode note(String id, String... texts) {
    ObjectNode note = NoteRunner.JSON.createObjectNode();
    ArrayNode paragraphs = note.putArray("paragraphs");
    for (int i = 0; i < texts.length; i++) {
      ObjectNode p = paragraphs.addObject();
      p.put("text", texts[i]);
      p.putObject("config").put("enabled", true);
      p.putObject("settings").set("params", NoteRunner.JSON.createObjectNode());
      p.put("id", "paragraph_" + (i + 1));
    }
    note.put("name", "Test note " + id);
    note.put("id", id);
    note.put("defaultInterpreterGroup", "prodml");
    return note;
  }

  private Path write(String fileName, ObjectNode note) throws Exception {
    Path file = dir.resolve("in").resolve(fileName);
    Files.createDirectories(file.getParent());
    Files.writeString(file, NoteRunner.write(note));
    return file;
  }

  private static JsonNode paragraph(JsonNode note, int index) {
    return note.get("paragraphs").get(index);
  }

  @Test
  void aNoteRunsInOrderAndIsWrittenBackAsACopyWithZeppelinResults() throws Exception {
    ObjectNode note =
        note(
            "2TESTNOTE",
            "%md\n# Weather\nTwelve *days*.",
            "%prodml.load(file=tiny-weather/data.csv)",
            "%prodml.profile(charts=true)",
            "%python\nprint('not run headless')",
            "%prodml\nstatus",
            "");
    ((ObjectNode) paragraph(note, 3))
        .putObject("results")
        .put("code", "SUCCESS")
        .putArray("msg")
        .addObject()
        .put("type", "TEXT")
        .put("data", "kept from Zeppelin\n");
    Path input = write("Test_2TESTNOTE.zpln", note);
    byte[] before = Files.readAllBytes(input);

    int exit = run("--out", dir.resolve("out").toString(), input.toString());

    assertEquals(0, exit, out + "\n" + err);
    assertArrayEquals(before, Files.readAllBytes(input), "the input note is never modified");
    JsonNode copy = NoteRunner.read(dir.resolve("out/Test_2TESTNOTE.zpln"));
    assertEquals("HTML", paragraph(copy, 0).at("/results/msg/0/type").asText());
    assertTrue(paragraph(copy, 0).at("/results/msg/0/data").asText().contains("<h1>Weather</h1>"));
    assertEquals("SUCCESS", paragraph(copy, 1).at("/results/code").asText());
    assertEquals("FINISHED", paragraph(copy, 1).get("status").asText());
    assertEquals("TABLE", paragraph(copy, 1).at("/results/msg/2/type").asText());
    assertTrue(
        paragraph(copy, 1)
            .at("/results/msg/2/data")
            .asText()
            .startsWith("column\ttype\trole\tmissing\ndate\tLOCAL_DATE\ttime\t0\n"));
    assertTrue(paragraph(copy, 2).at("/results/msg").toString().contains("<svg"));
    assertEquals("kept from Zeppelin\n", paragraph(copy, 3).at("/results/msg/0/data").asText());
    assertTrue(
        paragraph(copy, 4)
            .at("/results/msg/2/data")
            .asText()
            .contains("data\t12\t6\ttiny-weather/data.csv\tyes"));
    assertTrue(out.toString().contains("%prodml.load"), out.toString());
    assertTrue(out.toString().contains("skipped"), out.toString());

    String page = Files.readString(dir.resolve("out/Test_2TESTNOTE.html"));
    assertTrue(page.startsWith("<!DOCTYPE html>"));
    assertTrue(
        page.contains("<th>column</th><th>type</th><th>role</th><th>missing</th>"),
        "tables as HTML tables");
    assertTrue(page.contains("<svg"), "charts inline");
    assertTrue(page.contains("%prodml.load(file=tiny-weather/data.csv)"), "the paragraph text");
    assertFalse(page.contains("<script"), "no script");
    assertFalse(
        page.contains("http://") && page.contains("src=\"http"), "nothing loaded from elsewhere");
  }

  @Test
  void aFailedParagraphFailsTheRunAndTheRestOfTheNoteDoesNotRun() throws Exception {
    Path input =
        write(
            "Fails_2FAILNOTE.zpln",
            note("2FAILNOTE", "%prodml.load(file=../pom.xml)", "%prodml.profile"));

    int exit = run("--out", dir.resolve("out").toString(), input.toString());

    assertEquals(RunCommand.FAILED, exit, out.toString());
    JsonNode copy = NoteRunner.read(dir.resolve("out/Fails_2FAILNOTE.zpln"));
    assertEquals("ERROR", paragraph(copy, 0).at("/results/code").asText());
    assertTrue(
        paragraph(copy, 0)
            .at("/results/msg/0/data")
            .asText()
            .startsWith("'../pom.xml' is outside the data folders"));
    assertEquals("READY", paragraph(copy, 1).get("status").asText());
    assertTrue(paragraph(copy, 1).path("results").isMissingNode());
    assertTrue(out.toString().contains("not run"), out.toString());
  }

  @Test
  void aParagraphMarkedExpectErrorMustFailAndTheNoteGoesOn() throws Exception {
    ObjectNode note =
        note(
            "2EXPECTED",
            "%prodml.load(file=../pom.xml)",
            "%prodml.load(file=tiny-weather/data.csv)",
            "%prodml.load(file=tiny-weather/data.csv)");
    ((ObjectNode) paragraph(note, 0).get("config")).put(NoteRunner.EXPECT_ERROR, true);
    ((ObjectNode) paragraph(note, 2).get("config")).put(NoteRunner.EXPECT_ERROR, true);
    Path input = write("Expected_2EXPECTED.zpln", note);

    int exit = run("--out", dir.resolve("out").toString(), input.toString());

    assertEquals(RunCommand.FAILED, exit, "the third paragraph was expected to fail and did not");
    assertTrue(out.toString().contains("error (expected)"), out.toString());
    assertTrue(out.toString().contains("ERROR (expected an error)"), out.toString());
    JsonNode copy = NoteRunner.read(dir.resolve("out/Expected_2EXPECTED.zpln"));
    assertEquals("SUCCESS", paragraph(copy, 1).at("/results/code").asText());
  }

  @Test
  void aFolderRunsEveryNoteBelowItInNameOrderAndNoteJsonIsNamedByItsFolder() throws Exception {
    write("b/Second_2BBBBBBBB.zpln", note("2BBBBBBBB", "%prodml.load(file=tiny-weather/data.csv)"));
    write(
        "a/Zeppelin 0.8/2AAAAAAAA/note.json",
        note("2AAAAAAAA", "%prodml.load(file=tiny-weather/data.csv)"));

    int exit = run("--out", dir.resolve("out").toString(), dir.resolve("in").toString());

    assertEquals(0, exit, out.toString());
    assertTrue(Files.exists(dir.resolve("out/a/Zeppelin 0.8/2AAAAAAAA.zpln")));
    assertTrue(Files.exists(dir.resolve("out/b/Second_2BBBBBBBB.html")));
    assertTrue(
        out.toString().indexOf("2AAAAAAAA") < out.toString().indexOf("Second_2BBBBBBBB"),
        out.toString());
    assertTrue(out.toString().contains("2 notes: 2 passed, 0 failed"), out.toString());
  }

  @Test
  void aPathThatIsNoNoteIsAUsageError() throws Exception {
    Files.writeString(dir.resolve("x.csv"), "hello");
    Files.writeString(dir.resolve("x.txt"), "hello");

    assertEquals(ProdmlCommand.USAGE, run(dir.resolve("x.csv").toString()));
    assertTrue(err.toString().contains("not a Zeppelin note"), err.toString());
    // a .txt is read as a note's plain text: what is wrong with it is named by file and line
    assertEquals(ProdmlCommand.USAGE, run(dir.resolve("x.txt").toString()));
    assertTrue(err.toString().contains("x.txt:1: text before the first paragraph"), err.toString());
    assertEquals(ProdmlCommand.USAGE, run(dir.resolve("missing.zpln").toString()));
  }

  @Test
  void aNoteNamingAnInterpreterTheGroupLacksIsRefusedBeforeItRuns() throws Exception {
    Path input =
        write(
            "Unknown_2UNKNOWN.zpln",
            note("2UNKNOWN", "%prodml.load(file=tiny-weather/data.csv)", "%prodml.nosuchstage"));

    int exit = run("--out", dir.resolve("out").toString(), input.toString());

    assertEquals(2, exit, out.toString() + err);
    assertEquals(1, err.toString().lines().count(), err.toString());
    assertTrue(
        err.toString()
            .contains(
                "paragraph 2 (paragraph_2): %prodml.nosuchstage is not an interpreter of the prodml group"),
        err.toString());
    assertFalse(Files.exists(dir.resolve("out/Unknown_2UNKNOWN.zpln")));
  }

  @Test
  void aBlankParagraphThatZeppelinWouldSkipIsSkippedHeadlessToo() throws Exception {
    ObjectNode note = note("2BLANK", "%prodml.load(file=penguins/data.csv)", "%prodml.profile");
    ((ObjectNode) paragraph(note, 1).get("config")).put(ParagraphText.CHECK_EMPTY, true);
    NoteRun asShipped =
        new NoteRunner(InterpreterSettings.load(), Map.of(), null).run(note, p -> {});

    assertEquals(
        ParagraphRun.Status.OK,
        asShipped.paragraphs().get(1).status(),
        "interpreter-setting.json turns checkEmpty off, and the setting's config wins");
    ArrayNode withoutConfig =
        (ArrayNode)
            NoteRunner.JSON.readTree(
                getClass().getClassLoader().getResourceAsStream(InterpreterSettings.RESOURCE));
    withoutConfig.forEach(e -> ((ObjectNode) e).remove("config"));
    NoteRun zeppelinDefault =
        new NoteRunner(InterpreterSettings.parse(withoutConfig), Map.of(), null).run(note, p -> {});
    assertEquals(ParagraphRun.Status.SKIPPED, zeppelinDefault.paragraphs().get(1).status());
  }
}
