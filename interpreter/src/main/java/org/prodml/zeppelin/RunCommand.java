package org.prodml.zeppelin;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.function.Function;
import org.prodml.course.Course;
import org.prodml.course.CourseNote;
import org.prodml.course.CourseNotes;
import org.prodml.course.Workspace;
import org.prodml.data.DataInputException;
import org.prodml.note.NoteFiles;
import org.prodml.note.NoteText;
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
      "Runs Zeppelin notes headless, paragraph by paragraph, through the prodml interpreters.",
      "A note is a .zpln file, a note.json, a note's plain text (.txt, as ./prodml course start writes"
          + " it), or a folder of them. Paragraphs run in order, one pipeline per note; %%md is"
          + " rendered and other interpreters' paragraphs are kept as they are.",
      "Writes each note as a copy with its results (<out>/<name>.zpln, importable into Zeppelin) and as a"
          + " self-contained page (<out>/<name>.html). The course's own notes are never changed.",
      "In a learner's workspace (./prodml course start), a note's .txt and .zpln are first brought"
          + " into line (the one changed last wins), exercise checks count attempts in the"
          + " workspace's progress.json, and the pages go to the workspace's out/ folder.",
      "A paragraph whose config has \"expectError\": true must fail; any other failure stops its note.",
      "Exit status: 0 every paragraph as expected, 1 a paragraph failed, 2 a usage or input error."
    })
public final class RunCommand implements Callable<Integer> {
  static final int FAILED = 1;

  @Parameters(
      arity = "1..*",
      paramLabel = "PATH",
      description =
          "a note file or note text, or a folder: every note below it runs, in name order")
  List<Path> paths = new ArrayList<>();

  @Option(
      names = "--out",
      paramLabel = "DIR",
      description =
          "where the copies and pages go (default: out/ of the workspace, else out/notebooks)")
  Path out;

  @Option(
      names = "--workspace",
      paramLabel = "DIR",
      description =
          "the learner's workspace whose progress checks count in (default: the workspace the notes"
              + " lie in, if any; outside a workspace attempts are counted for this run only)")
  Path workspace;

  @Option(
      names = {"-P", "--property"},
      paramLabel = "KEY=VALUE",
      description = "an interpreter setting property, e.g. -P prodml.maxRows=100")
  Map<String, String> properties = new LinkedHashMap<>();

  @Option(
      names = "--solved",
      description =
          "run each course note with its exercises' solved paragraphs in place (from its note.yaml)")
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
    Optional<Workspace> learner = workspace();
    Map<String, String> settings = new LinkedHashMap<>(properties);
    learner.ifPresent(w -> settings.putIfAbsent(ProdmlSettings.WORKSPACE, w.dir().toString()));
    Path outDir =
        out != null ? out : learner.map(Workspace::outputs).orElse(Path.of("out", "notebooks"));
    List<NoteFile> notes = find(paths, learner.map(Workspace::dir).orElse(null));
    Course course = solved ? course(settings) : null;
    Function<NoteFile, ObjectNode> reader =
        note -> {
          ObjectNode input = read(note.file(), learner);
          if (!solved) {
            return input;
          }
          String id = input.path("id").asText("");
          CourseNote courseNote = course.note(id).orElse(null);
          if (courseNote == null) {
            return input;
          }
          return CourseNotes.replaced(
              input,
              courseNote.solved(),
              courseNote.folder().resolve(CourseNote.DESCRIPTION).toString());
        };
    return HeadlessRun.run(notes, outDir, settings, reader, spec.commandLine().getOut());
  }

  /** The workspace asked for, else the one the notes lie in (all in the same one). */
  private Optional<Workspace> workspace() {
    if (workspace != null) {
      return Optional.of(Workspace.open(workspace));
    }
    Set<Path> found = new LinkedHashSet<>();
    for (Path p : paths) {
      Workspace.find(p).ifPresent(w -> found.add(w.dir()));
    }
    if (found.size() > 1) {
      throw new IllegalArgumentException(
          "the notes lie in " + found.size() + " workspaces " + found + "; run each one apart");
    }
    return found.stream().findFirst().map(Workspace::open);
  }

  /** The course whose solved paragraphs --solved puts in place: the interpreter's setting's. */
  private static Course course(Map<String, String> settings) {
    java.util.Properties p = new java.util.Properties();
    p.putAll(settings);
    return Course.read(ProdmlSettings.config(p).course());
  }

  /**
   * A note as it runs: a .zpln or note.json as it is; a note's text put into the .zpln beside it.
   * In a workspace the two files are brought into line on disk (the one changed last wins);
   * elsewhere nothing is written.
   */
  static ObjectNode read(Path file, Optional<Workspace> learner) {
    boolean text = file.getFileName().toString().endsWith(NoteText.EXTENSION);
    Path zpln = text ? NoteText.noteBeside(file) : file;
    Path txt = text ? file : NoteText.besideNote(file);
    boolean inWorkspace =
        learner.isPresent()
            && file.toAbsolutePath().normalize().startsWith(learner.get().dir())
            && !learner.get().isOutput(file);
    if (inWorkspace && zpln.getFileName().toString().endsWith(".zpln")) {
      return NoteText.sync(zpln, txt);
    }
    if (!text) {
      return NoteRunner.read(file);
    }
    NoteText.Parsed parsed = NoteText.read(file);
    if (Files.isRegularFile(zpln)) {
      return NoteText.apply(NoteRunner.read(zpln), parsed);
    }
    String base = NoteRunner.outputName(file);
    return NoteText.toNote(parsed, base.replaceAll("[^A-Za-z0-9]", ""), base);
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

  /**
   * The notes the arguments name; a folder gives every note below it, sorted by path (a note and
   * its text beside it are one note). In a workspace, outputs keep the notes' sub-folders below it.
   */
  static List<NoteFile> find(List<Path> paths, Path workspace) {
    List<NoteFile> notes = new ArrayList<>();
    for (Path path : paths) {
      Path base =
          workspace != null && path.toAbsolutePath().normalize().startsWith(workspace)
              ? workspace
              : null;
      if (Files.isDirectory(path)) {
        Path folder = base != null ? base : path.toAbsolutePath().normalize();
        for (Path file : notesBelow(path, workspace)) {
          notes.add(new NoteFile(file, output(folder, file.toAbsolutePath().normalize())));
        }
      } else if (NoteFiles.isNote(path)
          || path.getFileName().toString().endsWith(NoteText.EXTENSION)
              && Files.isRegularFile(path)) {
        Path file = path.toAbsolutePath().normalize();
        notes.add(
            new NoteFile(
                path, base != null ? output(base, file) : Path.of(NoteRunner.outputName(path))));
      } else {
        throw new IllegalArgumentException(
            path
                + ": "
                + (Files.exists(path)
                    ? "not a Zeppelin note (a .zpln file, a note.json, a note's .txt, or a folder of them)"
                    : "no such file or folder"));
      }
    }
    if (notes.isEmpty()) {
      throw new IllegalArgumentException("no notes (.zpln, note.json or note text) in " + paths);
    }
    return notes;
  }

  /** The notes below a folder: Zeppelin notes, and notes' texts that have no .zpln beside them. */
  private static List<Path> notesBelow(Path folder, Path workspace) {
    List<Path> found = new ArrayList<>();
    for (Path zpln : NoteFiles.find(folder)) {
      if (workspace == null
          || !zpln.toAbsolutePath().normalize().startsWith(workspace.resolve(Workspace.OUTPUTS))) {
        found.add(zpln);
      }
    }
    try (var walk = Files.walk(folder)) {
      walk.filter(NoteText::isNoteText)
          .filter(t -> !Files.isRegularFile(NoteText.noteBeside(t)))
          .filter(
              t ->
                  workspace == null
                      || !t.toAbsolutePath()
                          .normalize()
                          .startsWith(workspace.resolve(Workspace.OUTPUTS)))
          .forEach(found::add);
    } catch (java.io.IOException e) {
      throw new DataInputException(folder.toString(), "cannot read: " + e.getMessage());
    }
    found.sort(null);
    return found;
  }
}
