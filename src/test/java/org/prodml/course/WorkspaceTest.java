package org.prodml.course;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.prodml.data.DataInputException;
import org.prodml.note.NoteFiles;
import org.prodml.note.NoteText;

/** The learner's workspace and progress: what start copies, what progress counts, and resets. */
class WorkspaceTest {
  static final Course COURSE = Course.read(Path.of("notebooks"));

  @Test
  void startCopiesEveryNoteTwiceAndKeepsTheLearnersOwn(@TempDir Path dir) throws Exception {
    Workspace.Started first = Workspace.start(dir, COURSE, "ana", "./prodml");
    assertEquals(COURSE.notes().size(), first.copied().size());
    CourseNote note0 = COURSE.notes().get(0);
    Path zpln = first.workspace().noteFile(note0);
    assertTrue(Files.isRegularFile(zpln));
    assertTrue(NoteText.isNoteText(NoteText.besideNote(zpln)), "the plain text beside it");
    assertTrue(Files.readString(dir.resolve(Workspace.README)).contains(" run \""));
    assertEquals("ana", Workspace.open(dir).progress().learner());

    Files.writeString(zpln, Files.readString(zpln).replace("count < 0", "count < 1"));
    Workspace.Started again = Workspace.start(dir, COURSE, "ana", "./prodml");
    assertEquals(List.of(), again.copied(), "nothing is copied over the learner's notes");
    assertTrue(Files.readString(zpln).contains("count < 1"), "the learner's edit is kept");
    assertEquals(dir.toRealPath(), Workspace.find(zpln).orElseThrow().dir().toRealPath());
  }

  @Test
  void aWorkspaceNeverLivesInTheCoursesCheckout() {
    Path inside = COURSE.folder().toAbsolutePath().getParent().resolve("target/my-course");
    DataInputException e =
        assertThrows(DataInputException.class, () -> Workspace.start(inside, COURSE, "ana", "x"));
    assertTrue(e.getMessage().contains("outside the course's checkout"), e.getMessage());
  }

  @Test
  void restorePutsAnExercisesParagraphsBackAsShipped(@TempDir Path dir) throws Exception {
    Workspace w = Workspace.start(dir, COURSE, "ana", "./prodml").workspace();
    Exercise e = COURSE.exercises().require("wind-gaps-rule");
    Path zpln = w.noteFile(COURSE.note(e.note()).orElseThrow());
    Path txt = NoteText.besideNote(zpln);
    Files.writeString(txt, Files.readString(txt).replace("count < 0", "missing > 0"));
    w.restore(e, COURSE);
    assertTrue(Files.readString(txt).contains("count < 0"));
    String paragraph = e.paragraphs().get(0);
    NoteFiles.read(zpln)
        .path("paragraphs")
        .forEach(
            p -> {
              if (p.path("id").asText().equals(paragraph)) {
                assertTrue(p.path("text").asText().contains("count < 0"));
              }
            });
  }

  @Test
  void anAttemptIsANewAnswerAndHintsFollowTheFailure(@TempDir Path dir) {
    ExerciseProgress progress = ExerciseProgress.file(dir.resolve(Workspace.PROGRESS));
    Exercise e = COURSE.exercises().require("wind-gaps-rule");
    List<Integer> neither = e.hintsFor(List.of("EX-904"));
    List<Integer> onClean = e.hintsFor(List.of("EX-905"));

    ExerciseProgress.Checked first = progress.record(e, "aaaa", false, neither);
    assertEquals(1, first.attempt());
    assertEquals(neither.get(0), first.hint());
    ExerciseProgress.Checked same = progress.record(e, "aaaa", false, neither);
    assertEquals(1, same.attempt(), "re-checking the same answer is the same attempt");
    assertFalse(same.newAnswer());
    assertEquals(first.hint(), same.hint(), "and reveals no new hint");

    ExerciseProgress.Checked other = progress.record(e, "bbbb", false, onClean);
    assertEquals(2, other.attempt());
    assertEquals(onClean.get(0), other.hint(), "a new failure shows the hint written for it");
    ExerciseProgress.Checked third = progress.record(e, "cccc", false, onClean);
    assertEquals(onClean.get(1), third.hint(), "the next one after");

    ExerciseProgress reread = ExerciseProgress.file(dir.resolve(Workspace.PROGRESS));
    assertEquals(3, reread.of(e.id()).orElseThrow().attempts(), "progress outlives the run");
    assertEquals("FAIL", reread.of(e.id()).orElseThrow().verdict());
    ExerciseProgress.Checked pass = reread.record(e, "dddd", true, List.of());
    assertEquals(4, pass.attempt());
    assertEquals(-1, pass.hint());
    assertTrue(reread.of(e.id()).orElseThrow().passed());

    assertTrue(reread.reset(e.id()));
    assertTrue(reread.of(e.id()).isEmpty());
    assertEquals(1, reread.record(e, "aaaa", false, neither).attempt(), "a reset starts over");
  }

  @Test
  void progressInMemoryWritesNothing(@TempDir Path dir) throws Exception {
    ExerciseProgress progress = ExerciseProgress.inMemory();
    Exercise e = COURSE.exercises().require("flowers");
    progress.record(e, "aaaa", false, e.hintsFor(List.of("EX-102")));
    assertEquals(1, progress.of("flowers").orElseThrow().attempts());
    assertTrue(progress.location().isEmpty());
    try (var files = Files.list(dir)) {
      assertEquals(0, files.count());
    }
  }
}
