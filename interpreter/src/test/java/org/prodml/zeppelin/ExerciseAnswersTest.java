package org.prodml.zeppelin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.prodml.course.CourseNote;
import org.prodml.course.Exercise;
import org.prodml.course.ExerciseProgress;
import org.prodml.course.Workspace;
import org.prodml.note.NoteFiles;
import org.prodml.text.Html;

/**
 * Every exercise's wrong answers fail with the failure they name and a hint that helps with it, and
 * its alternative answers pass. The answers are paragraph texts from each note.yaml, run through
 * the same interpreters as a learner's note: the note runs once up to the first exercise, then each
 * answer re-runs only its exercise's section (from the paragraph after the previous exercise's
 * check down to its own check), as a learner re-runs a section after an edit. Each answer is
 * checked as a first attempt (the exercise's progress is reset in between), so the hint is the
 * first that helps.
 */
class ExerciseAnswersTest {
  private static final Pattern HINT =
      Pattern.compile("<p class=\"prodml-hint\"><b>Hint \\d+ of \\d+:</b> (.*?)</p>");

  private static Path workspace;
  private static final List<String> TABLE = new ArrayList<>();

  @BeforeAll
  static void workspace() throws Exception {
    workspace = Files.createTempDirectory("prodml-answers");
    Workspace.start(workspace, NotebooksTest.COURSE, "test", "./prodml");
    TABLE.add("| exercise | answer tried | expected | verdict | failures reported | hint shown |");
    TABLE.add("|---|---|---|---|---|---|");
  }

  @AfterAll
  static void writeTable() throws Exception {
    Path report = Files.createDirectories(Path.of("target")).resolve("exercise-answers.md");
    Files.writeString(report, String.join("\n", TABLE) + "\n", StandardCharsets.UTF_8);
  }

  @TestFactory
  Stream<DynamicTest> everyWrongAnswerFailsWithItsHintAndEveryAlternativePasses() {
    return NotebooksTest.COURSE.notes().stream()
        .filter(n -> !n.exercises().isEmpty())
        .map(n -> DynamicTest.dynamicTest(n.name(), () -> tryAnswers(n)));
  }

  private static void tryAnswers(CourseNote note) {
    NoteRunner runner = new NoteRunner(Map.of(ProdmlSettings.WORKSPACE, workspace.toString()));
    ExerciseProgress progress = Workspace.open(workspace).progress();
    ObjectNode shipped = NoteFiles.read(note.file());
    List<String> failures = new ArrayList<>();
    try (NoteRunner.Open open = runner.open(shipped)) {
      int previousCheck = -1;
      int ran = 0;
      for (Exercise e : note.exercises()) {
        assertTrue(e.wrong().size() >= 2, e.id() + " lists at least two wrong answers");
        assertTrue(e.alternatives().size() >= 2, e.id() + " lists at least two alternatives");
        int check = checkParagraph(open, e);
        int start = previousCheck + 1;
        if (previousCheck < 0) { // the note's opening sections run once, shared by every answer
          start = firstChanged(open, e);
        }
        for (; ran < start; ran++) {
          expectRuns(open, ran, note.name() + " before " + e.id());
        }
        List<Exercise.TriedAnswer> answers = new ArrayList<>(e.wrong());
        answers.addAll(e.alternatives());
        for (Exercise.TriedAnswer answer : answers) {
          boolean wrong = e.wrong().contains(answer);
          progress.reset(e.id());
          Map<String, String> texts = new LinkedHashMap<>();
          for (int i = start; i <= check; i++) {
            String id = open.note().path("paragraphs").get(i).path("id").asText();
            texts.put(id, shipped.path("paragraphs").get(i).path("text").asText());
          }
          texts.putAll(answer.paragraphs());
          texts.forEach(open::setText);
          String where = e.id() + " '" + answer.tried() + "'";
          for (int i = start; i <= check; i++) {
            expectRuns(open, i, where);
          }
          Result result = result(open.note().path("paragraphs").get(check));
          TABLE.add(
              "| `"
                  + e.id()
                  + "` | "
                  + answer.tried()
                  + " | "
                  + (wrong ? "fail: " + answer.fails() : "pass")
                  + " | "
                  + (result.passed ? "PASS" : "FAIL")
                  + " | "
                  + String.join(", ", result.failures)
                  + " | "
                  + result.hint.replace("|", "\\|")
                  + " |");
          if (wrong) {
            if (result.passed) {
              failures.add(where + " passes");
            } else if (!result.failures.contains(answer.fails())) {
              failures.add(where + " fails with " + result.failures + ", not " + answer.fails());
            } else {
              String expected = expectedHint(e, result.failures);
              if (!result.hint.equals(expected)) {
                failures.add(where + " shows hint '" + result.hint + "', not '" + expected + "'");
              } else if (!helps(e, expected, answer.fails())) {
                failures.add(where + ": no hint written for " + answer.fails() + " comes first");
              }
            }
          } else if (!result.passed) {
            failures.add(where + " fails with " + result.failures + ": " + result.hint);
          }
        }
        previousCheck = check;
        ran = check + 1;
      }
    }
    assertEquals(List.of(), failures, note.name());
  }

  /** The hint a first failed attempt shows: the first that helps with one of the failures. */
  private static String expectedHint(Exercise e, List<String> failures) {
    return e.hints().get(e.hintsFor(failures).get(0)).text();
  }

  /** Whether the hint is written for that failure, or no hint is and it is a general one. */
  private static boolean helps(Exercise e, String hint, String failure) {
    boolean written = e.hints().stream().anyMatch(h -> h.when().contains(failure));
    return e.hints().stream()
        .anyMatch(
            h ->
                h.text().equals(hint)
                    && (written ? h.when().contains(failure) : h.when().isEmpty()));
  }

  private record Result(boolean passed, List<String> failures, String hint) {}

  private static Result result(JsonNode paragraph) {
    boolean passed = false;
    List<String> failures = new ArrayList<>();
    String hint = "";
    for (JsonNode msg : paragraph.path("results").path("msg")) {
      String data = msg.path("data").asText("");
      switch (msg.path("type").asText("")) {
        case "TEXT" -> passed |= data.matches("(?s)exercise \\S+: PASS.*");
        case "HTML" -> {
          Matcher m = HINT.matcher(data);
          if (m.find()) {
            hint = Html.unescape(m.group(1));
          }
        }
        case "TABLE" -> {
          List<String> rows = data.lines().toList();
          for (int i = 1; i < rows.size(); i++) {
            String[] cells = rows.get(i).split("\t");
            if (cells.length > 1 && !failures.contains(cells[1])) {
              failures.add(cells[1]);
            }
          }
        }
        default -> {}
      }
    }
    return new Result(passed, passed ? List.of() : failures, hint);
  }

  private static void expectRuns(NoteRunner.Open open, int i, String where) {
    ParagraphRun run = open.run(i);
    if (run != null && run.status().isFailure()) {
      throw new AssertionError(where + ": paragraph " + (i + 1) + " failed: " + run.message());
    }
  }

  private static int checkParagraph(NoteRunner.Open open, Exercise e) {
    JsonNode paragraphs = open.note().path("paragraphs");
    for (int i = 0; i < paragraphs.size(); i++) {
      if (paragraphs
          .get(i)
          .path("text")
          .asText("")
          .startsWith("%prodml.check(exercise=" + e.id() + ")")) {
        return i;
      }
    }
    throw new AssertionError("note " + e.note() + " has no check paragraph for " + e.id());
  }

  /** The first paragraph the exercise's answers change: where its section starts. */
  private static int firstChanged(NoteRunner.Open open, Exercise e) {
    List<String> changed = new ArrayList<>(e.solved().keySet());
    e.wrong().forEach(a -> changed.addAll(a.paragraphs().keySet()));
    e.alternatives().forEach(a -> changed.addAll(a.paragraphs().keySet()));
    return changed.stream().mapToInt(open::indexOf).min().orElseThrow();
  }
}
