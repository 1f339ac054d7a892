package org.prodml.pipeline;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The folders a notebook may read data from. A path in a paragraph resolves against them; a path
 * that leaves them ({@code ..}, an absolute path elsewhere, or a symbolic link — to a file or to a
 * folder — whose target lies elsewhere) is refused, so a shared Zeppelin cannot be used to read
 * arbitrary files of its host. Confinement is judged on real paths (links followed), and a resolved
 * file is returned as its real path, so what is read is what was checked.
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
   * none, its place under the first root, so the caller's error names it), as its real path.
   *
   * @throws StageException when the path leaves every root, by name or through a link
   */
  public Path resolve(String path) {
    Path asked = Path.of(path.strip());
    List<Path> real = realRoots();
    Path first = null;
    for (int i = 0; i < roots.size(); i++) {
      Path root = roots.get(i);
      Path candidate = (asked.isAbsolute() ? asked : root.resolve(asked)).normalize();
      if (!candidate.startsWith(root) && !candidate.startsWith(real.get(i))) {
        continue;
      }
      if (Files.exists(candidate, LinkOption.NOFOLLOW_LINKS)) {
        Path target;
        try {
          target = candidate.toRealPath();
        } catch (IOException e) {
          throw new StageException(
              "'" + path + "' is a link to nothing (" + e.getMessage() + "); name a data file");
        }
        if (real.stream().noneMatch(target::startsWith)) {
          throw new StageException(
              "'"
                  + path
                  + "' leads outside the data folders ("
                  + describe()
                  + ") through a symbolic link; name a file inside them");
        }
        return target;
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
    List<Path> real = realRoots();
    for (int i = 0; i < roots.size(); i++) {
      for (Path root : List.of(real.get(i), roots.get(i))) {
        if (f.startsWith(root)) {
          return root.relativize(f).toString();
        }
      }
    }
    return f.getFileName().toString();
  }

  /**
   * Each root with its links followed (as given when it does not exist yet), read now: a root
   * replaced by a link later is judged by where it leads then.
   */
  private List<Path> realRoots() {
    List<Path> real = new ArrayList<>();
    for (Path root : roots) {
      try {
        real.add(root.toRealPath());
      } catch (IOException e) {
        real.add(root);
      }
    }
    return real;
  }

  private String describe() {
    return String.join(", ", roots.stream().map(Path::toString).toList());
  }
}
