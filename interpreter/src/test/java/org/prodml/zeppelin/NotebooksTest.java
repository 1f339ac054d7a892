package org.prodml.zeppelin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.prodml.cli.Home;
import org.prodml.course.Course;
import org.prodml.course.CourseNote;
import org.prodml.course.CourseNotes;
import org.prodml.course.Exercise;
import org.prodml.course.ExerciseCatalog;
import org.prodml.note.NoteFiles;
import org.prodml.testing.HeadlessChromium;

/**
 * Every note under notebooks/ runs headless, as a learner's "run all" would, without an unexpected
 * error; as shipped, every exercise of a course note fails with a hint, and with its solution in
 * place every exercise passes.
 */
class NotebooksTest {
  static final Path NOTEBOOKS = Home.get().resolve("notebooks");
  static final Course COURSE = Course.read(NOTEBOOKS);
  final ExerciseCatalog catalog = COURSE.exercises();
  final NoteRunner runner = new NoteRunner(Map.of());

  /** Every note under notebooks/: the course's and the others (the demo tour). */
  static List<Note> notes() {
    List<Note> notes =
        NoteFiles.find(NOTEBOOKS).stream()
            .map(
                file -> {
                  var json = NoteFiles.read(file);
                  return new Note(file, json.path("id").asText(""), json.path("name").asText(""));
                })
            .toList();
    assertFalse(notes.isEmpty(), "no notes under " + NOTEBOOKS);
    return notes;
  }

  record Note(Path file, String id, String name) {}

  @TestFactory
  Stream<DynamicTest> everyNoteRunsAsShippedAndItsExercisesFailWithAHint() {
    return notes().stream()
        .map(
            note ->
                DynamicTest.dynamicTest(
                    NOTEBOOKS.relativize(note.file()).toString(),
                    () -> {
                      NoteRun run = run(NoteRunner.read(note.file()));
                      COURSE.note(note.id()).ifPresent(n -> assertFiguresAgree(n, run));
                      for (Exercise e : catalog.ofNote(note.id())) {
                        CourseNotes.Verdict verdict = verdict(run, e);
                        assertFalse(
                            verdict.passed(), e.id() + " passes before the learner did anything");
                        assertTrue(
                            output(run.note(), verdict.paragraphId()).contains("Hint 1 of "),
                            e.id() + ": a failed check shows the first hint for its failure");
                      }
                    }));
  }

  @TestFactory
  Stream<DynamicTest> everyCourseNoteSolvedPassesEveryExercise() {
    return notes().stream()
        .filter(note -> !catalog.ofNote(note.id()).isEmpty())
        .map(
            note ->
                DynamicTest.dynamicTest(
                    NOTEBOOKS.relativize(note.file()) + " solved",
                    () -> {
                      CourseNote courseNote = COURSE.note(note.id()).orElseThrow();
                      NoteRun run =
                          run(
                              CourseNotes.replaced(
                                  NoteRunner.read(note.file()), courseNote.solved(), note.id()));
                      for (Exercise e : catalog.ofNote(note.id())) {
                        assertTrue(verdict(run, e).passed(), e.id() + " fails with its solution");
                      }
                      assertPageShowsTablesAndCharts(note, run);
                    }));
  }

  @Test
  void everyExerciseBelongsToANoteThatChecksItAndEveryCourseNoteHasTwo() {
    List<String> ids = notes().stream().map(Note::id).toList();
    for (Exercise e : catalog.all()) {
      assertTrue(
          ids.contains(e.note()),
          e.id() + " names note " + e.note() + ", which is not under notebooks/");
    }
    for (Note note : notes()) {
      int exercises = catalog.ofNote(note.id()).size();
      assertTrue(
          exercises == 0 || exercises >= 2,
          note.name() + " has " + exercises + " exercise; a course note has at least two");
    }
  }

  /**
   * The note's HTML page (what ./prodml run writes) opens offline in headless Chromium with its
   * tables and charts.
   */
  private static void assertPageShowsTablesAndCharts(Note note, NoteRun run) throws Exception {
    String html = NotePage.render(run);
    assertTrue(html.contains("<table"), note.name() + ": the page has no table");
    assertTrue(html.contains("<svg"), note.name() + ": the page has no chart");
    Path pages = Files.createDirectories(Path.of("target/notebooks-html"));
    Path page = pages.resolve(note.id() + ".html");
    Files.writeString(page, html, StandardCharsets.UTF_8);
    if (!HeadlessChromium.skipped()) {
      HeadlessChromium.assertRendersOffline(
          page, Files.createDirectories(Path.of("target/screenshots")).resolve(note.id() + ".png"));
    }
  }

  /**
   * Every figure the note's text quotes is what its paragraph showed in this run: the text says it,
   * the output carries it (note.yaml lists them).
   */
  private static void assertFiguresAgree(CourseNote note, NoteRun run) {
    for (CourseNote.Figure f : note.figures()) {
      String shown = output(run.note(), f.from());
      assertTrue(
          java.util.regex.Pattern.compile(f.shows()).matcher(shown).find(),
          note.name()
              + ": the text says '"
              + f.says()
              + "', but paragraph "
              + f.from()
              + " shows no /"
              + f.shows()
              + "/:\n"
              + shown);
    }
  }

  @Test
  void everyCourseNoteQuotingFiguresNamesThem() {
    for (String id :
        List.of(
            "PMLC00SYS",
            "PMLC01TRN",
            "PMLC02INF",
            "PMLC03XFM",
            "PMLC04DEP",
            "PMLC05ASK",
            "PMLC06FLW",
            "PMLC07MON")) {
      assertFalse(COURSE.note(id).orElseThrow().figures().isEmpty(), id + " lists no figure");
    }
  }

  private NoteRun run(ObjectNode note) {
    List<String> lines = new ArrayList<>();
    NoteRun run = runner.run(note, paragraph -> lines.add(HeadlessRun.line(paragraph)));
    List<String> failures =
        run.paragraphs().stream()
            .filter(p -> p.status().isFailure())
            .map(HeadlessRun::line)
            .toList();
    assertEquals(List.of(), failures, String.join("\n", lines));
    // Zeppelin's own blank-paragraph rule, applied by the runner: a paragraph of ours it would skip
    // never runs in a real Zeppelin.
    List<String> skipped =
        run.paragraphs().stream()
            .filter(
                p -> p.status() == ParagraphRun.Status.SKIPPED && p.binding().startsWith("prodml"))
            .map(HeadlessRun::line)
            .toList();
    assertEquals(List.of(), skipped, String.join("\n", lines));
    return run;
  }

  private static CourseNotes.Verdict verdict(NoteRun run, Exercise e) {
    List<CourseNotes.Verdict> verdicts =
        CourseNotes.verdicts(run.note()).stream().filter(v -> v.exercise().equals(e.id())).toList();
    assertFalse(
        verdicts.isEmpty(),
        "note " + e.note() + " has no %prodml.check(exercise=" + e.id() + ") paragraph");
    return verdicts.get(verdicts.size() - 1);
  }

  private static String output(ObjectNode note, String paragraphId) {
    StringBuilder text = new StringBuilder();
    for (JsonNode p : note.path("paragraphs")) {
      if (p.path("id").asText().equals(paragraphId)) {
        p.path("results")
            .path("msg")
            .forEach(m -> text.append(m.path("data").asText()).append('\n'));
      }
    }
    return text.toString();
  }
}
