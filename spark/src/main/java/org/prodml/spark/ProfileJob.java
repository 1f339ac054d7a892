package org.prodml.spark;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import org.apache.spark.sql.SparkSession;
import org.prodml.data.DataInputException;
import org.prodml.data.ValueType;
import org.prodml.profile.PartialProfile;
import org.prodml.profile.ProfileOptions;

/**
 * The Spark profile job: {@code ProfileJob DATA --out FILE [--master URL] [--label C] [--group C]
 * [--time C] [--type C=TYPE]… [--missing M]… [--sample-rows N] [--optional-roles]}. It profiles
 * DATA on Spark and writes the merged {@link PartialProfile} bytes to FILE (on the driver,
 * atomically); {@code ./prodml} reads them and judges the profile with its rules in its own JVM.
 * Run by {@code spark-submit --class org.prodml.spark.ProfileJob prodml-spark.jar …} on a cluster,
 * or by {@code ./prodml … --engine spark} locally.
 *
 * <p>Bad input exits 2 with one line on standard error, and the same error, field by field, in
 * FILE.error (file, line, column, problem) for the process that started the job.
 */
public final class ProfileJob {
  private ProfileJob() {}

  public static void main(String[] args) throws Exception {
    String data = null;
    Path out = null;
    String master = null;
    String label = null;
    String group = null;
    String time = null;
    Map<String, ValueType> types = new LinkedHashMap<>();
    Set<String> missing = new LinkedHashSet<>();
    int sampleRows = ProfileOptions.DEFAULT_SAMPLE_ROWS;
    boolean optionalRoles = false;
    for (int i = 0; i < args.length; i++) {
      String a = args[i];
      switch (a) {
        case "--out" -> out = Path.of(args[++i]);
        case "--master" -> master = args[++i];
        case "--label" -> label = args[++i];
        case "--group" -> group = args[++i];
        case "--time" -> time = args[++i];
        case "--missing" -> missing.add(args[++i]);
        case "--sample-rows" -> sampleRows = Integer.parseInt(args[++i]);
        case "--optional-roles" -> optionalRoles = true;
        case "--type" -> {
          String[] kv = args[++i].split("=", 2);
          types.put(kv[0], ValueType.valueOf(kv[1]));
        }
        default -> {
          if (a.startsWith("--") || data != null) {
            usage("unknown argument " + a);
          }
          data = a;
        }
      }
    }
    if (data == null || out == null) {
      usage("DATA and --out are required");
    }
    ProfileOptions options =
        new ProfileOptions(
            label,
            group,
            time,
            Map.copyOf(types),
            missing.isEmpty() ? ProfileOptions.defaults().missingMarkers() : missing,
            1,
            sampleRows);
    Files.deleteIfExists(error(out));
    SparkSession spark = SparkProfiler.session(master);
    jarForExecutors(spark);
    try {
      PartialProfile profile = SparkProfiler.profile(spark, data, options, optionalRoles);
      write(out, profile.toBytes());
    } catch (DataInputException e) {
      System.err.println("prodml: " + e.getMessage());
      String fields =
          String.join(
              "\n",
              e.file() == null ? "" : e.file(),
              String.valueOf(e.line()),
              e.column() == null ? "" : e.column(),
              e.problem().replace('\n', ' '));
      write(error(out), fields.getBytes(java.nio.charset.StandardCharsets.UTF_8));
      spark.stop();
      System.exit(2);
    }
    spark.stop();
  }

  /** A cluster's executors need this jar: its own path, unless spark-submit already ships it. */
  private static void jarForExecutors(SparkSession spark) {
    if (spark.sparkContext().isLocal()) {
      return;
    }
    var source = ProfileJob.class.getProtectionDomain().getCodeSource();
    String jar = source == null ? null : source.getLocation().getPath();
    if (jar != null
        && jar.endsWith(".jar")
        && !spark.sparkContext().conf().contains("spark.jars")) {
      spark.sparkContext().addJar(jar);
    }
  }

  static Path error(Path out) {
    return out.resolveSibling(out.getFileName() + ".error");
  }

  private static void write(Path file, byte[] bytes) throws IOException {
    Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
    Files.write(tmp, bytes);
    Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
  }

  private static void usage(String problem) {
    System.err.println(
        "prodml spark job: "
            + problem
            + "\nusage: ProfileJob DATA --out FILE [--master URL] [--label C] [--group C] [--time C]"
            + " [--type C=TYPE]... [--missing M]... [--sample-rows N] [--optional-roles]");
    System.exit(2);
  }
}
