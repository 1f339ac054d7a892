package org.prodml;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Every package says what it is for: a newcomer starts from its package-info.java. */
class PackageDocumentationTest {
  @Test
  void everyPackageHasAPackageInfo() throws IOException {
    List<Path> undocumented;
    try (Stream<Path> dirs =
        Stream.of(
                Path.of("src/main/java"),
                Path.of("interpreter/src/main/java"),
                Path.of("spark/src/main/java"))
            .flatMap(PackageDocumentationTest::walk)) {
      undocumented =
          dirs.filter(Files::isDirectory)
              .filter(d -> hasJava(d) && !Files.isRegularFile(d.resolve("package-info.java")))
              .sorted()
              .toList();
    }
    assertEquals(List.of(), undocumented, "packages without a package-info.java");
  }

  private static Stream<Path> walk(Path root) {
    try {
      return Files.walk(root).toList().stream();
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private static boolean hasJava(Path dir) {
    try (Stream<Path> files = Files.list(dir)) {
      return files.anyMatch(f -> f.toString().endsWith(".java"));
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
