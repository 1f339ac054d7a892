package org.prodml.profile;

import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.prodml.data.DataInputException;
import org.prodml.data.DataLoader;
import org.prodml.data.DatasetSpec;
import org.prodml.data.ValueType;

/**
 * Profiles a data file of any supported format: CSV streams through {@link CsvProfiler}; JSON
 * records (small by nature) load into a table first. Column types declared in a dataset.json beside
 * the file are used unless the options declare others.
 */
public final class DataFiles {
  private DataFiles() {}

  /**
   * @param strictRoles when false, a label, time or group column the file lacks is dropped from the
   *     options instead of being an error (serving data has no label)
   */
  public static DatasetProfile profile(Path file, ProfileOptions options, boolean strictRoles) {
    return profile(file, options, strictRoles, ProfileEngine.STREAMING);
  }

  /**
   * Profiles a data file with an engine: the streaming one here, or Spark (a CSV or Parquet file,
   * in a JVM of Spark's own: see {@link #profile(String, ProfileOptions, boolean, ProfileEngine)}).
   */
  public static DatasetProfile profile(
      Path file, ProfileOptions options, boolean strictRoles, ProfileEngine engine) {
    if (engine.isSpark()) {
      return profile(file.toString(), options, strictRoles, engine);
    }
    Map<String, ValueType> types = new LinkedHashMap<>();
    DatasetSpec.forDataFile(file).ifPresent(spec -> types.putAll(spec.types()));
    types.putAll(options.types());
    boolean json = file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".json");
    List<String> columns = columns(file);
    types.keySet().retainAll(columns);
    ProfileOptions effective = options.withTypes(types);
    if (!strictRoles) {
      effective =
          effective
              .withLabel(columns.contains(options.label()) ? options.label() : null)
              .withTime(columns.contains(options.time()) ? options.time() : null)
              .withGroup(columns.contains(options.group()) ? options.group() : null);
    }
    if (json) {
      var table = DataLoader.load(file, types);
      table.setName(file.toString());
      return TableProfiler.profile(table, effective);
    }
    return CsvProfiler.profile(file, effective);
  }

  /**
   * Profiles data at a location the engine reads: with Spark, a local path or any URI its Hadoop
   * file systems read (hdfs://, s3a://, …), a file, a folder of parts or a glob, CSV or Parquet (a
   * name ending in .parquet); with the streaming engine, a local file. Column types declared in a
   * dataset.json beside a local file are used unless the options declare others.
   */
  public static DatasetProfile profile(
      String location, ProfileOptions options, boolean strictRoles, ProfileEngine engine) {
    if (!engine.isSpark()) {
      return profile(Path.of(location), options, strictRoles);
    }
    Map<String, ValueType> types = new LinkedHashMap<>();
    if (!location.contains("://")) {
      DatasetSpec.forDataFile(Path.of(location)).ifPresent(spec -> types.putAll(spec.types()));
    }
    types.putAll(options.types());
    return SparkProfileJob.profile(
        location, options.withTypes(types), !strictRoles, engine.master());
  }

  /**
   * The columns of a data file of any supported format: a CSV file's header, a JSON file's record
   * keys.
   */
  public static List<String> columns(Path file) {
    boolean json = file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".json");
    return json ? DataLoader.load(file).columnNames() : header(file);
  }

  /** The header row of a CSV file. */
  public static List<String> header(Path file) {
    DataLoader.requireReadable(file);
    try (CsvReader<CsvRecord> reader = CsvReader.builder().ofCsvRecord(file)) {
      for (CsvRecord record : reader) {
        List<String> names = new ArrayList<>();
        for (String f : record.getFields()) {
          names.add(f.strip().replace("\uFEFF", ""));
        }
        return names;
      }
    } catch (IOException | UncheckedIOException e) {
      throw new DataInputException(file.toString(), "cannot read: " + e.getMessage());
    } catch (de.siegmar.fastcsv.reader.CsvParseException e) {
      throw new DataInputException(file.toString(), "not valid CSV: " + e.getMessage());
    }
    throw new DataInputException(file.toString(), "the file is empty (no header row)");
  }
}
