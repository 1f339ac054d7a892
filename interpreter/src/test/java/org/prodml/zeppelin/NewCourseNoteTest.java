package org.prodml.zeppelin;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.prodml.cli.Home;
import org.prodml.cli.ProdmlCommand;
import org.prodml.course.Course;
import org.prodml.course.CourseNotes;
import org.prodml.note.NoteFiles;
import org.prodml.rules.RuleLint;

/**
 * Adding a course note is adding one note folder and one folder of graders: in a copy of the course
 * and its rules, a throwaway note with an exercise joins the course, its @course id lints, and it
 * runs as shipped (the check fails with its first hint) and solved (it passes).
 */
class NewCourseNoteTest {
  private static final String ID = "PMLC99TMP";

  @Test
  void aNewFolderAndAGraderFolderAreAllANewNoteNeeds(@TempDir Path home) throws Exception {
    copy(Home.get().resolve("rules"), home.resolve("rules"));
    Files.createDirectories(home.resolve("notebooks"));
    Files.copy(Home.get().resolve("notebooks/course.yaml"), home.resolve("notebooks/course.yaml"));
    for (Path folder :
        Course.read(Home.get().resolve("notebooks")).notes().stream()
            .map(n -> n.folder())
            .toList()) {
      copy(folder, home.resolve("notebooks").resolve(folder.getFileName().toString()));
    }

    Path note = Files.createDirectories(home.resolve("notebooks/9 Throwaway"));
    Files.writeString(
        note.resolve("9. Throwaway_" + ID + ".zpln"),
        NoteFiles.write(
            NoteFiles.build(
                ID,
                "9. Throwaway",
                List.of(
                    new NoteFiles.Paragraph(
                        "",
                        "%md\n# 9. Throwaway\n\nA note added to check that a new note needs only its folders."),
                    new NoteFiles.Paragraph(
                        "Load", "%prodml.load(file=seattle-weather/spans/train-2012-2013.csv)"),
                    new NoteFiles.Paragraph(
                        "✎ Your answer", "%prodml.ask\nexercise.split-daily-data: random"),
                    new NoteFiles.Paragraph(
                        "Check", "%prodml.check(exercise=split-daily-data)")))));
    Files.writeString(
        note.resolve("note.yaml"),
        """
        id: PMLC99TMP
        objective: Split time-ordered data so the test set is the future
        section: Real-world ML (guidelines)
        exercises:
        - id: split-daily-data
          title: How to split daily weather
          kind: choice
          task: The weather data has one row a day. Split it at random, or by time?
          verifies: That the answer names one option, the split that tests on days after training.
          hints:
          - Where will the model serve, in the past or the future?
          choice:
            question: Random or time split for daily data?
            options: [random, time]
            answer: time
            why: A model serves the days after training, so its test set should be days after training too.
          solved:
            paragraph_PMLC99TMP_0003: "%prodml.ask\\nexercise.split-daily-data: time"
        """);
    Path graders = Files.createDirectories(home.resolve("rules/exercises/" + ID));
    Files.writeString(
        graders.resolve("DailyDataSplitByTime.drl"),
        """
        package rules.exercises;

        import org.prodml.facts.Evidence;
        import org.prodml.facts.ExerciseAnswerFact;
        import org.prodml.facts.ExerciseCheckFact;

        rule "EX-991 Daily data is split by time"
            @id("EX-991")
            @severity("INFO")
            @topic("SPLIT_LEAKAGE")
            @stage("EXERCISE")
            @exercise("split-daily-data")
            @verdict("pass")
            @course("PMLC99TMP › Real-world ML › Guidelines")
            @explanation("You split the daily data by {answer}: the model is tested on the days after training.")
            @remedy("Nothing to do.")
        when
            ExerciseCheckFact(exercise == "split-daily-data")
            ExerciseAnswerFact(question == "split-daily-data", answer == "time")
        then
            insert(Evidence.of("split-daily-data", "answer", "time"));
        end
        """);
    Files.writeString(
        graders.resolve("DailyDataSplitByTime.cases.json"),
        """
        {
          "rule": "EX-991",
          "cases": [
            {"title": "time chosen", "expect": "fire", "subject": "split-daily-data",
             "facts": [{"type": "ExerciseCheckFact", "value": {"exercise": "split-daily-data", "attempt": 1}},
                       {"type": "ExerciseAnswerFact", "value": {"question": "split-daily-data", "answer": "time"}}]},
            {"title": "random chosen", "expect": "quiet",
             "facts": [{"type": "ExerciseCheckFact", "value": {"exercise": "split-daily-data", "attempt": 1}},
                       {"type": "ExerciseAnswerFact", "value": {"question": "split-daily-data", "answer": "random"}}]}
          ]
        }
        """);

    assertEquals(
        List.of(),
        RuleLint.lint(home.resolve("rules")),
        "the new grader and its @course note id lint clean");
    Course course = Course.read(home.resolve("notebooks"));
    assertEquals(
        ID,
        course.notes().get(course.notes().size() - 1).id(),
        "a folder course.yaml does not list comes last");

    String[] properties = {
      "-P",
      ProdmlSettings.DATA_ROOTS + "=" + Home.get().resolve("datasets"),
      "-P",
      ProdmlSettings.RULE_DIRS + "=" + home.resolve("rules"),
      "-P",
      ProdmlSettings.COURSE + "=" + home.resolve("notebooks")
    };
    assertEquals(
        List.of(false),
        verdicts(run(note, home.resolve("shipped"), false, properties)),
        "as shipped the check fails");
    assertEquals(
        List.of(true),
        verdicts(run(note, home.resolve("solved"), true, properties)),
        "solved it passes");
  }

  private static Path run(Path note, Path out, boolean solved, String... properties) {
    List<String> args = new ArrayList<>(List.of("run", note.toString(), "--out", out.toString()));
    if (solved) {
      args.add("--solved");
    }
    args.addAll(List.of(properties));
    StringWriter text = new StringWriter();
    int exit =
        ProdmlCommand.commandLine(new PrintWriter(text, true), new PrintWriter(text, true))
            .execute(args.toArray(String[]::new));
    assertEquals(0, exit, text.toString());
    return out;
  }

  private static List<Boolean> verdicts(Path out) {
    return NoteFiles.find(out).stream()
        .flatMap(f -> CourseNotes.verdicts(NoteFiles.read(f)).stream())
        .map(CourseNotes.Verdict::passed)
        .toList();
  }

  private static void copy(Path from, Path to) throws IOException {
    try (Stream<Path> walk = Files.walk(from)) {
      for (Path p : walk.toList()) {
        Path target = to.resolve(from.relativize(p).toString());
        if (Files.isDirectory(p)) {
          Files.createDirectories(target);
        } else {
          Files.copy(p, target);
        }
      }
    }
  }
}
