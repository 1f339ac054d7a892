package org.prodml.course;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.prodml.data.DataInputException;
import org.prodml.note.NoteFiles;

/**
 * One note of the course: a folder of {@code notebooks/} holding the note ({@code .zpln}) and its
 * {@code note.yaml} (id, learning objective, course section, exercises). Whatever data the note
 * alone needs lives in the folder too; its graders live in {@code rules/exercises/<id>/}.
 *
 * @param name the note's name, as Zeppelin shows it
 */
public record CourseNote(
    Path folder,
    Path file,
    String id,
    String name,
    String objective,
    String section,
    List<Exercise> exercises,
    List<Paragraph> paragraphs,
    List<Figure> figures) {

  /** The description every course note has beside its note. */
  public static final String DESCRIPTION = "note.yaml";

  private static final ObjectMapper YAML =
      new ObjectMapper(new YAMLFactory())
          .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, true);

  public CourseNote {
    exercises = List.copyOf(exercises);
    paragraphs = List.copyOf(paragraphs);
    figures = List.copyOf(figures);
  }

  /**
   * A figure the note's text quotes from its own run: the Markdown paragraph says {@code says}, and
   * the output of paragraph {@code from} must match the regular expression {@code shows} (a test
   * runs the note and checks), so the text cannot drift from what the pipeline measures.
   */
  @com.fasterxml.jackson.annotation.JsonIgnoreProperties(ignoreUnknown = false)
  public record Figure(String paragraph, String says, String from, String shows) {}

  /**
   * A paragraph of the note as shipped: its id, title, and what it runs as ({@code split} for
   * {@code %prodml.split(…)}, {@code rules}, {@code md}; the interpreter name after the group).
   */
  public record Paragraph(String id, String title, String stage, String text) {}

  /** What a paragraph text runs as: the interpreter name of its first line, after the group. */
  public static String stageOf(String text) {
    java.util.regex.Matcher m =
        java.util.regex.Pattern.compile("^\\s*%(?:\\w+\\.)?(\\w+)").matcher(text);
    return m.find() ? m.group(1) : "";
  }

  private record Description(
      String id,
      String objective,
      String section,
      List<Figure> figures,
      List<Exercise> exercises) {}

  /** Whether the folder holds a course note (a note and its note.yaml). */
  public static boolean isCourseNote(Path folder) {
    return Files.isRegularFile(folder.resolve(DESCRIPTION));
  }

  /**
   * Reads the note of a folder and its description.
   *
   * @throws DataInputException naming the file and what is wrong, in one line
   */
  public static CourseNote read(Path folder) {
    Path yaml = folder.resolve(DESCRIPTION);
    Path file = note(folder);
    var json = NoteFiles.read(file);
    String noteId = json.path("id").asText("");
    Description d;
    try {
      d = YAML.readValue(yaml.toFile(), Description.class);
    } catch (IOException e) {
      throw new DataInputException(
          yaml.toString(),
          "not a valid note description: " + e.getMessage().lines().findFirst().orElse(""));
    }
    if (d == null || d.id() == null || !d.id().equals(noteId)) {
      throw new DataInputException(yaml.toString(), "id must be the note's id, " + noteId);
    }
    List<Exercise> exercises = new ArrayList<>();
    Map<String, String> paragraphs = new LinkedHashMap<>();
    List<Paragraph> shipped = new ArrayList<>();
    json.path("paragraphs")
        .forEach(
            p -> {
              String text = p.path("text").asText("");
              paragraphs.put(p.path("id").asText(""), text);
              shipped.add(
                  new Paragraph(
                      p.path("id").asText(""), p.path("title").asText(""), stageOf(text), text));
            });
    for (Exercise e : d.exercises() == null ? List.<Exercise>of() : d.exercises()) {
      check(yaml, e, paragraphs);
      exercises.add(e.ofNote(noteId));
    }
    return new CourseNote(
        folder,
        file,
        noteId,
        json.path("name").asText(folder.getFileName().toString()),
        d.objective(),
        d.section(),
        exercises,
        shipped,
        figures(yaml, d, paragraphs));
  }

  private static List<Figure> figures(Path yaml, Description d, Map<String, String> paragraphs) {
    List<Figure> figures = d.figures() == null ? List.of() : d.figures();
    for (Figure f : figures) {
      for (String id : new String[] {f.paragraph(), f.from()}) {
        if (id == null || !paragraphs.containsKey(id)) {
          throw new DataInputException(
              yaml.toString(),
              "figure '" + f.says() + "' names paragraph " + id + ", which the note does not have");
        }
      }
      if (!paragraphs.get(f.paragraph()).contains(f.says())) {
        throw new DataInputException(
            yaml.toString(),
            "figure '" + f.says() + "' is not in the text of paragraph " + f.paragraph());
      }
    }
    return figures;
  }

  /** The folder's note: its one .zpln (or note.json) file. */
  static Path note(Path folder) {
    List<Path> notes =
        NoteFiles.find(folder).stream().filter(p -> folder.equals(p.getParent())).toList();
    if (notes.size() != 1) {
      throw new DataInputException(
          folder.toString(), "a course note folder holds one note (.zpln), not " + notes.size());
    }
    return notes.get(0);
  }

  private static void check(Path yaml, Exercise e, Map<String, String> paragraphs) {
    String where = "exercise '" + e.id() + "': ";
    if (e.id() == null || e.id().isBlank()) {
      throw new DataInputException(yaml.toString(), "an exercise has no id");
    }
    if (e.title() == null || e.task() == null) {
      throw new DataInputException(yaml.toString(), where + "needs a title and a task");
    }
    if (!Exercise.KINDS.contains(e.kind())) {
      throw new DataInputException(
          yaml.toString(),
          where + "kind must be one of " + Exercise.KINDS + ", not '" + e.kind() + "'");
    }
    if (e.verifies() == null || e.verifies().isBlank()) {
      throw new DataInputException(
          yaml.toString(), where + "needs verifies: what its check verifies, for the learner");
    }
    if (e.hints().isEmpty()) {
      throw new DataInputException(yaml.toString(), where + "needs at least one hint");
    }
    if (e.hints().stream().anyMatch(h -> h.text() == null || h.text().isBlank())) {
      throw new DataInputException(yaml.toString(), where + "a hint has no text");
    }
    if (!e.hints().get(e.hints().size() - 1).when().isEmpty()) {
      throw new DataInputException(
          yaml.toString(),
          where + "the last hint helps with any failure (no when:): it points back to the note");
    }
    if (e.kind().equals("choice")
        && (e.choice() == null
            || e.choice().options() == null
            || !e.choice().options().contains(e.choice().answer()))) {
      throw new DataInputException(
          yaml.toString(), where + "a choice needs options and an answer among them");
    }
    if (e.kind().equals("write-rule")
        && (e.ruleData() == null
            || e.ruleData().reference() == null
            || e.ruleData().clean() == null
            || e.ruleData().damaged() == null
            || e.ruleData().subject() == null
            || e.ruleData().flaw() == null)) {
      throw new DataInputException(
          yaml.toString(),
          where + "a write-rule exercise needs ruleData: reference, clean, damaged, subject, flaw");
    }
    if (e.solved().isEmpty()) {
      throw new DataInputException(
          yaml.toString(), where + "needs the solved paragraph texts (solved: paragraph id: text)");
    }
    for (String paragraph : e.solved().keySet()) {
      if (!paragraphs.containsKey(paragraph)) {
        throw new DataInputException(
            yaml.toString(),
            where + "solves paragraph " + paragraph + ", which the note does not have");
      }
    }
    List<Exercise.TriedAnswer> tried = new ArrayList<>(e.wrong());
    tried.addAll(e.alternatives());
    for (Exercise.TriedAnswer answer : tried) {
      if (answer.tried() == null || answer.paragraphs().isEmpty()) {
        throw new DataInputException(
            yaml.toString(),
            where + "each wrong answer and alternative needs tried: and paragraphs:");
      }
      for (String paragraph : answer.paragraphs().keySet()) {
        if (!paragraphs.containsKey(paragraph)) {
          throw new DataInputException(
              yaml.toString(),
              where
                  + "'"
                  + answer.tried()
                  + "' changes paragraph "
                  + paragraph
                  + ", which the note does not have");
        }
      }
    }
    for (Exercise.TriedAnswer answer : e.wrong()) {
      if (answer.fails() == null || answer.fails().isBlank()) {
        throw new DataInputException(
            yaml.toString(),
            where
                + "wrong answer '"
                + answer.tried()
                + "' needs fails: the failure it must report");
      }
    }
  }

  /** The exercise of this note with that id. */
  public Optional<Exercise> exercise(String exerciseId) {
    return exercises.stream().filter(e -> e.id().equals(exerciseId)).findFirst();
  }

  /** Every solved paragraph text of the note's exercises: paragraph id → text. */
  public Map<String, String> solved() {
    Map<String, String> all = new LinkedHashMap<>();
    exercises.forEach(e -> all.putAll(e.solved()));
    return all;
  }
}
