package org.prodml.cli;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where ProdML Lab's data lives: the checkout the launcher runs from (system property {@code
 * prodml.home}, set by {@code ./prodml}), else the working folder.
 */
public final class Home {
  private Home() {}

  public static Path get() {
    String home = System.getProperty("prodml.home");
    return (home != null ? Path.of(home) : Path.of("")).toAbsolutePath().normalize();
  }

  /** The default rule folder: {@code rules/} of the home. */
  public static Path rules() {
    return get().resolve("rules");
  }

  public static boolean hasRules() {
    return Files.isDirectory(rules());
  }
}
