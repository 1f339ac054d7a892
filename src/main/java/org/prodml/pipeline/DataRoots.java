package org.prodml.pipeline;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The folders a notebook may read data from. A path in a paragraph resolves against them; a path
 * that leaves them ({@code ..}, or an absolute path elsewhere) is refused, so a shared Zeppelin
 * cannot be used to read arbitrary files of its host.
 */
public record DataRoots(List<Path> roots) {

  public DataRoots {
    if (roots.isEmpty()) {
      throw new IllegalArgumentException("at least one data root is needed");
    }
    roots = roots.stream().map(p -> p.toAbsolutePath().normalize()).toList();
  }

  public static DataRoots of(Path... roots) {
    return new DataRoots(List.of(roots));
  }

  /**
   * The file a paragraph names: the first root under which it exists (or, when it exists under
   * none, its place under the first root, so the caller's error names it).
   *
   * @throws StageException when the path leaves every root
   */
  public Path resolve(String path) {
    Path asked = Path.of(path.strip());
    Path first = null;
    for (Path root : roots) {
      Path candidate = (asked.isAbsolute() ? asked : root.resolve(asked)).normalize();
      if (!candidate.startsWith(root)) {
        continue;
      }
      if (Files.exists(candidate)) {
        return candidate;
      }
      if (first == null) {
        first = candidate;
      }
    }
    if (first == null) {
      throw new StageException(
          "'"
              + path
              + "' is outside the data folders ("
              + describe()
              + "); name a file inside them, without '..'");
    }
    return first;
  }

  /** A path shown to the learner: relative to its root. */
  public String display(Path file) {
    Path f = file.toAbsolutePath().normalize();
    for (Path root : roots) {
      if (f.startsWith(root)) {
        return root.relativize(f).toString();
      }
    }
    return f.getFileName().toString();
  }

  private String describe() {
    return String.join(", ", roots.stream().map(Path::toString).toList());
  }
}
