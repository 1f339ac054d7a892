package org.prodml.zeppelin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.prodml.cli.ProdmlCommand;
import org.prodml.course.CourseNote;
import org.prodml.course.Workspace;
import org.prodml.note.NoteFiles;
import org.prodml.note.NoteText;

/**
 * A learner without Zeppelin, as the README tells it: {@code ./prodml course start DIR}, edit a
 * note's plain text in a text editor, {@code ./prodml run} it; attempts are counted across runs,
 * and {@code ./prodml course} shows them.
 */
class WorkspaceRunTest {
  @Test
  void exerciseZeroTwoIsDoneByEditingThePlainTextNoteAndRunningOneCommand(@TempDir Path dir)
      throws Exception {
    assertEquals(0, prodml("course", "start", dir.toString()).exit);
    Path text = noteText(dir, "PMLC00SYS");
    String shipped = Files.readString(text);
    assertTrue(shipped.contains("count < 0"), "the ✎ rule paragraph reads as DRL");
    edit(text, shipped.replace("count < 0", "missingShare > 0.02"));

    Run run = prodml("run", text.toString());
    assertEquals(0, run.exit, run.out);
    assertTrue(run.out.contains("exercise wind-gaps-rule: PASS (attempt 1)"), run.out);
    assertTrue(run.out.contains("exercise seed-the-pipeline: FAIL (attempt 1)"), run.out);
    assertTrue(
        NoteFiles.write(NoteFiles.read(NoteText.noteBeside(text))).contains("missingShare > 0.02"),
        "the .zpln beside it follows the text");
    assertTrue(
        Files.isRegularFile(
            dir.resolve("out/0 The system around the model")
                .resolve("0. The system around the model_PMLC00SYS.html")),
        "the page goes to the workspace's out/ folder");
    String course = prodml("course", "--workspace", dir.toString()).out;
    assertTrue(course.matches("(?s).*wind-gaps-rule .*passed \\(attempt 1\\).*"), course);
  }

  /** The README tells the workflow the test above runs, with the file a learner edits. */
  @Test
  void theReadmeTellsThisWorkflow(@TempDir Path dir) throws Exception {
    String readme = Files.readString(org.prodml.cli.Home.get().resolve("README.md"));
    assertEquals(0, prodml("course", "start", dir.toString()).exit);
    Path text = dir.relativize(noteText(dir, "PMLC00SYS"));
    for (String step :
        List.of("./prodml course start", "./prodml run ", text.toString(), "./prodml course ")) {
      assertTrue(readme.contains(step), "README.md does not say: " + step);
    }
  }

  @Test
  void theSameFailedAnswerKeepsItsAttemptAndAChangedOneMovesToTheNextHint(@TempDir Path dir)
      throws Exception {
    assertEquals(0, prodml("course", "start", dir.toString()).exit);
    Path text = noteText(dir, "PMLC01TRN");
    String first = prodml("run", text.toString()).out;
    assertTrue(first.contains("exercise retrain-budget: FAIL (attempt 1)"), first);
    assertTrue(first.contains("Hint 1 of 2"), first);
    String again = prodml("run", text.toString()).out;
    assertTrue(again.contains("exercise retrain-budget: FAIL (attempt 1)"), again);
    assertEquals(hintOf(first, "retrain-budget"), hintOf(again, "retrain-budget"));

    edit(text, Files.readString(text).replace("retrain=90, window=90", "retrain=90, window=120"));
    String changed = prodml("run", text.toString()).out;
    assertTrue(changed.contains("exercise retrain-budget: FAIL (attempt 2)"), changed);
    assertTrue(hintOf(changed, "retrain-budget").startsWith("Hint 2 of 2"), changed);

    String course = prodml("course", "--workspace", dir.toString()).out;
    assertTrue(course.matches("(?s).*retrain-budget .*not yet \\(2 attempts.*"), course);
    assertTrue(course.matches("(?s).*flowers .*not yet \\(1 attempt,.*"), course);
    assertEquals(
        0, prodml("course", "reset", "retrain-budget", "--workspace", dir.toString()).exit);
    assertTrue(
        prodml("course", "--workspace", dir.toString())
            .out
            .matches("(?s).*retrain-budget .*not checked yet.*"));
  }

  @Test
  void theShippedNotesRunWithoutAWorkspaceWriteNoProgress(@TempDir Path out) throws Exception {
    Path shipped = NotebooksTest.COURSE.note("PMLC01TRN").orElseThrow().file();
    List<Path> before;
    try (var files = Files.list(shipped.getParent())) {
      before = files.sorted().toList();
    }
    Run run = prodml("run", shipped.toString(), "--out", out.toString());
    assertEquals(0, run.exit, run.out);
    try (var files = Files.list(shipped.getParent())) {
      assertEquals(before, files.sorted().toList(), "nothing is written beside the course's notes");
    }
    assertTrue(Workspace.find(shipped).isEmpty());
  }

  private static Path noteText(Path workspace, String id) {
    CourseNote note = NotebooksTest.COURSE.note(id).orElseThrow();
    return NoteText.besideNote(Workspace.open(workspace).noteFile(note));
  }

  /** Saves an edit as a text editor would: the text is then newer than its .zpln. */
  private static void edit(Path text, String content) throws Exception {
    Files.writeString(text, content);
    Path zpln = NoteText.noteBeside(text);
    Files.setLastModifiedTime(
        text, FileTime.fromMillis(Files.getLastModifiedTime(zpln).toMillis() + 2000));
  }

  private static String hintOf(String out, String exercise) {
    List<String> lines = out.lines().toList();
    for (int i = 0; i < lines.size(); i++) {
      if (lines.get(i).strip().startsWith("exercise " + exercise + ":")) {
        for (int j = i + 1; j < lines.size() && lines.get(j).startsWith("    "); j++) {
          if (lines.get(j).strip().startsWith("Hint ")) {
            return lines.get(j).strip();
          }
        }
      }
    }
    return "";
  }

  private record Run(int exit, String out) {}

  private static Run prodml(String... args) {
    StringWriter text = new StringWriter();
    int exit =
        ProdmlCommand.commandLine(new PrintWriter(text, true), new PrintWriter(text, true))
            .execute(args);
    return new Run(exit, text.toString());
  }
}
