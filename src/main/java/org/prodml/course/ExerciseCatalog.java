package org.prodml.course;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.prodml.data.DataInputException;

/**
 * The course's exercises, read from the YAML files beside the exercise rules
 * ({@code rules/exercises/*.yaml}, one per note). Each problem is reported as one line naming the
 * file and the exercise.
 */
public final class ExerciseCatalog {
  public static final String FOLDER = "exercises";
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory())
      .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

  private final Map<String, Exercise> exercises;
  private final Path file;

  private ExerciseCatalog(Path file, Map<String, Exercise> exercises) {
    this.file = file;
    this.exercises = exercises;
  }

  /**
   * Reads the exercises of a folder (every {@code *.yaml} in it, in name order: one file per note
   * keeps notes apart) or of one file.
   */
  public static ExerciseCatalog read(Path folderOrFile) {
    List<Path> files = new ArrayList<>();
    if (Files.isDirectory(folderOrFile)) {
      try (var list = Files.list(folderOrFile)) {
        list.filter(p -> p.getFileName().toString().endsWith(".yaml")).sorted().forEach(files::add);
      } catch (IOException e) {
        throw new DataInputException(folderOrFile.toString(), "cannot read: " + e.getMessage());
      }
    } else if (Files.isRegularFile(folderOrFile)) {
      files.add(folderOrFile);
    } else {
      throw new DataInputException(folderOrFile.toString(), "no exercise catalog here");
    }
    Map<String, Exercise> byId = new LinkedHashMap<>();
    for (Path file : files) {
      readFile(file, byId);
    }
    return new ExerciseCatalog(folderOrFile, byId);
  }

  private static void readFile(Path yaml, Map<String, Exercise> byId) {
    Wrapper wrapper;
    try {
      wrapper = YAML.readValue(yaml.toFile(), Wrapper.class);
    } catch (IOException e) {
      throw new DataInputException(yaml.toString(), "not a valid exercise catalog: " + e.getMessage().lines().findFirst().orElse(""));
    }
    for (Exercise e : wrapper.exercises() == null ? List.<Exercise>of() : wrapper.exercises()) {
      String where = "exercise '" + e.id() + "': ";
      if (e.id() == null || e.id().isBlank()) {
        throw new DataInputException(yaml.toString(), "an exercise has no id");
      }
      if (byId.containsKey(e.id())) {
        throw new DataInputException(yaml.toString(), where + "the id is used twice (also in another exercise file)");
      }
      if (e.note() == null || e.title() == null || e.task() == null) {
        throw new DataInputException(yaml.toString(), where + "needs note, title and task");
      }
      if (!Exercise.KINDS.contains(e.kind())) {
        throw new DataInputException(yaml.toString(), where + "kind must be one of " + Exercise.KINDS + ", not '" + e.kind() + "'");
      }
      if (e.hints().isEmpty()) {
        throw new DataInputException(yaml.toString(), where + "needs at least one hint");
      }
      if (e.kind().equals("choice") && (e.choice() == null || e.choice().options() == null
          || !e.choice().options().contains(e.choice().answer()))) {
        throw new DataInputException(yaml.toString(), where + "a choice needs options and an answer among them");
      }
      if (e.kind().equals("write-rule") && (e.ruleData() == null || e.ruleData().reference() == null
          || e.ruleData().clean() == null || e.ruleData().damaged() == null)) {
        throw new DataInputException(yaml.toString(), where + "a write-rule exercise needs ruleData: reference, clean, damaged");
      }
      byId.put(e.id(), e);
    }
  }

  private record Wrapper(List<Exercise> exercises) {}

  public Optional<Exercise> find(String id) {
    return Optional.ofNullable(exercises.get(id));
  }

  /** The exercise, or an error listing the ids there are. */
  public Exercise require(String id) {
    Exercise e = exercises.get(id);
    if (e == null) {
      throw new IllegalArgumentException("no exercise '" + id + "'; the course has " + String.join(", ", exercises.keySet()));
    }
    return e;
  }

  public Collection<Exercise> all() {
    return exercises.values();
  }

  /** The exercises of one note, in catalog order. */
  public List<Exercise> ofNote(String note) {
    List<Exercise> list = new ArrayList<>();
    for (Exercise e : exercises.values()) {
      if (e.note().equals(note)) {
        list.add(e);
      }
    }
    return list;
  }

  public Path file() {
    return file;
  }
}
