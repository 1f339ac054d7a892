package org.prodml.course;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The course's exercises by id, in course order (each note's, in its note.yaml's order). */
public final class ExerciseCatalog {
  private final Map<String, Exercise> exercises = new LinkedHashMap<>();

  ExerciseCatalog(List<Exercise> all) {
    all.forEach(e -> exercises.put(e.id(), e));
  }

  public Optional<Exercise> find(String id) {
    return Optional.ofNullable(exercises.get(id));
  }

  /** The exercise, or an error listing the ids there are. */
  public Exercise require(String id) {
    Exercise e = exercises.get(id);
    if (e == null) {
      throw new IllegalArgumentException(
          "no exercise '" + id + "'; the course has " + String.join(", ", exercises.keySet()));
    }
    return e;
  }

  public Collection<Exercise> all() {
    return exercises.values();
  }

  /** The exercises of one note, in its order. */
  public List<Exercise> ofNote(String note) {
    return exercises.values().stream().filter(e -> e.note().equals(note)).toList();
  }
}
