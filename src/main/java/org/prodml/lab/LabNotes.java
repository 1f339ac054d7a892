package org.prodml.lab;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.prodml.course.Course;
import org.prodml.course.CourseNote;
import org.prodml.course.Workspace;
import org.prodml.io.AtomicFiles;
import org.prodml.note.NoteFiles;
import org.prodml.note.NoteText;

/**
 * The notes of a learner's workspace as the lab shows them: the course's notes in course order,
 * then the other shipped notes (the demo) and the learner's own, each a {@code .zpln} with its
 * plain text beside it. Every write goes to the workspace, atomically, to both files; the course's
 * own notes are only ever read (to restore one).
 */
public final class LabNotes {
  /** Where notes the learner creates in the lab go, inside the workspace. */
  public static final String OWN_NOTES = "My notes";

  private static final Pattern NOTE_NAME = Pattern.compile("[\\p{L}\\p{N} _.,()'-]{1,60}");
  private static final SecureRandom RANDOM = new SecureRandom();

  private final Workspace workspace;
  private final Course course;
  private final Path notebooks;

  /**
   * A note of the workspace.
   *
   * @param course the course note it is a copy of; empty for the demo and the learner's notes
   * @param original the shipped note it restores to; empty for a note the learner made
   */
  public record Entry(
      String id, String name, Path file, Optional<CourseNote> course, Optional<Path> original) {}

  /**
   * The workspace's notes. Shipped notes that are not course notes (the demo) are copied into the
   * workspace the first time, as {@link Workspace#start} copies the course's.
   */
  public LabNotes(Workspace workspace, Course course) {
    this.workspace = workspace;
    this.course = course;
    this.notebooks = course.folder().toAbsolutePath().normalize();
    for (Path shipped : otherShippedNotes()) {
      Path copy = workspace.dir().resolve(notebooks.relativize(shipped));
      if (!Files.isRegularFile(copy)) {
        ObjectNode note = NoteFiles.read(shipped);
        AtomicFiles.write(copy, NoteFiles.write(note));
        AtomicFiles.write(NoteText.besideNote(copy), NoteText.write(note));
      }
    }
  }

  public Workspace workspace() {
    return workspace;
  }

  public Course course() {
    return course;
  }

  /** The course's notes in order, then the others by path. */
  public synchronized List<Entry> list() {
    Map<String, Entry> byId = new LinkedHashMap<>();
    for (CourseNote note : course.notes()) {
      Path file = workspace.noteFile(note);
      if (Files.isRegularFile(file)) {
        byId.put(
            note.id(),
            new Entry(note.id(), note.name(), file, Optional.of(note), Optional.of(note.file())));
      }
    }
    for (Path file : NoteFiles.find(workspace.dir())) {
      Path absolute = file.toAbsolutePath().normalize();
      if (workspace.isOutput(absolute)) {
        continue;
      }
      JsonNode note = NoteFiles.read(absolute);
      String id = note.path("id").asText("");
      if (id.isEmpty() || byId.containsKey(id)) {
        continue;
      }
      Path shipped = notebooks.resolve(workspace.dir().relativize(absolute));
      byId.put(
          id,
          new Entry(
              id,
              note.path("name").asText(id),
              absolute,
              Optional.empty(),
              Files.isRegularFile(shipped) ? Optional.of(shipped) : Optional.empty()));
    }
    return List.copyOf(byId.values());
  }

  /** The note with that id, or a 404 naming it. */
  public Entry require(String id) {
    return list().stream()
        .filter(e -> e.id().equals(id))
        .findFirst()
        .orElseThrow(
            () -> LabException.notFound("no note " + id + " in the workspace " + workspace.dir()));
  }

  /** The note as it stands, its text and its .zpln brought into line first. */
  public synchronized ObjectNode read(Entry entry) {
    return NoteText.sync(entry.file(), NoteText.besideNote(entry.file()));
  }

  /** Saves a paragraph's text into the workspace's note and its plain text, atomically. */
  public synchronized void save(Entry entry, String paragraphId, String text) {
    ObjectNode note = read(entry);
    ObjectNode paragraph = paragraph(note, paragraphId);
    if (paragraph.path("text").asText("").equals(text)) {
      return;
    }
    paragraph.put("text", text);
    paragraph.remove("results");
    paragraph.put("status", "READY");
    write(entry.file(), note);
  }

  /** Adds an empty paragraph after another (at the end when {@code after} is empty). */
  public synchronized String addParagraph(Entry entry, String after) {
    ObjectNode note = read(entry);
    var paragraphs = (com.fasterxml.jackson.databind.node.ArrayNode) note.withArray("paragraphs");
    int at = paragraphs.size();
    if (after != null && !after.isEmpty()) {
      at = index(note, after) + 1;
    }
    String id = "paragraph_" + System.currentTimeMillis() + "_" + RANDOM.nextInt(1_000_000);
    ObjectNode paragraph = paragraphs.insertObject(at);
    paragraph.put("id", id);
    paragraph.put("text", "%prodml\n");
    paragraph.put("status", "READY");
    paragraph.putObject("config").put("enabled", true);
    paragraph.putObject("settings").putObject("params");
    write(entry.file(), note);
    return id;
  }

  /** Puts the shipped note back in place of the workspace's copy. */
  public synchronized void restore(Entry entry) {
    Path original =
        entry
            .original()
            .orElseThrow(
                () ->
                    LabException.badRequest(
                        entry.name() + " is your own note: there is no original to restore"));
    write(entry.file(), NoteFiles.read(original));
  }

  /** Makes a new note of the learner's, in {@value #OWN_NOTES}/ of the workspace. */
  public synchronized Entry create(String name) {
    String clean = name == null ? "" : name.strip();
    if (!NOTE_NAME.matcher(clean).matches()) {
      throw LabException.badRequest(
          "a note's name is 1 to 60 letters, digits, spaces and . , ( ) ' - _ (not '"
              + clean
              + "')");
    }
    String id = "LAB" + Long.toString(Math.abs(RANDOM.nextLong()), 36).toUpperCase();
    Path file = workspace.dir().resolve(OWN_NOTES).resolve(clean + "_" + id + ".zpln");
    ObjectNode note =
        NoteFiles.build(
            id,
            clean,
            List.of(
                new NoteFiles.Paragraph("", "%md\n# " + clean),
                new NoteFiles.Paragraph(
                    "Load a dataset", "%prodml.load(file=seattle-weather/data.csv)"),
                new NoteFiles.Paragraph("Profile it", "%prodml.profile")));
    write(file, note);
    return require(id);
  }

  /**
   * A path the learner names, resolved inside the workspace; anything outside it is refused (403),
   * however it is spelled.
   */
  public Path confined(String relative) {
    if (relative == null || relative.isBlank()) {
      throw LabException.badRequest("which file? give path=… relative to the workspace");
    }
    Path resolved;
    try {
      resolved = workspace.dir().resolve(relative).toAbsolutePath().normalize();
    } catch (java.nio.file.InvalidPathException e) {
      throw LabException.badRequest("not a path: " + relative);
    }
    if (!resolved.startsWith(workspace.dir())) {
      throw new LabException(403, relative + " is outside the workspace " + workspace.dir());
    }
    try {
      if (Files.exists(resolved)
          && !resolved.toRealPath().startsWith(workspace.dir().toRealPath())) {
        throw new LabException(403, relative + " leads outside the workspace " + workspace.dir());
      }
    } catch (java.io.IOException e) {
      throw LabException.notFound("cannot read " + relative + ": " + e.getMessage());
    }
    return resolved;
  }

  /** The paragraph with that id, or a 404. */
  static ObjectNode paragraph(ObjectNode note, String paragraphId) {
    return (ObjectNode) note.path("paragraphs").get(index(note, paragraphId));
  }

  private static int index(ObjectNode note, String paragraphId) {
    JsonNode paragraphs = note.path("paragraphs");
    for (int i = 0; i < paragraphs.size(); i++) {
      if (paragraphs.get(i).path("id").asText("").equals(paragraphId)) {
        return i;
      }
    }
    throw LabException.notFound(
        "the note " + note.path("id").asText("") + " has no paragraph " + paragraphId);
  }

  private static void write(Path file, ObjectNode note) {
    AtomicFiles.write(file, NoteFiles.write(note));
    AtomicFiles.write(NoteText.besideNote(file), NoteText.write(note));
  }

  /** The shipped notes outside the course's note folders: the demo. */
  private List<Path> otherShippedNotes() {
    List<Path> others = new ArrayList<>();
    if (!Files.isDirectory(notebooks)) {
      return others;
    }
    for (Path file : NoteFiles.find(notebooks)) {
      Path absolute = file.toAbsolutePath().normalize();
      boolean courseNote =
          course.notes().stream()
              .anyMatch(n -> n.file().toAbsolutePath().normalize().equals(absolute));
      if (!courseNote) {
        others.add(absolute);
      }
    }
    return others;
  }
}
