package org.prodml.course;

import com.fasterxml.jackson.databind.JsonNode;
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
import java.util.stream.Stream;
import org.prodml.data.DataInputException;

/**
 * The course: its notes in order. {@code notebooks/course.yaml} only orders the note folders; every
 * folder with a {@code note.yaml} is a course note, and a folder it does not list comes after the
 * listed ones, in name order, so adding a note is adding its folder (and its graders' folder).
 */
public record Course(Path folder, List<CourseNote> notes) {
  public static final String ORDER = "course.yaml";

  public Course {
    notes = List.copyOf(notes);
  }

  /** Reads the course below a notebooks folder. */
  public static Course read(Path notebooks) {
    List<String> order = order(notebooks.resolve(ORDER));
    List<Path> folders = new ArrayList<>();
    if (Files.isDirectory(notebooks)) {
      try (Stream<Path> list = Files.list(notebooks)) {
        list.filter(Files::isDirectory)
            .filter(CourseNote::isCourseNote)
            .sorted()
            .forEach(folders::add);
      } catch (IOException e) {
        throw new DataInputException(notebooks.toString(), "cannot read: " + e.getMessage());
      }
    }
    for (String listed : order) {
      if (folders.stream().noneMatch(f -> f.getFileName().toString().equals(listed))) {
        throw new DataInputException(
            notebooks.resolve(ORDER).toString(),
            "lists '"
                + listed
                + "', which is not a note folder (a folder with a note and its "
                + CourseNote.DESCRIPTION
                + ")");
      }
    }
    folders.sort(
        (a, b) -> {
          int ia = order.indexOf(a.getFileName().toString());
          int ib = order.indexOf(b.getFileName().toString());
          return ia >= 0 && ib >= 0
              ? Integer.compare(ia, ib)
              : ia >= 0 ? -1 : ib >= 0 ? 1 : a.compareTo(b);
        });
    List<CourseNote> notes = new ArrayList<>();
    Map<String, Path> exerciseOwners = new LinkedHashMap<>();
    Map<String, Path> noteIds = new LinkedHashMap<>();
    for (Path f : folders) {
      CourseNote note = CourseNote.read(f);
      Path earlier = noteIds.putIfAbsent(note.id(), f);
      if (earlier != null) {
        throw new DataInputException(
            f.resolve(CourseNote.DESCRIPTION).toString(),
            "note id " + note.id() + " is also " + earlier);
      }
      for (Exercise e : note.exercises()) {
        Path owner = exerciseOwners.putIfAbsent(e.id(), f);
        if (owner != null) {
          throw new DataInputException(
              f.resolve(CourseNote.DESCRIPTION).toString(),
              "exercise '" + e.id() + "' is also an exercise of " + owner.getFileName());
        }
      }
      notes.add(note);
    }
    return new Course(notebooks, notes);
  }

  private static List<String> order(Path file) {
    if (!Files.isRegularFile(file)) {
      return List.of();
    }
    try {
      JsonNode tree = new ObjectMapper(new YAMLFactory()).readTree(file.toFile());
      List<String> order = new ArrayList<>();
      if (tree != null) {
        tree.path("notes").forEach(n -> order.add(n.asText()));
      }
      return order;
    } catch (IOException e) {
      throw new DataInputException(
          file.toString(),
          "not a valid course order: " + e.getMessage().lines().findFirst().orElse(""));
    }
  }

  public Optional<CourseNote> note(String id) {
    return notes.stream().filter(n -> n.id().equals(id)).findFirst();
  }

  /** Every exercise of the course, note by note. */
  public ExerciseCatalog exercises() {
    return new ExerciseCatalog(notes.stream().flatMap(n -> n.exercises().stream()).toList());
  }
}
