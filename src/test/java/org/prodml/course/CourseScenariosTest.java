package org.prodml.course;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The committed scenario files are exactly what the seeded generator writes, and carry the planted flaw. */
class CourseScenariosTest {
  static final Path DATASETS = Path.of("datasets");

  @Test
  void committedScenariosMatchTheGenerator(@TempDir Path scratch) throws Exception {
    Path source = Files.createDirectories(scratch.resolve(CourseScenarios.SOURCE).getParent());
    Files.copy(DATASETS.resolve(CourseScenarios.SOURCE), source.resolve(Path.of(CourseScenarios.SOURCE).getFileName()));
    List<Path> written = CourseScenarios.write(scratch);
    assertEquals(4, written.size());
    for (Path fresh : written) {
      Path committed = DATASETS.resolve(scratch.relativize(fresh));
      assertTrue(Files.isRegularFile(committed), committed + " is missing; run " + CourseScenarios.COMMAND);
      assertEquals(-1, Files.mismatch(fresh, committed), committed + " differs from the generator's; run " + CourseScenarios.COMMAND);
    }
  }

  @Test
  void eachScenarioPlantsItsFlawInOneColumnOnly() {
    Path clean = DATASETS.resolve(CourseScenarios.SOURCE);
    Path gaps = DATASETS.resolve("scenarios/wind-sensor-gaps/serving-2015.csv");
    long blank = CourseScenarios.column(gaps, "wind").stream().filter(String::isEmpty).count();
    assertTrue(blank > 40 && blank < 110, "about a fifth of 365 days: " + blank);
    assertEquals(CourseScenarios.column(clean, "temp_max"), CourseScenarios.column(gaps, "temp_max"));

    Path normalised = DATASETS.resolve("scenarios/temp-max-normalised-per-batch/serving-2015.csv");
    double[] z = CourseScenarios.column(normalised, "temp_max").stream().mapToDouble(Double::parseDouble).toArray();
    double mean = java.util.Arrays.stream(z).average().orElseThrow();
    assertEquals(0, mean, 0.01, "a z-score of its own batch has mean 0");
    assertEquals(CourseScenarios.column(clean, "wind"), CourseScenarios.column(normalised, "wind"));
  }
}
