package org.prodml.zeppelin;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.Function;
import org.prodml.course.CourseNote;
import org.prodml.course.CourseNotes;
import org.prodml.note.NoteFiles;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code ./prodml run PATH...}: runs Zeppelin notes without a Zeppelin server. This class names no
 * Zeppelin type, so the CLI starts (and shows help) even without Zeppelin's API on the class path;
 * running needs it ({@code target/lib-zeppelin/*}).
 */
@Command(
    name = "run",
    mixinStandardHelpOptions = true,
    description = {
      "Run Zeppelin notes (.zpln, or note.json) headless through the prodml interpreters: paragraphs in order,"
          + " one pipeline per note, %%md rendered, other interpreters' paragraphs kept as they are.",
      "Writes each note as a copy with its results (<out>/<name>.zpln, importable into Zeppelin) and as a"
          + " self-contained page (<out>/<name>.html). Input notes are never changed.",
      "A paragraph whose config has \"expectError\": true must fail; any other failure stops its note.",
      "Exit status: 0 every paragraph as expected, 1 a paragraph failed, 2 a usage or input error."
    })
public final class RunCommand implements Callable<Integer> {
  static final int FAILED = 1;

  @Parameters(
      arity = "1..*",
      paramLabel = "PATH",
      description = "a note file, or a folder: every note below it runs, in name order")
  List<Path> paths = new ArrayList<>();

  @Option(
      names = "--out",
      paramLabel = "DIR",
      defaultValue = "out/notebooks",
      description = "where the copies and pages go (default: ${DEFAULT-VALUE})")
  Path out;

  @Option(
      names = {"-P", "--property"},
      paramLabel = "KEY=VALUE",
      description = "an interpreter setting property, e.g. -P prodml.maxRows=100")
  Map<String, String> properties = new LinkedHashMap<>();

  @Option(
      names = "--solved",
      description =
          "run each course note with its exercises' solved paragraphs in place (from the note.yaml beside it)")
  boolean solved;

  @Spec CommandSpec spec;

  /** A note to run and where its copy goes, relative to --out. */
  record NoteFile(Path file, Path output) {}

  @Override
  public Integer call() {
    try {
      Class.forName("org.apache.zeppelin.interpreter.Interpreter");
    } catch (ClassNotFoundException e) {
      throw new IllegalArgumentException(
          "run needs Zeppelin's interpreter API on the class path:"
              + " java -cp target/prodml.jar:target/lib-zeppelin/* … (mvn package copies it there)");
    }
    List<NoteFile> notes = find(paths);
    Function<NoteFile, ObjectNode> reader =
        note -> {
          ObjectNode input = NoteFiles.read(note.file());
          Path folder = note.file().toAbsolutePath().getParent();
          if (!solved || folder == null || !CourseNote.isCourseNote(folder)) {
            return input;
          }
          CourseNote course = CourseNote.read(folder);
          return CourseNotes.solved(
              input, course.solved(), folder.resolve(CourseNote.DESCRIPTION).toString());
        };
    return HeadlessRun.run(notes, out, properties, reader, spec.commandLine().getOut());
  }

  /**
   * Where a note found below a folder goes: the same sub-folders, named as {@link
   * NoteRunner#outputName}.
   */
  private static Path output(Path folder, Path file) {
    Path relative = folder.relativize(file);
    // A 0.8-style note.json lives in a folder named by its note id: that folder becomes the name.
    return file.getFileName().toString().equals("note.json") && relative.getParent() != null
        ? relative.getParent()
        : relative.resolveSibling(NoteRunner.outputName(file));
  }

  /** The notes the arguments name; a folder gives every note below it, sorted by path. */
  static List<NoteFile> find(List<Path> paths) {
    List<NoteFile> notes = new ArrayList<>();
    for (Path path : paths) {
      if (Files.isDirectory(path)) {
        NoteFiles.find(path).forEach(file -> notes.add(new NoteFile(file, output(path, file))));
      } else if (NoteFiles.isNote(path)) {
        notes.add(new NoteFile(path, Path.of(NoteRunner.outputName(path))));
      } else {
        throw new IllegalArgumentException(
            path
                + ": "
                + (Files.exists(path)
                    ? "not a Zeppelin note (a .zpln file, a note.json, or a folder of them)"
                    : "no such file or folder"));
      }
    }
    if (notes.isEmpty()) {
      throw new IllegalArgumentException("no notes (.zpln or note.json) in " + paths);
    }
    return notes;
  }
}
