package org.prodml.course;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.prodml.data.DataInputException;

/**
 * What the course reads from and writes into a note's JSON: the exercise verdicts its saved outputs
 * hold (a check paragraph's output starts with {@code exercise <id>: PASS|FAIL (attempt n)}), and
 * the note with its exercises' solved paragraphs in place.
 */
public final class CourseNotes {
  private static final Pattern VERDICT =
      Pattern.compile("exercise (\\S+): (PASS|FAIL) \\(attempt (\\d+)\\)");

  private CourseNotes() {}

  /** An exercise verdict a note's saved output shows. */
  public record Verdict(String exercise, boolean passed, int attempt, String paragraphId) {}

  /** The exercise verdicts in a note's saved paragraph results, in paragraph order. */
  public static List<Verdict> verdicts(ObjectNode note) {
    List<Verdict> verdicts = new ArrayList<>();
    for (JsonNode paragraph : note.path("paragraphs")) {
      for (JsonNode msg : paragraph.path("results").path("msg")) {
        Matcher m = VERDICT.matcher(msg.path("data").asText(""));
        if (m.find()) {
          verdicts.add(
              new Verdict(
                  m.group(1),
                  m.group(2).equals("PASS"),
                  Integer.parseInt(m.group(3)),
                  paragraph.path("id").asText("")));
          break;
        }
      }
    }
    return verdicts;
  }

  /**
   * The note with these paragraph texts in place (a copy; the note is untouched): a solution, an
   * answer a test tries, or the shipped texts an exercise reset puts back. A replaced paragraph
   * loses its saved results. Naming a paragraph the note lacks is an error, so answers cannot rot.
   */
  public static ObjectNode replaced(ObjectNode note, Map<String, String> texts, String origin) {
    ObjectNode copy = note.deepCopy();
    Map<String, String> left = new LinkedHashMap<>(texts);
    for (JsonNode paragraph : copy.path("paragraphs")) {
      String id = paragraph.path("id").asText("");
      if (left.containsKey(id)) {
        ObjectNode p = (ObjectNode) paragraph;
        p.put("text", left.remove(id));
        p.remove("results");
        p.put("status", "READY");
      }
    }
    if (!left.isEmpty()) {
      throw new DataInputException(
          origin, "names paragraphs the note does not have: " + left.keySet());
    }
    return copy;
  }
}
