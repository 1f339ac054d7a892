package org.prodml.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A report's files appear together: a crash or a kill between writes never leaves a mixed set. */
class ReportFolderTest {
  static final List<String> NAMES = List.of("audit.json", "audit.md", "audit.html");

  @TempDir Path dir;

  /** The three files of one run, each saying which run wrote it; the kill stops at file n. */
  static Map<String, AtomicFiles.Content> report(String run, int crashAt, Runnable crash) {
    Map<String, AtomicFiles.Content> files = new LinkedHashMap<>();
    for (int i = 0; i < NAMES.size(); i++) {
      int index = i;
      files.put(
          NAMES.get(i),
          out -> {
            if (index == crashAt) {
              crash.run();
            }
            out.write((run + " " + NAMES.get(index)).getBytes(StandardCharsets.UTF_8));
          });
    }
    return files;
  }

  /** Which run wrote each file of the folder (null for a missing file). */
  static List<String> runs(Path folder) throws IOException {
    List<String> runs = new java.util.ArrayList<>();
    for (String name : NAMES) {
      Path file = folder.resolve(name);
      runs.add(Files.exists(file) ? Files.readString(file).split(" ")[0] : null);
    }
    return runs;
  }

  @Test
  void aCrashBetweenWritesLeavesTheWholePreviousReport() throws IOException {
    Path out = dir.resolve("audit");
    ReportFolder.write(out, report("first", -1, null));

    assertThrows(
        IllegalStateException.class,
        () ->
            ReportFolder.write(
                out,
                report(
                    "second",
                    2,
                    () -> {
                      throw new IllegalStateException("crash while rendering the third file");
                    })));

    assertEquals(List.of("first", "first", "first"), runs(out));
    ReportFolder.write(out, report("third", -1, null));
    assertEquals(List.of("third", "third", "third"), runs(out));
  }

  @Test
  void aKilledProcessLeavesTheWholePreviousReportThenTheNextRunWritesAWholeNewOne()
      throws Exception {
    Path out = dir.resolve("audit");
    assertEquals(0, child(out, "first", -1));
    for (int killAt = 0; killAt < NAMES.size(); killAt++) {
      assertEquals(137, child(out, "killed", killAt), "the child was killed at file " + killAt);
      assertEquals(List.of("first", "first", "first"), runs(out), "killed at file " + killAt);
    }
    assertEquals(0, child(out, "last", -1));
    assertEquals(List.of("last", "last", "last"), runs(out));
  }

  @Test
  void aPlainFolderOfAnOlderRunIsTakenOverAndAFolderOfOtherFilesIsRefused() throws IOException {
    Path old = Files.createDirectories(dir.resolve("old"));
    Files.writeString(old.resolve("audit.json"), "older audit.json");
    ReportFolder.write(old, report("new", -1, null));
    assertEquals(List.of("new", "new", "new"), runs(old));

    Path mine = Files.createDirectories(dir.resolve("mine"));
    Files.writeString(mine.resolve("thesis.tex"), "mine");
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class, () -> ReportFolder.write(mine, report("x", -1, null)));
    assertTrue(e.getMessage().contains("holds files other than the report's (thesis.tex)"));
    assertEquals("mine", Files.readString(mine.resolve("thesis.tex")));
  }

  /** Runs {@link Writer} in a JVM of its own; its exit status. */
  static int child(Path out, String run, int killAt) throws Exception {
    String classPath =
        System.getProperty("java.class.path")
            + File.pathSeparator
            + Path.of("target/classes").toAbsolutePath()
            + File.pathSeparator
            + Path.of("target/test-classes").toAbsolutePath();
    Process process =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp",
                classPath,
                Writer.class.getName(),
                out.toString(),
                run,
                String.valueOf(killAt))
            .inheritIO()
            .start();
    assertTrue(process.waitFor(60, TimeUnit.SECONDS), "the child did not end");
    return process.exitValue();
  }

  /** A process that writes a report and, when asked, dies at once before one of its files. */
  public static final class Writer {
    public static void main(String[] args) {
      int killAt = Integer.parseInt(args[2]);
      ReportFolder.write(
          Path.of(args[0]), report(args[1], killAt, () -> Runtime.getRuntime().halt(137)));
    }
  }
}
