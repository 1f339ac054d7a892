package org.prodml.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.prodml.course.Course;
import org.prodml.course.CourseNote;
import org.prodml.course.Exercise;
import org.prodml.course.ExerciseProgress;
import org.prodml.course.Workspace;
import org.prodml.render.TableBlock;
import org.prodml.render.TextTables;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code ./prodml course}: the notes, their exercises and the learner's progress; {@code start}
 * makes the learner's workspace, {@code reset} forgets an exercise's attempts, {@code readme}
 * regenerates the course's README.
 */
@Command(
    name = "course",
    mixinStandardHelpOptions = true,
    subcommands = {
      CourseCommand.Start.class,
      CourseCommand.Reset.class,
      CourseCommand.Readme.class
    },
    description = {
      "Lists the course's notes and exercises with the learner's progress: attempts, verdict, hints.",
      "Progress is kept in the learner's workspace (./prodml course start makes one), shared by"
          + " ./prodml run and Zeppelin; without a workspace nothing is recorded."
    })
public final class CourseCommand implements Callable<Integer> {
  /** The environment variable that names the learner's workspace when no option does. */
  static final String WORKSPACE_VARIABLE = "PRODML_WORKSPACE";

  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Option(
      names = "--workspace",
      paramLabel = "DIR",
      description =
          "the learner's workspace (default: $"
              + WORKSPACE_VARIABLE
              + ", else the workspace the current folder lies in, else ~/"
              + Workspace.DEFAULT_FOLDER
              + ")")
  Path workspace;

  @Override
  public Integer call() {
    Course course = course();
    Optional<Workspace> learner = find(workspace);
    Map<String, ExerciseProgress.ExerciseState> progress =
        learner.map(w -> w.progress().all()).orElse(Map.of());
    List<List<String>> rows = new ArrayList<>();
    int passed = 0;
    int total = 0;
    for (CourseNote note : course.notes()) {
      for (Exercise e : note.exercises()) {
        total++;
        ExerciseProgress.ExerciseState s = progress.get(e.id());
        String status;
        if (s == null) {
          status = "not checked yet";
        } else if (s.verdict().equals("PASS")) {
          passed++;
          status = "passed (attempt " + s.attempts() + ")";
        } else {
          status =
              "not yet ("
                  + s.attempts()
                  + " attempt"
                  + (s.attempts() == 1 ? "" : "s")
                  + ", "
                  + s.hintsRevealed().size()
                  + " of "
                  + e.hints().size()
                  + " hints"
                  + (s.passed() ? "; passed before" : "")
                  + ")";
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
            + learner
                .map(
                    w ->
                        " (progress of "
                            + w.learner()
                            + " in "
                            + w.dir().resolve(Workspace.PROGRESS)
                            + ")")
                .orElse(
                    " (no workspace, so no progress is kept: ./prodml course start makes one in ~/"
                        + Workspace.DEFAULT_FOLDER
                        + ")"));
    out.flush();
    return ProdmlCommand.OK;
  }

  static Course course() {
    return Course.read(Home.get().resolve("notebooks"));
  }

  /**
   * The learner's workspace: the folder given, else $PRODML_WORKSPACE, else the one the current
   * folder lies in, else the default folder when it is one.
   */
  static Optional<Workspace> find(Path given) {
    if (given != null) {
      return Optional.of(Workspace.open(given));
    }
    String variable = System.getenv(WORKSPACE_VARIABLE);
    if (variable != null && !variable.isBlank()) {
      return Optional.of(Workspace.open(Path.of(variable)));
    }
    Optional<Workspace> here = Workspace.find(Path.of(""));
    if (here.isPresent()) {
      return here;
    }
    Path fallback = Workspace.defaultFolder();
    return Workspace.isWorkspace(fallback)
        ? Optional.of(Workspace.open(fallback))
        : Optional.empty();
  }

  /** Makes the learner's workspace: a copy of the course the learner owns. */
  @Command(
      name = "start",
      mixinStandardHelpOptions = true,
      description = {
        "Makes your workspace: a folder you own, outside this checkout, with a copy of every note of"
            + " the course as a Zeppelin note (.zpln) and as plain text (.txt) for a text editor.",
        "Running it again adds notes the course gained and keeps every note you already have.",
        "Then edit a note's .txt and run it: ./prodml run \"DIR/0 The system around the model/…txt\"."
      })
  static final class Start implements Callable<Integer> {
    @Spec picocli.CommandLine.Model.CommandSpec spec;

    @Parameters(
        arity = "0..1",
        paramLabel = "DIR",
        description =
            "the workspace folder (default: $"
                + WORKSPACE_VARIABLE
                + ", else ~/"
                + Workspace.DEFAULT_FOLDER
                + ")")
    Path dir;

    @Option(
        names = "--learner",
        paramLabel = "NAME",
        description = "whose progress it keeps (default: your user name)")
    String learner;

    @Override
    public Integer call() {
      String variable = System.getenv(WORKSPACE_VARIABLE);
      Path folder =
          dir != null
              ? dir
              : variable != null && !variable.isBlank()
                  ? Path.of(variable)
                  : Workspace.defaultFolder();
      Workspace.Started started =
          Workspace.start(
              folder,
              course(),
              learner != null ? learner : System.getProperty("user.name", "learner"),
              Home.get().resolve("prodml").toString());
      var out = spec.commandLine().getOut();
      Path ws = started.workspace().dir();
      out.println(
          "Workspace "
              + ws
              + ": "
              + started.copied().size()
              + " note"
              + (started.copied().size() == 1 ? "" : "s")
              + " copied, "
              + started.kept().size()
              + " of yours kept.");
      out.println("Read " + ws.resolve(Workspace.README) + ", then edit a note's .txt and run it:");
      Course course = course();
      if (!course.notes().isEmpty()) {
        Path first = started.workspace().noteFile(course.notes().get(0));
        out.println(
            "  "
                + Home.get().resolve("prodml")
                + " run \""
                + org.prodml.note.NoteText.besideNote(first)
                + "\"");
      }
      out.flush();
      return ProdmlCommand.OK;
    }
  }

  /** Forgets an exercise's attempts, verdict and hints (or every exercise's). */
  @Command(
      name = "reset",
      mixinStandardHelpOptions = true,
      description = {
        "Forgets the attempts, verdict and hints of one exercise, or of every exercise when none is"
            + " named, in your workspace's progress.",
        "With --restore, also puts the exercise's ✎ paragraphs back as the course ships them."
      })
  static final class Reset implements Callable<Integer> {
    @Spec picocli.CommandLine.Model.CommandSpec spec;

    @Parameters(arity = "0..1", paramLabel = "EXERCISE", description = "the exercise id")
    String exercise;

    @Option(names = "--workspace", paramLabel = "DIR", description = "the learner's workspace")
    Path workspace;

    @Option(
        names = "--restore",
        description = "also put the exercise's paragraphs back as shipped (needs EXERCISE)")
    boolean restore;

    @Override
    public Integer call() {
      Workspace learner =
          find(workspace)
              .orElseThrow(
                  () ->
                      new IllegalArgumentException(
                          "no workspace to reset: ./prodml course start makes one"));
      Course course = course();
      var out = spec.commandLine().getOut();
      if (exercise == null) {
        if (restore) {
          throw new IllegalArgumentException("--restore needs the exercise to restore");
        }
        int forgotten = learner.progress().resetAll();
        out.println(
            "Forgot the progress of "
                + forgotten
                + " exercise"
                + (forgotten == 1 ? "" : "s")
                + " in "
                + learner.dir().resolve(Workspace.PROGRESS));
      } else {
        Exercise e = course.exercises().require(exercise);
        boolean had = learner.progress().reset(e.id());
        out.println(
            (had ? "Forgot the attempts, verdict and hints of " : "No progress to forget for ")
                + e.id()
                + ".");
        if (restore) {
          Path note = learner.restore(e, course);
          out.println(
              "Put back "
                  + e.solved().size()
                  + " paragraph"
                  + (e.solved().size() == 1 ? "" : "s")
                  + " of "
                  + e.id()
                  + " in "
                  + note
                  + " and its .txt.");
        }
      }
      out.flush();
      return ProdmlCommand.OK;
    }
  }

  /** Regenerates notebooks/README.md. */
  @Command(
      name = "readme",
      mixinStandardHelpOptions = true,
      description =
          "Regenerates notebooks/README.md (notes, objectives, exercises, rule ids) from the notes and the exercise rules.")
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
