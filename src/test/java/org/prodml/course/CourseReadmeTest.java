package org.prodml.course;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * notebooks/README.md is generated from the notes, course.yaml and the exercise rules; this fails
 * when one of them changed without regenerating. Run with {@code -Dprodml.writeReadme=true} to
 * regenerate instead of comparing.
 */
class CourseReadmeTest {
  private static final Path HOME = Path.of(System.getProperty("prodml.home", "."));

  @Test
  void checkedInCourseReadmeIsUpToDate() throws IOException {
    Path rules = HOME.resolve("rules");
    Path notebooks = rules.resolveSibling("notebooks");
    Course course = Course.read(notebooks);
    if (Boolean.getBoolean("prodml.writeReadme")) {
      CourseReadme.write(course, rules);
    }
    Path readme = notebooks.resolve("README.md");
    String expected = CourseReadme.generate(course, rules);
    String actual =
        Files.isRegularFile(readme) ? Files.readString(readme, StandardCharsets.UTF_8) : "";
    assertEquals(
        expected,
        actual,
        readme + " is out of date; regenerate it with:\n  " + CourseReadme.REGENERATE + "\n");
  }

  @Test
  void everyCourseNoteHasItsObjectiveAndItsExercisesListed() {
    Path rules = HOME.resolve("rules");
    Course course = Course.read(rules.resolveSibling("notebooks"));
    String readme = CourseReadme.generate(course, rules);
    for (CourseNote o : course.notes()) {
      assertTrue(
          readme.contains("`" + o.id() + "` | " + o.objective() + " |"),
          o.id() + " missing from\n" + readme);
      for (Exercise e : o.exercises()) {
        assertTrue(
            readme.contains("| `" + e.id() + "` | `" + o.id() + "` |"),
            e.id() + " missing from\n" + readme);
      }
    }
    // a grading rule that waits for a finding names it: the exercise is about that rule
    assertTrue(
        readme.lines().anyMatch(l -> l.matches(".*\\| [A-Z]{2}-\\d{3}(, [A-Z]{2,5}-\\d{3})* \\|$")),
        readme);
  }
}
