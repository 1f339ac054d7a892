package org.prodml.io;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Writes files that belong together (a report's JSON, Markdown and HTML) as one unit: into a fresh
 * hidden folder beside the target, then the target — a symbolic link to that folder — is replaced
 * by one rename. A reader, or a run killed at any moment, sees the whole previous set or the whole
 * new one, never a mix; no file is ever partial. The previous folder is deleted after the swap.
 *
 * <p>A target that is still a plain folder (written by an older version) is moved aside, then the
 * link takes its place: the one moment in which the target is missing (the old files wait in the
 * hidden {@code .NAME.old-…} folder). A plain folder holding anything but the report's files is
 * refused rather than moved: {@code --out .} must never take the working folder away.
 */
public final class ReportFolder {
  /** Leftovers of runs killed mid-write older than this are removed by the next write. */
  private static final Duration STALE = Duration.ofHours(1);

  private ReportFolder() {}

  /**
   * Writes the files into the target folder as one unit, each file's content made as it is written
   * and streamed (a report too large to hold as one string never is; a failure while making one
   * leaves the previous set whole).
   *
   * @throws IllegalArgumentException when the target is a plain folder holding other files
   * @throws UncheckedIOException when a file cannot be written (the previous set stays)
   */
  public static void write(Path target, Map<String, AtomicFiles.Content> files) {
    Path folder = target.toAbsolutePath().normalize();
    Path parent = folder.getParent();
    String name = folder.getFileName().toString();
    try {
      Files.createDirectories(parent);
      if (Files.isDirectory(folder, LinkOption.NOFOLLOW_LINKS)) {
        List<String> others = new ArrayList<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(folder)) {
          for (Path entry : entries) {
            if (!files.containsKey(entry.getFileName().toString())) {
              others.add(entry.getFileName().toString());
            }
          }
        }
        if (!others.isEmpty()) {
          throw new IllegalArgumentException(
              folder
                  + " holds files other than the report's ("
                  + String.join(", ", others.stream().sorted().limit(5).toList())
                  + (others.size() > 5 ? ", …" : "")
                  + "); write the report to an empty folder or one a report was written to");
        }
      }
      Path version = Files.createDirectory(parent.resolve(hidden(name, "v")));
      try {
        if (Files.getFileStore(version).supportsFileAttributeView("posix")) {
          Files.setPosixFilePermissions(version, PosixFilePermissions.fromString("rwxr-xr-x"));
        }
        for (Map.Entry<String, AtomicFiles.Content> file : new LinkedHashMap<>(files).entrySet()) {
          AtomicFiles.write(version.resolve(file.getKey()), file.getValue());
        }
        swap(folder, version);
      } catch (IOException | RuntimeException | Error e) {
        deleteTree(version);
        throw e;
      }
      removeStale(parent, name, version);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + folder + ": " + e.getMessage(), e);
    }
  }

  /** Points the target at the new version with one rename; deletes what it pointed at before. */
  private static void swap(Path folder, Path version) throws IOException {
    Path parent = folder.getParent();
    String name = folder.getFileName().toString();
    Path previous = null;
    if (Files.isSymbolicLink(folder)) {
      Path target = Files.readSymbolicLink(folder);
      previous = parent.resolve(target).normalize();
    } else if (Files.isDirectory(folder, LinkOption.NOFOLLOW_LINKS)) {
      previous = parent.resolve(hidden(name, "old"));
      Files.move(folder, previous, StandardCopyOption.ATOMIC_MOVE);
    }
    Path link = parent.resolve(hidden(name, "link"));
    Files.createSymbolicLink(link, version.getFileName());
    try {
      Files.move(link, folder, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } finally {
      Files.deleteIfExists(link);
    }
    if (previous != null && isOurs(parent, name, previous)) {
      deleteTree(previous);
    }
  }

  /** Folders and links earlier runs left when killed mid-write, past {@link #STALE}. */
  private static void removeStale(Path parent, String name, Path current) throws IOException {
    Instant before = Instant.now().minus(STALE);
    try (DirectoryStream<Path> entries = Files.newDirectoryStream(parent, "." + name + ".*")) {
      for (Path entry : entries) {
        FileTime modified = Files.getLastModifiedTime(entry, LinkOption.NOFOLLOW_LINKS);
        if (!entry.equals(current) && modified.toInstant().isBefore(before)) {
          deleteTree(entry);
        }
      }
    }
  }

  private static boolean isOurs(Path parent, String name, Path path) {
    return parent.equals(path.getParent())
        && path.getFileName().toString().startsWith("." + name + ".");
  }

  private static String hidden(String name, String kind) {
    return "." + name + "." + kind + "-" + UUID.randomUUID().toString().substring(0, 8);
  }

  private static void deleteTree(Path root) throws IOException {
    if (!Files.exists(root, LinkOption.NOFOLLOW_LINKS)) {
      return;
    }
    if (!Files.isDirectory(root, LinkOption.NOFOLLOW_LINKS)) {
      Files.delete(root);
      return;
    }
    Files.walkFileTree(
        root,
        new SimpleFileVisitor<>() {
          @Override
          public FileVisitResult visitFile(Path file, BasicFileAttributes attrs)
              throws IOException {
            Files.delete(file);
            return FileVisitResult.CONTINUE;
          }

          @Override
          public FileVisitResult postVisitDirectory(Path dir, IOException e) throws IOException {
            Files.delete(dir);
            return FileVisitResult.CONTINUE;
          }
        });
  }
}
