package org.prodml.profile;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.prodml.data.DataInputException;

/**
 * Runs the Spark profile job ({@code org.prodml.spark.ProfileJob} in {@code
 * target/prodml-spark.jar}) in a JVM of its own, on Spark's jars as the Maven build lists them
 * ({@code target/spark-classpath.txt}) and with the module openings Java 17 needs ({@code
 * target/spark-java-options.txt}; Servlet 5 from {@code target/spark-lib}, which Spark's Jetty
 * needs and the lab's Servlet 6 would shadow), then reads the profile it wrote. Spark never shares
 * this JVM: the rules judge the profile here, on this JVM's classpath. {@code
 * PRODML_SPARK_JAVA_OPTS} adds options to the job's JVM (a heap size, say).
 */
final class SparkProfileJob {
  private SparkProfileJob() {}

  static DatasetProfile profile(
      String location, ProfileOptions options, boolean optionalRoles, String master) {
    Path target = Path.of(System.getProperty("prodml.home", ".")).resolve("target");
    Path jar = target.resolve("prodml-spark.jar");
    Path classpath = target.resolve("spark-classpath.txt");
    Path javaOptions = target.resolve("spark-java-options.txt");
    Path servletApi = target.resolve("spark-lib").resolve("jakarta.servlet-api.jar");
    for (Path needed : List.of(jar, classpath, javaOptions, servletApi)) {
      if (!Files.isRegularFile(needed)) {
        throw new IllegalStateException(
            "the Spark engine needs "
                + needed
                + " from the build: run mvn -B -DskipTests package (./prodml does)");
      }
    }
    Path dir = null;
    try {
      dir = Files.createTempDirectory("prodml-spark");
      Path out = dir.resolve("profile.bin");
      Path log = dir.resolve("spark.log");
      List<String> command = new ArrayList<>();
      command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
      command.addAll(words(Files.readString(javaOptions)));
      command.addAll(words(System.getenv().getOrDefault("PRODML_SPARK_JAVA_OPTS", "")));
      command.add("-Dorg.slf4j.simpleLogger.defaultLogLevel=warn");
      command.add("-cp");
      command.add(
          String.join(
              java.io.File.pathSeparator,
              jar.toString(),
              servletApi.toString(),
              Files.readString(classpath).strip()));
      command.add("org.prodml.spark.ProfileJob");
      command.add(location);
      command.addAll(List.of("--out", out.toString(), "--master", master));
      command.addAll(arguments(options, optionalRoles));
      Process process =
          new ProcessBuilder(command)
              .redirectErrorStream(true)
              .redirectOutput(log.toFile())
              .start();
      int exit = process.waitFor();
      Path error = dir.resolve("profile.bin.error");
      if (Files.exists(error)) {
        List<String> f = Files.readAllLines(error, StandardCharsets.UTF_8);
        throw new DataInputException(
            f.get(0).isEmpty() ? location : f.get(0),
            Long.parseLong(f.get(1)),
            f.get(2).isEmpty() ? null : f.get(2),
            f.get(3));
      }
      if (exit != 0 || !Files.exists(out)) {
        List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
        throw new IllegalStateException(
            "the Spark profile job failed (exit "
                + exit
                + "): "
                + String.join(" | ", lines.subList(Math.max(0, lines.size() - 8), lines.size())));
      }
      return PartialProfile.fromBytes(Files.readAllBytes(out)).toProfile(location);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while Spark profiled " + location, e);
    } finally {
      delete(dir);
    }
  }

  /** The job's arguments for these options. */
  static List<String> arguments(ProfileOptions options, boolean optionalRoles) {
    List<String> a = new ArrayList<>();
    if (options.label() != null) {
      a.addAll(List.of("--label", options.label()));
    }
    if (options.group() != null) {
      a.addAll(List.of("--group", options.group()));
    }
    if (options.time() != null) {
      a.addAll(List.of("--time", options.time()));
    }
    for (Map.Entry<String, org.prodml.data.ValueType> t : options.types().entrySet()) {
      a.addAll(List.of("--type", t.getKey() + "=" + t.getValue().name()));
    }
    for (String marker : options.missingMarkers()) {
      a.addAll(List.of("--missing", marker));
    }
    a.addAll(List.of("--sample-rows", String.valueOf(options.sampleRows())));
    if (optionalRoles) {
      a.add("--optional-roles");
    }
    return a;
  }

  private static List<String> words(String text) {
    return Arrays.stream(text.strip().split("\\s+")).filter(w -> !w.isEmpty()).toList();
  }

  private static void delete(Path dir) {
    if (dir == null) {
      return;
    }
    try (Stream<Path> files = Files.walk(dir)) {
      files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      // a temporary folder left behind is no reason to fail the profile
    }
  }
}
