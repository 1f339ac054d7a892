package org.prodml.spark;

import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.DecimalType;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.prodml.csv.CsvHeader;
import org.prodml.data.DataInputException;
import org.prodml.data.ValueType;
import org.prodml.profile.PartialProfile;
import org.prodml.profile.ProfileOptions;

/**
 * Profiles a CSV or Parquet dataset on Spark: each partition feeds its rows to the streaming
 * profiler's own accumulators ({@link PartialProfile}), writes them as bytes, and Spark merges the
 * bytes in a tree on the executors. The result is the profile the streaming profiler measures, so
 * the facts, rules and reports downstream are the same.
 *
 * <p>CSV is read by Spark as text columns (RFC 4180 quotes, one record per line: a quoted field may
 * not span lines, so a large file still splits), each field then parsed by the profiler as a file's
 * characters; column types come from the first rows, as in the streaming profiler. Parquet is read
 * typed, its types taken from its schema.
 */
public final class SparkProfiler {
  private SparkProfiler() {}

  /**
   * A session for a profile: no web UI, UTC, java.time values; a local master binds its driver to
   * the loopback address only.
   *
   * @param master the master URL, or null for the one spark-submit set (else {@code local[*]})
   */
  public static SparkSession session(String master) {
    SparkSession.Builder builder =
        SparkSession.builder()
            .appName("prodml profile")
            .config("spark.ui.enabled", "false")
            .config("spark.sql.session.timeZone", "UTC")
            .config("spark.sql.datetime.java8API.enabled", "true")
            .config("spark.sql.shuffle.partitions", "4");
    String effective = master != null ? master : System.getProperty("spark.master", "local[*]");
    builder.master(effective);
    if (effective.startsWith("local")) {
      builder
          .config("spark.driver.host", "127.0.0.1")
          .config("spark.driver.bindAddress", "127.0.0.1");
    }
    return builder.getOrCreate();
  }

  /**
   * The dataset's profile, as parts merged: a path or Hadoop URI of a file, a folder of part files
   * or a glob. Parquet when its name ends in .parquet (a file or a folder of them), else CSV.
   *
   * @param optionalRoles when true, a label, time or group column the data lacks is dropped instead
   *     of being an error (serving data has no label)
   * @throws DataInputException for a missing or empty file, an unknown column, a malformed record
   */
  public static PartialProfile profile(
      SparkSession spark, String path, ProfileOptions options, boolean optionalRoles) {
    requireExists(spark, path);
    try {
      return isParquet(path)
          ? parquet(spark, path, options, optionalRoles)
          : csv(spark, path, options, optionalRoles);
    } catch (DataInputException e) {
      throw e;
    } catch (Exception e) { // Spark's own exceptions are checked ones, thrown unchecked from Scala
      throw malformed(path, e);
    }
  }

  static boolean isParquet(String path) {
    String p = path.toLowerCase(Locale.ROOT).replaceAll("/+$", "");
    return p.endsWith(".parquet") || p.endsWith(".parq");
  }

  private static PartialProfile csv(
      SparkSession spark, String path, ProfileOptions given, boolean optionalRoles) {
    List<Row> head =
        csvReader(spark)
            .option("header", "false")
            .csv(path)
            .limit(given.sampleRows() + 1)
            .collectAsList();
    if (head.isEmpty()) {
      throw new DataInputException(path, "the file is empty (no header row)");
    }
    List<String> names = CsvHeader.of(path, 1, fields(head.get(0))).names();
    ProfileOptions options = fitted(given, names, optionalRoles);
    List<List<String>> sample = new ArrayList<>();
    for (Row row : head.subList(1, head.size())) {
      List<String> f = fields(row);
      f.replaceAll(v -> v == null ? "" : v);
      sample.add(f);
    }
    List<ValueType> types = PartialProfile.types(path, names, sample, options);
    StructType schema = new StructType();
    for (int i = 0; i < names.size(); i++) {
      schema = schema.add("c" + i, DataTypes.StringType, true);
    }
    Dataset<Row> rows = csvReader(spark).option("header", "true").schema(schema).csv(path);
    byte[] plan = PartialProfile.start(names, types, options).toBytes();
    return merge(
        rows, (MapPartitionsFunction<Row, byte[]>) it -> List.of(csvPart(plan, it)).iterator());
  }

  /**
   * The options for data of these columns: declared types of other columns dropped (as for a
   * streamed file), and role columns it lacks when they are optional.
   */
  static ProfileOptions fitted(ProfileOptions options, List<String> names, boolean optionalRoles) {
    Map<String, ValueType> declared = new LinkedHashMap<>(options.types());
    declared.keySet().retainAll(names);
    ProfileOptions o = options.withTypes(declared);
    if (optionalRoles) {
      o =
          o.withLabel(present(names, o.label()))
              .withTime(present(names, o.time()))
              .withGroup(present(names, o.group()));
    }
    return o;
  }

  private static String present(List<String> names, String column) {
    return column != null && names.contains(column) ? column : null;
  }

  /** Spark's CSV reader set to read a file as the streaming profiler does, failing on a bad row. */
  private static org.apache.spark.sql.DataFrameReader csvReader(SparkSession spark) {
    return spark
        .read()
        .option("mode", "FAILFAST")
        .option("escape", "\"") // RFC 4180: a quote inside quotes is doubled
        .option("multiLine", "false")
        .option("inferSchema", "false")
        .option("enforceSchema", "true");
  }

  private static List<String> fields(Row row) {
    List<String> f = new ArrayList<>();
    for (int i = 0; i < row.length(); i++) {
      f.add(row.isNullAt(i) ? null : row.getString(i));
    }
    return f;
  }

  private static byte[] csvPart(byte[] plan, Iterator<Row> rows) {
    PartialProfile part = PartialProfile.fromBytes(plan);
    int width = part.names().size();
    char[] chars = new char[256];
    while (rows.hasNext()) {
      Row row = rows.next();
      for (int c = 0; c < width; c++) {
        String v = row.isNullAt(c) ? "" : row.getString(c);
        int n = v.length();
        if (n > chars.length) {
          chars = new char[Math.max(n, chars.length * 2)];
        }
        v.getChars(0, n, chars, 0);
        part.field(c, chars, 0, n);
      }
      part.endRow();
    }
    return part.toBytes();
  }

  private static PartialProfile parquet(
      SparkSession spark, String path, ProfileOptions given, boolean optionalRoles) {
    Dataset<Row> rows = spark.read().parquet(path);
    List<String> names = new ArrayList<>();
    Map<String, ValueType> types = new LinkedHashMap<>();
    for (StructField f : rows.schema().fields()) {
      names.add(f.name());
      types.put(f.name(), typeOf(f.dataType()));
    }
    ProfileOptions options = fitted(given, names, optionalRoles);
    List<ValueType> typeList =
        PartialProfile.types(path, names, List.of(), options.withTypes(types));
    byte[] plan = PartialProfile.start(names, typeList, options).toBytes();
    return merge(
        rows, (MapPartitionsFunction<Row, byte[]>) it -> List.of(typedPart(plan, it)).iterator());
  }

  /** The profile type of a Parquet column's Spark type. */
  static ValueType typeOf(DataType t) {
    if (t.equals(DataTypes.IntegerType)
        || t.equals(DataTypes.ShortType)
        || t.equals(DataTypes.ByteType)) {
      return ValueType.INTEGER;
    }
    if (t.equals(DataTypes.LongType)) {
      return ValueType.LONG;
    }
    if (t.equals(DataTypes.DoubleType)
        || t.equals(DataTypes.FloatType)
        || t instanceof DecimalType) {
      return ValueType.DOUBLE;
    }
    if (t.equals(DataTypes.BooleanType)) {
      return ValueType.BOOLEAN;
    }
    if (t.equals(DataTypes.DateType)) {
      return ValueType.LOCAL_DATE;
    }
    if (t.equals(DataTypes.TimestampType) || t.equals(DataTypes.TimestampNTZType)) {
      return ValueType.LOCAL_DATE_TIME;
    }
    return ValueType.STRING;
  }

  private static byte[] typedPart(byte[] plan, Iterator<Row> rows) {
    PartialProfile part = PartialProfile.fromBytes(plan);
    List<ValueType> types = part.types();
    int width = types.size();
    while (rows.hasNext()) {
      Row row = rows.next();
      for (int c = 0; c < width; c++) {
        if (row.isNullAt(c)) {
          part.missing(c);
          continue;
        }
        Object v = row.get(c);
        switch (types.get(c).kind()) {
          case NUMERIC -> part.number(c, ((Number) v).doubleValue());
          case DATETIME -> part.number(c, epochSeconds(v));
          default -> {
            // text and yes/no go through the file path: missing markers, the same hashes
            char[] chars = String.valueOf(v).toCharArray();
            part.field(c, chars, 0, chars.length);
          }
        }
      }
      part.endRow();
    }
    return part.toBytes();
  }

  private static double epochSeconds(Object value) {
    if (value instanceof LocalDate d) {
      return d.toEpochDay() * 86_400.0;
    }
    if (value instanceof Instant i) {
      return i.getEpochSecond() + i.getNano() / 1e9;
    }
    if (value instanceof LocalDateTime t) {
      return t.toEpochSecond(ZoneOffset.UTC) + t.getNano() / 1e9;
    }
    return Double.NaN;
  }

  /** One part per partition, merged two levels deep on the executors, not all on the driver. */
  private static PartialProfile merge(Dataset<Row> rows, MapPartitionsFunction<Row, byte[]> part) {
    Dataset<byte[]> parts = rows.mapPartitions(part, Encoders.BINARY());
    byte[] whole = parts.javaRDD().treeReduce((a, b) -> PartialProfile.mergeBytes(a, b), 2);
    return PartialProfile.fromBytes(whole);
  }

  private static void requireExists(SparkSession spark, String path) {
    try {
      org.apache.hadoop.fs.Path p = new org.apache.hadoop.fs.Path(path);
      FileSystem fs = p.getFileSystem(spark.sparkContext().hadoopConfiguration());
      FileStatus[] found = fs.globStatus(p);
      if (found == null || found.length == 0) {
        throw new DataInputException(path, "no such file");
      }
      if (found.length == 1 && !found[0].isDirectory() && found[0].getLen() == 0) {
        throw new DataInputException(path, "the file is empty (no header row)");
      }
    } catch (IOException e) {
      throw new DataInputException(path, "cannot read: " + e.getMessage());
    }
  }

  /**
   * A record Spark could not parse, as the streaming profiler's one-line error; Spark tells the
   * record (its raw text when it has it), not its line.
   */
  static RuntimeException malformed(String path, Exception e) {
    String record = null;
    for (Throwable t = e; t != null; t = t.getCause()) {
      String m = String.valueOf(t.getMessage());
      java.util.regex.Matcher raw =
          java.util.regex.Pattern.compile(
                  "Malformed CSV record: (.*?)( SQLSTATE.*)?$", java.util.regex.Pattern.DOTALL)
              .matcher(m);
      java.util.regex.Matcher parsed =
          java.util.regex.Pattern.compile("detected in record parsing: (.*?)\\.\\s").matcher(m);
      if (raw.find()) {
        record = raw.group(1).strip();
      } else if (record == null && parsed.find()) {
        record = parsed.group(1);
      }
    }
    if (record == null) {
      return e instanceof RuntimeException r ? r : new IllegalStateException(e.getMessage(), e);
    }
    record = record.replaceAll("\\s+", " ");
    return new DataInputException(
        path,
        "not valid CSV: a record whose fields do not match the header (Spark tells no line): "
            + (record.length() > 120 ? record.substring(0, 120) + "…" : record));
  }
}
