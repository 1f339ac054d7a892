package org.prodml.course;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.prodml.pipeline.StageRun;
import org.prodml.rules.Finding;

/**
 * How much of a production ML system is the model, measured on this system itself: each stage's
 * share of a note's run time and of the findings its rules raised, and each library package's share
 * of the code, with the package that trains models ({@value #MODEL_PACKAGE}) as the "model code" of
 * the course's Figure 1 (after Sculley et al., "Hidden technical debt in ML systems").
 */
public final class SystemAnatomy {
  /** The package that holds the model code: training and prediction. */
  public static final String MODEL_PACKAGE = "train";

  /**
   * Which box of the course's Figure 1 each library package plays. A package not listed here is
   * shown as "other", so a new package is counted before anyone classifies it.
   */
  static final Map<String, String> ROLES =
      Map.ofEntries(
          Map.entry("train", "ML code"),
          Map.entry("data", "data collection"),
          Map.entry("profile", "data verification"),
          Map.entry("csv", "data verification"),
          Map.entry("rules", "data verification"),
          Map.entry("facts", "data verification"),
          Map.entry("suggest", "data verification"),
          Map.entry("transform", "feature extraction"),
          Map.entry("split", "analysis tools"),
          Map.entry("evaluate", "analysis tools"),
          Map.entry("simulate", "analysis tools"),
          Map.entry("audit", "analysis tools"),
          Map.entry("readiness", "analysis tools"),
          Map.entry("stats", "analysis tools"),
          Map.entry("note", "process tools"),
          Map.entry("serve", "serving"),
          Map.entry("deploy", "serving"),
          Map.entry("monitor", "monitoring"),
          Map.entry("pipeline", "process tools"),
          Map.entry("stages", "process tools"),
          Map.entry("work", "process tools"),
          Map.entry("cli", "configuration"),
          Map.entry("chart", "reporting"),
          Map.entry("render", "reporting"),
          Map.entry("report", "reporting"),
          Map.entry("text", "reporting"),
          Map.entry("io", "reporting"),
          Map.entry("course", "teaching"),
          Map.entry("lab", "teaching"));

  private SystemAnatomy() {}

  /**
   * One stage of a note: how often and how long its paragraphs ran, and how many findings they
   * reported (the counts the paragraphs showed).
   */
  public record StagePart(String stage, int runs, long millis, double timeShare, int findings) {}

  /** One course topic: the findings raised about it and by how many rules. */
  public record TopicPart(String topic, int findings, int rulesFired) {}

  /** One library package: its role in Figure 1 and its size in lines of code. */
  public record PackagePart(String name, String role, int files, long lines, double share) {
    public boolean isModelCode() {
      return name.equals(MODEL_PACKAGE);
    }
  }

  /**
   * The note's stages in order of their first run, with their share of the total stage time and the
   * findings their paragraphs reported. A stage's time is its own work: the pipeline starts the
   * clock after the rules are compiled and the runtime is warmed up.
   */
  public static List<StagePart> stages(List<StageRun> runs) {
    long total = runs.stream().mapToLong(StageRun::millis).sum();
    Map<String, long[]> timing = new LinkedHashMap<>(); // runs, millis, findings
    for (StageRun run : runs) {
      long[] t = timing.computeIfAbsent(run.stage(), s -> new long[3]);
      t[0]++;
      t[1] += run.millis();
      t[2] += run.findings();
    }
    List<StagePart> parts = new ArrayList<>();
    timing.forEach(
        (name, t) ->
            parts.add(
                new StagePart(
                    name, (int) t[0], t[1], total == 0 ? 0 : (double) t[1] / total, (int) t[2])));
    return parts;
  }

  /** Findings per course topic, most findings first. */
  public static List<TopicPart> topics(List<Finding> findings) {
    Map<String, List<Finding>> byTopic = new TreeMap<>();
    for (Finding f : findings) {
      byTopic.computeIfAbsent(f.topic().name(), t -> new ArrayList<>()).add(f);
    }
    List<TopicPart> parts = new ArrayList<>();
    byTopic.forEach(
        (topic, list) ->
            parts.add(
                new TopicPart(
                    topic,
                    list.size(),
                    (int) list.stream().map(Finding::ruleId).distinct().count())));
    parts.sort((a, b) -> Integer.compare(b.findings(), a.findings()));
    return parts;
  }

  /**
   * The library's source folder ({@code src/main/java/org/prodml}) of the checkout the rule folders
   * belong to ({@code <home>/rules} → {@code <home>}), or empty when there is none: a packaged
   * install ships no sources, and then there is nothing to count.
   */
  public static Optional<Path> sourceRoot(List<Path> ruleFolders) {
    for (Path rules : ruleFolders) {
      Path home = rules.toAbsolutePath().normalize().getParent();
      Path sources = home == null ? null : home.resolve("src/main/java/org/prodml");
      if (sources != null && Files.isDirectory(sources)) {
        return Optional.of(sources);
      }
    }
    return Optional.empty();
  }

  /** Lines of code of each package folder below the source root, largest first. */
  public static List<PackagePart> packages(Path sourceRoot) {
    Map<String, long[]> sizes = new TreeMap<>(); // files, lines
    try (Stream<Path> folders = Files.list(sourceRoot)) {
      for (Path folder : folders.filter(Files::isDirectory).sorted().toList()) {
        long[] size = new long[2];
        try (Stream<Path> files = Files.walk(folder)) {
          for (Path java :
              files.filter(p -> p.getFileName().toString().endsWith(".java")).toList()) {
            size[0]++;
            size[1] += codeLines(Files.readString(java, StandardCharsets.UTF_8));
          }
        }
        sizes.put(folder.getFileName().toString(), size);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    long total = sizes.values().stream().mapToLong(s -> s[1]).sum();
    List<PackagePart> parts = new ArrayList<>();
    sizes.forEach(
        (name, s) ->
            parts.add(
                new PackagePart(
                    name,
                    ROLES.getOrDefault(name, "other"),
                    (int) s[0],
                    s[1],
                    total == 0 ? 0 : (double) s[1] / total)));
    parts.sort((a, b) -> Long.compare(b.lines(), a.lines()));
    return parts;
  }

  /**
   * Lines of Java that hold code: not blank and not only comment. Strings, characters and text
   * blocks are skipped over, so a {@code "//"} inside a literal does not start a comment.
   */
  public static long codeLines(String source) {
    long lines = 0;
    boolean inBlockComment = false;
    boolean inTextBlock = false;
    for (String line : source.split("\\R", -1)) {
      boolean code = false;
      int i = 0;
      int n = line.length();
      while (i < n) {
        char c = line.charAt(i);
        if (inBlockComment) {
          int end = line.indexOf("*/", i);
          if (end < 0) {
            i = n;
          } else {
            inBlockComment = false;
            i = end + 2;
          }
        } else if (inTextBlock) {
          code = true;
          int end = line.indexOf("\"\"\"", i);
          if (end < 0) {
            i = n;
          } else {
            inTextBlock = false;
            i = end + 3;
          }
        } else if (Character.isWhitespace(c)) {
          i++;
        } else if (line.startsWith("//", i)) {
          i = n;
        } else if (line.startsWith("/*", i)) {
          inBlockComment = true;
          i += 2;
        } else if (line.startsWith("\"\"\"", i)) {
          code = true;
          inTextBlock = true;
          i += 3;
        } else if (c == '"' || c == '\'') {
          code = true;
          i = endOfLiteral(line, i, c);
        } else {
          code = true;
          i++;
        }
      }
      if (code) {
        lines++;
      }
    }
    return lines;
  }

  /** The index after a string or character literal that starts at {@code start}. */
  private static int endOfLiteral(String line, int start, char quote) {
    int i = start + 1;
    while (i < line.length()) {
      char c = line.charAt(i);
      if (c == '\\') {
        i += 2;
      } else if (c == quote) {
        return i + 1;
      } else {
        i++;
      }
    }
    return line.length();
  }
}
