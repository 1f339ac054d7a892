package org.prodml.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.prodml.data.DataInputException;
import org.prodml.data.DatasetSpec;
import org.prodml.data.ValueType;
import org.prodml.profile.ColumnProfile;
import org.prodml.profile.CsvProfiler;
import org.prodml.profile.DatasetProfile;
import org.prodml.profile.FlawedCsv;
import org.prodml.profile.ProfileEquality;
import org.prodml.profile.ProfileOptions;

/**
 * The Spark profile (local[2], files cut into 8 KB partitions) is the streaming profile: exactly in
 * rows, count, missing, NaN/Inf, invalid, min, max, type, exact distinct counts and the row sample;
 * within the sketches' stated error in estimated distinct counts and quantiles ({@link
 * ProfileEquality}). Parquet gives the profile of its CSV; bad input gives the same one-line
 * errors.
 */
class SparkProfilerTest {
  static final Path HOME = Path.of(System.getProperty("prodml.home", "."));
  final SparkSession spark = SparkTestSession.get();

  @TempDir Path dir;

  DatasetProfile onSpark(Path file, ProfileOptions options) {
    return SparkProfiler.profile(spark, file.toString(), options, false).toProfile(file.toString());
  }

  static ProfileOptions optionsOf(Path file) {
    DatasetSpec spec = DatasetSpec.forDataFile(file).orElseThrow();
    return ProfileOptions.defaults()
        .withLabel(spec.label())
        .withTime(spec.time())
        .withGroup(spec.group())
        .withTypes(spec.types());
  }

  @ParameterizedTest
  @ValueSource(strings = {"seattle-weather", "penguins", "cars", "flights-20k"})
  void aShippedDatasetHasTheStreamingProfile(String name) {
    Path file = HOME.resolve("datasets").resolve(name).resolve("data.csv");
    ProfileOptions options = optionsOf(file);
    DatasetProfile streamed = CsvProfiler.profile(file, options);
    DatasetProfile sparked = onSpark(file, options);
    assertTrue(
        spark.read().text(file.toString()).javaRDD().getNumPartitions() > 1, "several parts");
    ProfileEquality.assertSameProfile(streamed, sparked);
  }

  @Test
  void aFlawedFileHasTheStreamingProfile() throws Exception {
    Path file = FlawedCsv.write(dir, 150_000);
    spark.conf().set("spark.sql.files.maxPartitionBytes", "1m");
    try {
      ProfileOptions options = ProfileOptions.defaults().withLabel("label");
      DatasetProfile streamed = CsvProfiler.profile(file, options);
      DatasetProfile sparked = onSpark(file, options);
      ProfileEquality.assertSameProfile(streamed, sparked);
      ColumnProfile x = sparked.columns().get(1);
      assertTrue(x.missing() > 0 && x.nan() > 0 && x.inf() > 0 && x.invalid() > 0, x.toString());
      assertTrue(sparked.duplicateRows() > 1000, "planted duplicates: " + sparked.duplicateRows());
      assertTrue(sparked.columns().get(0).distinct() > 100_000, "ids are counted by the sketch");
    } finally {
      spark.conf().set("spark.sql.files.maxPartitionBytes", "8k");
    }
  }

  @Test
  void parquetHasTheProfileOfItsCsv() {
    Path csv = HOME.resolve("datasets/seattle-weather/data.csv");
    ProfileOptions options = optionsOf(csv);
    DatasetProfile fromCsv = onSpark(csv, options);
    Dataset<Row> text = spark.read().option("header", "true").csv(csv.toString());
    Column[] typed =
        fromCsv.columns().stream()
            .map(c -> functions.col(c.name()).cast(sparkType(c.type())).as(c.name()))
            .toArray(Column[]::new);
    Path parquet = dir.resolve("weather.parquet");
    text.select(typed).repartition(3).write().parquet(parquet.toString());
    DatasetProfile fromParquet = onSpark(parquet, options);
    // a Parquet file's rows come in the order of its parts, not the CSV's: what is counted is equal
    ProfileEquality.assertSameProfile(fromCsv, fromParquet);
    assertEquals(
        Map.of("date", ValueType.LOCAL_DATE, "weather", ValueType.STRING),
        Map.of(
            "date", fromParquet.columns().get(0).type(),
            "weather", fromParquet.columns().get(5).type()));
  }

  private static String sparkType(ValueType t) {
    return switch (t) {
      case INTEGER -> "int";
      case LONG -> "bigint";
      case DOUBLE -> "double";
      case BOOLEAN -> "boolean";
      case LOCAL_DATE -> "date";
      case LOCAL_DATE_TIME -> "timestamp";
      case STRING -> "string";
    };
  }

  @Test
  void aMissingFileIsTheSameOneLineError() {
    Path missing = dir.resolve("nope.csv");
    DataInputException e =
        assertThrows(
            DataInputException.class,
            () ->
                SparkProfiler.profile(spark, missing.toString(), ProfileOptions.defaults(), false));
    assertEquals(missing + ": no such file", e.getMessage());
  }

  @Test
  void anUnknownColumnIsTheSameOneLineError() {
    Path file = HOME.resolve("datasets/penguins/data.csv");
    ProfileOptions options = ProfileOptions.defaults().withLabel("species");
    String streamed =
        assertThrows(DataInputException.class, () -> CsvProfiler.profile(file, options))
            .getMessage();
    String sparked =
        assertThrows(
                DataInputException.class,
                () -> SparkProfiler.profile(spark, file.toString(), options, false))
            .getMessage();
    assertEquals(streamed, sparked);
    assertEquals(1, sparked.lines().count());
  }

  @Test
  void optionalRolesTheDataLacksAreDropped() {
    Path file = HOME.resolve("datasets/penguins/data.csv");
    ProfileOptions options = ProfileOptions.defaults().withLabel("species").withTime(null);
    DatasetProfile sparked =
        SparkProfiler.profile(spark, file.toString(), options, true).toProfile(file.toString());
    assertEquals(null, sparked.label());
    assertEquals(CsvProfiler.profile(file, ProfileOptions.defaults()).rows(), sparked.rows());
  }

  @Test
  void aRaggedRowIsANotValidCsvError() throws Exception {
    Path file = dir.resolve("ragged.csv");
    StringBuilder s = new StringBuilder("a,b,c\n");
    for (int i = 0; i < 20_000; i++) {
      s.append(i).append(",x,").append(i % 7).append('\n');
    }
    s.append("1,2\n"); // past the type sample: found while profiling, in a later partition
    Files.writeString(file, s);
    DataInputException e =
        assertThrows(
            DataInputException.class,
            () -> SparkProfiler.profile(spark, file.toString(), ProfileOptions.defaults(), false));
    assertTrue(e.getMessage().startsWith(file + ": not valid CSV"), e.getMessage());
    assertEquals(1, e.getMessage().lines().count(), e.getMessage());
  }
}
