package org.prodml.data.scenario;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.prodml.io.AtomicFiles;

/**
 * The course's scenario datasets ({@code datasets/scenarios/<name>/}, with the folder's README) and
 * how they are written: each file atomically, and only when its content changed, so regenerating
 * leaves unchanged files (and their times) alone. A new scenario adds one line to {@link #all()}.
 */
public final class Scenarios {
  /** The README of the scenarios' folder, beside the scenario folders. */
  public static final String README = "README.md";

  private Scenarios() {}

  /** Every scenario, in the order of the course notes that read them first. */
  public static List<Scenario> all() {
    return List.of(
        new WindSensorGapsScenario(),
        new PerBatchNormalisationScenario(),
        new UpstreamSignalsScenario(),
        new RebookingDeskScenario(),
        new RemeasuredPenguinsScenario(),
        new ServingFaultsScenario());
  }

  /**
   * The precision suite's scenarios ({@code datasets/precision/<name>/}): real tables the rules
   * were not written against, clean controls first, then planted flaws.
   */
  public static List<PrecisionScenario> precision() {
    return List.of(
        new BirdstrikesHonestSplitScenario(),
        new EarthquakesHonestSplitScenario(),
        new NewYorkWeatherHonestSplitScenario(),
        new FootballHonestSplitScenario(),
        new GapminderSplitByCountryScenario(),
        new BirdstrikesRepairFlagScenario(),
        new BirdstrikesReplayedReportsScenario(),
        new EarthquakesShuffledTestScenario(),
        new EarthquakesMisjoinedLabelsScenario(),
        new NewYorkWeatherFahrenheitScenario(),
        new NewYorkWeatherClockAndRenameScenario(),
        new FootballRecodedScenario(),
        new GapminderSharedCountriesScenario());
  }

  /** The precision suite's README: a table of {@link #precision()}. */
  public static String precisionReadme() {
    return PrecisionReadme.generate(precision());
  }

  /** Writes the precision suite's README into {@code precisionFolder}. */
  public static WrittenFile writePrecisionReadme(Path precisionFolder) {
    return writeIfChanged(precisionFolder.resolve(README), precisionReadme());
  }

  /** The scenarios' README: a table of {@link #all()}. */
  public static String readme() {
    return ScenariosReadme.generate(all());
  }

  /** A course or precision scenario by name. */
  public static Optional<Scenario> find(String name) {
    List<Scenario> every = new ArrayList<>(all());
    every.addAll(precision());
    return every.stream().filter(s -> s.name().equals(name)).findFirst();
  }

  /** One file of a scenario after writing: whether its content changed. */
  public record WrittenFile(Path path, boolean changed) {}

  /** Writes the scenario's folder below {@code scenariosFolder}. */
  public static List<WrittenFile> write(ScenarioFolder folder, Path scenariosFolder) {
    Path dir = scenariosFolder.resolve(folder.name());
    List<WrittenFile> written = new ArrayList<>();
    folder
        .files()
        .forEach(
            (relative, content) -> written.add(writeIfChanged(dir.resolve(relative), content)));
    return written;
  }

  /** Writes the scenarios' README into {@code scenariosFolder}. */
  public static WrittenFile writeReadme(Path scenariosFolder) {
    return writeIfChanged(scenariosFolder.resolve(README), readme());
  }

  private static WrittenFile writeIfChanged(Path file, String content) {
    byte[] bytes = content.getBytes(StandardCharsets.UTF_8);
    boolean changed = !sameBytes(file, bytes);
    if (changed) {
      AtomicFiles.write(file, bytes);
    }
    return new WrittenFile(file, changed);
  }

  private static boolean sameBytes(Path file, byte[] bytes) {
    try {
      return Files.isRegularFile(file) && Arrays.equals(Files.readAllBytes(file), bytes);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
    }
  }
}
