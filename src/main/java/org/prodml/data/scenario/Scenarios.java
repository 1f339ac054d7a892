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
 * The course's scenario datasets ({@code datasets/scenarios/<name>/}) and how they are written:
 * each file atomically, and only when its content changed, so regenerating leaves unchanged files
 * (and their times) alone. A new scenario adds one line to {@link #all()}.
 */
public final class Scenarios {
  private Scenarios() {}

  public static List<Scenario> all() {
    return List.of(
        new UpstreamSignalsScenario(),
        new RebookingDeskScenario(),
        new RemeasuredPenguinsScenario(),
        new ServingFaultsScenario());
  }

  public static Optional<Scenario> find(String name) {
    return all().stream().filter(s -> s.name().equals(name)).findFirst();
  }

  /** One file of a scenario after writing: whether its content changed. */
  public record WrittenFile(Path path, boolean changed) {}

  /** Writes the scenario's folder below {@code scenariosFolder}. */
  public static List<WrittenFile> write(ScenarioFolder folder, Path scenariosFolder) {
    Path dir = scenariosFolder.resolve(folder.name());
    List<WrittenFile> written = new ArrayList<>();
    folder.files().forEach((relative, content) -> {
      Path file = dir.resolve(relative);
      byte[] bytes = content.getBytes(StandardCharsets.UTF_8);
      boolean changed = !sameBytes(file, bytes);
      if (changed) {
        AtomicFiles.write(file, bytes);
      }
      written.add(new WrittenFile(file, changed));
    });
    return written;
  }

  private static boolean sameBytes(Path file, byte[] bytes) {
    try {
      return Files.isRegularFile(file) && Arrays.equals(Files.readAllBytes(file), bytes);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
    }
  }
}
