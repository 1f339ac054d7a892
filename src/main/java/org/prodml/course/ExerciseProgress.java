package org.prodml.course;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/** One note's attempts at its exercises: how many checks each had, and which passed. */
public final class ExerciseProgress {
  private final Map<String, Integer> attempts = new LinkedHashMap<>();
  private final Set<String> passed = new LinkedHashSet<>();

  /** Counts a new check of the exercise and returns its number (1 for the first). */
  public synchronized int nextAttempt(String exercise) {
    return attempts.merge(exercise, 1, Integer::sum);
  }

  public synchronized void record(Grade grade) {
    if (grade.passed()) {
      passed.add(grade.exercise().id());
    }
  }

  public synchronized int attempts(String exercise) {
    return attempts.getOrDefault(exercise, 0);
  }

  public synchronized boolean passed(String exercise) {
    return passed.contains(exercise);
  }
}
