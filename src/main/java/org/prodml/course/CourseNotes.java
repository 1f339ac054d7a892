package org.prodml.course;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.prodml.data.DataInputException;

/**
 * The course's notes as files: Zeppelin JSON ({@code .zpln}, or a 0.8 {@code note.json}) read with
 * plain Jackson, their solutions, and the exercise verdicts their saved outputs hold. A check
 * paragraph's output starts with {@code exercise <id>: PASS|FAIL (attempt n)}.
 */
public final class CourseNotes {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Pattern VERDICT = Pattern.compile("exercise (\\S+): (PASS|FAIL) \\(attempt (\\d+)\\)");

  private CourseNotes() {}

  /** A note file's id and name. */
  public record Note(Path file, String id, String name) {}

  /** An exercise verdict a note's saved output shows. */
  public record Verdict(String exercise, boolean passed, int attempt, String paragraphId) {}

  public static boolean isNote(Path file) {
    String name = file.getFileName().toString();
    return Files.isRegularFile(file) && (name.endsWith(".zpln") || name.equals("note.json"));
  }

  /** Every note below a folder (solutions excluded), sorted by path. */
  public static List<Note> find(Path folder) {
    List<Note> notes = new ArrayList<>();
    if (!Files.isDirectory(folder)) {
      return notes;
    }
    try (Stream<Path> walk = Files.walk(folder)) {
      walk.filter(CourseNotes::isNote).sorted().forEach(file -> {
        ObjectNode note = read(file);
        notes.add(new Note(file, note.path("id").asText(""), note.path("name").asText(file.getFileName().toString())));
      });
    } catch (IOException e) {
      throw new DataInputException(folder.toString(), "cannot read: " + e.getMessage());
    }
    return notes;
  }

  public static ObjectNode read(Path file) {
    try {
      JsonNode node = JSON.readTree(file.toFile());
      if (!(node instanceof ObjectNode note) || !note.path("paragraphs").isArray()) {
        throw new DataInputException(file.toString(), "not a Zeppelin note (no \"paragraphs\" list)");
      }
      return note;
    } catch (IOException e) {
      throw new DataInputException(file.toString(), "not a Zeppelin note: " + e.getMessage().lines().findFirst().orElse(""));
    }
  }

  /** The exercise verdicts in a note's saved paragraph results, in paragraph order. */
  public static List<Verdict> verdicts(ObjectNode note) {
    List<Verdict> verdicts = new ArrayList<>();
    for (JsonNode paragraph : note.path("paragraphs")) {
      for (JsonNode msg : paragraph.path("results").path("msg")) {
        Matcher m = VERDICT.matcher(msg.path("data").asText(""));
        if (m.find()) {
          verdicts.add(new Verdict(m.group(1), m.group(2).equals("PASS"), Integer.parseInt(m.group(3)),
              paragraph.path("id").asText("")));
          break;
        }
      }
    }
    return verdicts;
  }

  /**
   * The solution of a note: {@code <solutions>/<note id>.json} holding
   * {@code {"note": id, "paragraphs": {paragraph id: text}}}, or empty when it has none.
   */
  public static Optional<Map<String, String>> solution(Path solutions, String noteId) {
    Path file = solutions.resolve(noteId + ".json");
    if (!Files.isRegularFile(file)) {
      return Optional.empty();
    }
    try {
      JsonNode node = JSON.readTree(file.toFile());
      if (!noteId.equals(node.path("note").asText())) {
        throw new DataInputException(file.toString(), "\"note\" must be " + noteId);
      }
      Map<String, String> texts = new LinkedHashMap<>();
      node.path("paragraphs").fields().forEachRemaining(e -> texts.put(e.getKey(), e.getValue().asText()));
      return Optional.of(texts);
    } catch (IOException e) {
      throw new DataInputException(file.toString(), "not a valid solution: " + e.getMessage().lines().findFirst().orElse(""));
    }
  }

  /**
   * The note with the solution's paragraph texts in place of the learner's (a copy; the note is
   * untouched). A solution naming a paragraph the note lacks is an error, so solutions cannot rot.
   */
  public static ObjectNode solved(ObjectNode note, Map<String, String> solution, String origin) {
    ObjectNode copy = note.deepCopy();
    Map<String, String> left = new LinkedHashMap<>(solution);
    for (JsonNode paragraph : copy.path("paragraphs")) {
      String id = paragraph.path("id").asText("");
      if (left.containsKey(id)) {
        ((ObjectNode) paragraph).put("text", left.remove(id));
      }
    }
    if (!left.isEmpty()) {
      throw new DataInputException(origin, "the solution names paragraphs the note does not have: " + left.keySet());
    }
    return copy;
  }
}
