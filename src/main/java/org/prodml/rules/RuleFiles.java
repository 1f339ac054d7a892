package org.prodml.rules;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** Finds the DRL files under rule folders on disk (never on the classpath). */
public final class RuleFiles {
  static final String DRL_SUFFIX = ".drl";

  private RuleFiles() {}

  /**
   * Every {@code *.drl} below the folders (or the files themselves), in a stable order.
   *
   * @throws RuleCompileException for a folder that does not exist or holds no rule file
   */
  public static List<Path> find(List<Path> roots) {
    List<Path> files = new ArrayList<>();
    for (Path root : roots) {
      if (Files.isRegularFile(root)) {
        files.add(root);
        continue;
      }
      if (!Files.isDirectory(root)) {
        throw new RuleCompileException(root + ":0: no such rules folder");
      }
      List<Path> found = below(root, DRL_SUFFIX);
      if (found.isEmpty()) {
        // Judging with no rule would pass anything: an empty folder is a wrong path, not a verdict.
        throw new RuleCompileException(root + ":0: no rule files (*.drl) in this folder");
      }
      files.addAll(found);
    }
    return files;
  }

  /**
   * Every regular file at any depth below the folder whose name ends with the suffix, in path
   * order: the one walk behind rule files, cases files and the lint's classpath check.
   */
  static List<Path> below(Path folder, String suffix) {
    try (Stream<Path> walk = Files.walk(folder)) {
      return walk.filter(p -> p.getFileName().toString().endsWith(suffix))
          .filter(Files::isRegularFile)
          .sorted()
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The sources of every DRL file below the folders. */
  public static List<RuleSource> load(List<Path> roots) {
    return find(roots).stream().map(RuleSource::of).toList();
  }

  /**
   * Starts compiling every DRL file below the folders in the background (see
   * RuleBase#compileAsync).
   */
  public static java.util.concurrent.CompletableFuture<RuleBase> compileAsync(List<Path> roots) {
    return RuleBase.compileAsync(load(roots));
  }

  /** Compiles every DRL file below the folders (cached per rules version). */
  public static RuleBase compile(List<Path> roots) {
    return RuleBase.compile(load(roots));
  }
}
