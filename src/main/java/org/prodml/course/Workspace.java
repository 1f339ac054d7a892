package org.prodml.course;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.prodml.data.DataInputException;
import org.prodml.io.AtomicFiles;
import org.prodml.note.NoteFiles;
import org.prodml.note.NoteText;

/**
 * A learner's workspace: a folder the learner owns, outside the course's checkout, holding a copy
 * of each course note twice over (the Zeppelin note, {@code .zpln}, and the same note as plain
 * text, {@code .txt}, for any text editor), the learner's progress ({@value #PROGRESS}), the pages
 * of their runs ({@value #OUTPUTS}/) and a README on how to work there. {@code ./prodml course
 * start [DIR]} makes one ({@link #DEFAULT_FOLDER} in the home folder when no folder is given);
 * {@code ./prodml run} on a note inside it, Zeppelin with the interpreter property {@code
 * prodml.workspace}, and {@code ./prodml course} all count the learner's attempts in its progress
 * file. The course's own notes are never written to.
 */
public final class Workspace {
  /** The file that marks a folder as a workspace: who works here, on which course. */
  public static final String SETTINGS = "workspace.yaml";

  /** The learner's progress, one small JSON file. */
  public static final String PROGRESS = "progress.json";

  /** How to do the exercises in this folder. */
  public static final String README = "README.md";

  /** Where runs of the workspace's notes write their copies and pages. */
  public static final String OUTPUTS = "out";

  /** The workspace's folder name in the learner's home folder when none is given. */
  public static final String DEFAULT_FOLDER = "prodml-course";

  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

  private final Path dir;
  private final Settings settings;

  private Workspace(Path dir, Settings settings) {
    this.dir = dir;
    this.settings = settings;
  }

  /**
   * What {@value #SETTINGS} holds.
   *
   * @param course the course folder the notes were copied from, whose exercises grade them
   */
  @JsonIgnoreProperties(ignoreUnknown = true)
  record Settings(String learner, String course, String started) {}

  /** The default workspace: {@value #DEFAULT_FOLDER} in the learner's home folder. */
  public static Path defaultFolder() {
    return Path.of(System.getProperty("user.home", ".")).resolve(DEFAULT_FOLDER);
  }

  /** Whether the folder is a workspace (it holds {@value #SETTINGS}). */
  public static boolean isWorkspace(Path dir) {
    return Files.isRegularFile(dir.resolve(SETTINGS));
  }

  /**
   * The workspace in that folder.
   *
   * @throws DataInputException when the folder is not a workspace
   */
  public static Workspace open(Path dir) {
    Path folder = dir.toAbsolutePath().normalize();
    Path file = folder.resolve(SETTINGS);
    if (!Files.isRegularFile(file)) {
      throw new DataInputException(
          folder.toString(), "not a course workspace (no " + SETTINGS + "): ./prodml course start");
    }
    try {
      Settings settings = YAML.readValue(file.toFile(), Settings.class);
      return new Workspace(folder, settings == null ? new Settings("", "", "") : settings);
    } catch (IOException e) {
      throw new DataInputException(
          file.toString(),
          "not a workspace file: " + e.getMessage().lines().findFirst().orElse(""));
    }
  }

  /** The workspace a file or folder lies in, looking up from it. */
  public static Optional<Workspace> find(Path inside) {
    Path p = inside.toAbsolutePath().normalize();
    if (!Files.isDirectory(p)) {
      p = p.getParent();
    }
    for (; p != null; p = p.getParent()) {
      if (isWorkspace(p)) {
        return Optional.of(open(p));
      }
    }
    return Optional.empty();
  }

  /** What starting a workspace did: the notes it copied and the learner's notes it kept. */
  public record Started(Workspace workspace, List<Path> copied, List<Path> kept) {}

  /**
   * Makes (or completes) a workspace: copies each note of the course that it does not have yet,
   * with its plain text beside it, and writes the settings, the README and an empty progress file.
   * A note the learner already has is kept as it is, so starting again never loses work.
   *
   * @param command how the learner runs ProdML Lab, for the README (e.g. /home/ana/prodml/prodml)
   * @throws DataInputException when the folder lies inside the course's own checkout
   */
  public static Started start(Path dir, Course course, String learner, String command) {
    Path folder = dir.toAbsolutePath().normalize();
    Path checkout = course.folder().toAbsolutePath().normalize().getParent();
    if (checkout != null && folder.startsWith(checkout)) {
      throw new DataInputException(
          folder.toString(),
          "a workspace lives outside the course's checkout ("
              + checkout
              + "), so that your work never mixes with the course; choose another folder");
    }
    List<Path> copied = new ArrayList<>();
    List<Path> kept = new ArrayList<>();
    for (CourseNote note : course.notes()) {
      Path target =
          folder
              .resolve(note.folder().getFileName().toString())
              .resolve(note.file().getFileName().toString());
      Path text = NoteText.besideNote(target);
      if (Files.isRegularFile(target)) {
        kept.add(target);
        if (!Files.isRegularFile(text)) {
          AtomicFiles.write(text, NoteText.write(NoteFiles.read(target)));
        }
        continue;
      }
      ObjectNode shipped = NoteFiles.read(note.file());
      AtomicFiles.write(target, NoteFiles.write(shipped));
      AtomicFiles.write(text, NoteText.write(shipped));
      copied.add(target);
    }
    Path settingsFile = folder.resolve(SETTINGS);
    Settings settings =
        isWorkspace(folder)
            ? open(folder).settings
            : new Settings(
                learner,
                course.folder().toAbsolutePath().normalize().toString(),
                LocalDate.now().toString());
    try {
      AtomicFiles.write(
          settingsFile,
          "# A ProdML Lab workspace: your copy of the course (see README.md).\n"
              + YAML.writeValueAsString(settings).replaceFirst("^---\\s*\n", ""));
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    Workspace workspace = new Workspace(folder, settings);
    workspace.progress().create(settings.learner());
    AtomicFiles.write(folder.resolve(README), WorkspaceReadme.text(workspace, course, command));
    return new Started(workspace, copied, kept);
  }

  public Path dir() {
    return dir;
  }

  /** Who works here. */
  public String learner() {
    return settings.learner() == null ? "" : settings.learner();
  }

  /** The course folder the notes were copied from; empty when the settings do not say. */
  public Optional<Path> course() {
    return settings.course() == null || settings.course().isBlank()
        ? Optional.empty()
        : Optional.of(Path.of(settings.course()));
  }

  /** Where runs of the workspace's notes write their copies and pages. */
  public Path outputs() {
    return dir.resolve(OUTPUTS);
  }

  /** The learner's progress, kept in {@value #PROGRESS}. */
  public ExerciseProgress progress() {
    return ExerciseProgress.file(dir.resolve(PROGRESS));
  }

  /** The workspace's copy of a course note (it may be missing: the learner may delete it). */
  public Path noteFile(CourseNote note) {
    return dir.resolve(note.folder().getFileName().toString())
        .resolve(note.file().getFileName().toString());
  }

  /** Whether a path lies inside the workspace's outputs (run copies, not the learner's notes). */
  public boolean isOutput(Path file) {
    return file.toAbsolutePath().normalize().startsWith(outputs());
  }

  /**
   * Puts the paragraphs an exercise asks the learner to change back as the course ships them, in
   * the workspace's note and its text; returns the note's file.
   *
   * @throws DataInputException when the workspace has no copy of the exercise's note
   */
  public Path restore(Exercise exercise, Course course) {
    CourseNote note =
        course
            .note(exercise.note())
            .orElseThrow(
                () ->
                    new DataInputException(
                        course.folder().toString(), "no note " + exercise.note()));
    Path file = noteFile(note);
    if (!Files.isRegularFile(file)) {
      throw new DataInputException(
          file.toString(), "this workspace has no copy of the note: ./prodml course start");
    }
    Path text = NoteText.besideNote(file);
    ObjectNode current =
        Files.isRegularFile(text) ? NoteText.sync(file, text) : NoteFiles.read(file);
    Map<String, String> shipped = new java.util.LinkedHashMap<>();
    for (CourseNote.Paragraph p : note.paragraphs()) {
      if (exercise.solved().containsKey(p.id())) {
        shipped.put(p.id(), p.text());
      }
    }
    ObjectNode restored = CourseNotes.replaced(current, shipped, file.toString());
    AtomicFiles.write(file, NoteFiles.write(restored));
    AtomicFiles.write(text, NoteText.write(restored));
    return file;
  }
}
