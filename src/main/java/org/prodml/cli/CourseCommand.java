package org.prodml.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.prodml.course.Course;
import org.prodml.course.CourseNote;
import org.prodml.course.CourseNotes;
import org.prodml.course.Exercise;
import org.prodml.note.NoteFiles;
import org.prodml.render.TableBlock;
import org.prodml.render.TextTables;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code ./prodml course}: the notes, their exercises, and the learner's progress. */
@Command(
    name = "course",
    mixinStandardHelpOptions = true,
    subcommands = CourseCommand.Readme.class,
    description = {
      "List the course's notes and exercises with the learner's progress, read from the notes' saved",
      "outputs (what ./prodml run or Zeppelin wrote). Run a note to update it: ./prodml run notebooks/"
    })
public final class CourseCommand implements Callable<Integer> {
  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Option(
      names = "--notebooks",
      paramLabel = "DIR",
      description = "the course's notes (default: notebooks/ of ProdML Lab)")
  Path notebooks;

  @Option(
      names = "--outputs",
      paramLabel = "DIR",
      defaultValue = "out/notebooks",
      description =
          "saved outputs to read progress from (default: ${DEFAULT-VALUE}); may also be the notes themselves")
  Path outputs;

  @Override
  public Integer call() {
    Course course = Course.read(notebooks != null ? notebooks : Home.get().resolve("notebooks"));
    Map<String, List<CourseNotes.Verdict>> progress = new LinkedHashMap<>();
    for (Path saved : NoteFiles.find(outputs)) {
      var note = NoteFiles.read(saved);
      progress.put(note.path("id").asText(""), CourseNotes.verdicts(note));
    }
    List<List<String>> rows = new ArrayList<>();
    int passed = 0;
    int total = 0;
    for (CourseNote note : course.notes()) {
      List<CourseNotes.Verdict> verdicts = progress.getOrDefault(note.id(), List.of());
      if (note.exercises().isEmpty()) {
        rows.add(
            List.of(note.name(), "", "", "", progress.containsKey(note.id()) ? "run" : "not run"));
      }
      for (Exercise e : note.exercises()) {
        total++;
        CourseNotes.Verdict last = null;
        for (CourseNotes.Verdict v : verdicts) {
          if (v.exercise().equals(e.id())) {
            last = v;
          }
        }
        String status =
            last == null
                ? (progress.containsKey(note.id()) ? "not checked" : "not run")
                : last.passed()
                    ? "passed (attempt " + last.attempt() + ")"
                    : "not yet ("
                        + last.attempt()
                        + " attempt"
                        + (last.attempt() == 1 ? "" : "s")
                        + ")";
        if (last != null && last.passed()) {
          passed++;
        }
        rows.add(List.of(note.name(), e.id(), e.title(), e.kind(), status));
      }
    }
    var out = spec.commandLine().getOut();
    out.print(
        TextTables.render(
            TableBlock.of("", List.of("note", "exercise", "title", "kind", "progress"), rows), 60));
    out.println(
        passed
            + " of "
            + total
            + " exercises passed"
            + (Files.isDirectory(outputs)
                ? " (progress from " + outputs + ")"
                : " (no saved outputs in " + outputs + " yet: run ./prodml run notebooks/)"));
    out.flush();
    return ProdmlCommand.OK;
  }

  /** Regenerates notebooks/README.md. */
  @Command(
      name = "readme",
      mixinStandardHelpOptions = true,
      description =
          "Regenerate notebooks/README.md (notes, objectives, exercises, rule ids) from the notes and the exercise rules.")
  static final class Readme implements Callable<Integer> {
    @Spec picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
      Path notebooks = Home.get().resolve("notebooks");
      org.prodml.course.CourseReadme.write(Course.read(notebooks), Home.rules());
      spec.commandLine().getOut().println("wrote " + notebooks.resolve("README.md"));
      spec.commandLine().getOut().flush();
      return ProdmlCommand.OK;
    }
  }
}
