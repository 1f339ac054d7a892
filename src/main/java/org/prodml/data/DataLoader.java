package org.prodml.data;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import de.siegmar.fastcsv.reader.CsvParseException;
import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import tech.tablesaw.api.BooleanColumn;
import tech.tablesaw.api.DateColumn;
import tech.tablesaw.api.DateTimeColumn;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.LongColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/**
 * Loads a CSV or JSON (an array of records) file into a Tablesaw table with declared or inferred
 * column types. Types come from, in order: the caller, the {@code dataset.json} beside the file,
 * inference over the first rows. A value that does not parse as its column's type is an error
 * naming the line and column, not a silent missing value. The file is only read.
 */
public final class DataLoader {
  static final int SAMPLE_ROWS = 10_000;

  static {
    TablesawStartup.load();
  }

  private static final ObjectMapper JSON = new ObjectMapper();

  private DataLoader() {}

  /** Loads the file with types from its dataset.json (if any) or inferred. */
  public static Table load(Path file) {
    return load(file, Map.of());
  }

  /** Loads the file; {@code types} overrides the type of the columns it names. */
  public static Table load(Path file, Map<String, ValueType> types) {
    requireReadable(file);
    Map<String, ValueType> declared = new LinkedHashMap<>();
    DatasetSpec.forDataFile(file).ifPresent(spec -> declared.putAll(spec.types()));
    declared.putAll(types);
    String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
    Table table =
        name.endsWith(".json")
            ? readJson(file, declared, types.keySet())
            : readCsv(file, declared, types.keySet());
    table.setName(file.getFileName().toString());
    return table;
  }

  /**
   * The first rows of the file, to show a file without loading it all: read with the same parser
   * and types as {@link #load} (types not declared are inferred from these rows). Should these rows
   * not parse as the declared types, they are shown as written. Only the first {@code columns}
   * columns are kept (building a table is quadratic in its columns: Tablesaw checks each new one
   * against all before it).
   */
  public static Table head(Path file, int rows, int columns, Map<String, ValueType> types) {
    requireReadable(file);
    String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
    if (name.endsWith(".json")) {
      Table all = load(file, types);
      Table first = all.first(Math.min(rows, all.rowCount()));
      return first.columnCount() <= columns
          ? first
          : first.selectColumns(first.columnNames().subList(0, columns).toArray(String[]::new));
    }
    Map<String, ValueType> declared = new LinkedHashMap<>();
    DatasetSpec.forDataFile(file).ifPresent(spec -> declared.putAll(spec.types()));
    declared.putAll(types);
    Table table;
    try {
      table = readCsv(file, rows, columns, false, declared, Set.of());
    } catch (DataInputException e) {
      table = readCsv(file, rows, columns, true, Map.of(), Set.of());
    }
    table.setName(file.getFileName().toString());
    return table;
  }

  public static void requireReadable(Path file) {
    if (!Files.exists(file)) {
      throw new DataInputException(file.toString(), "no such file");
    }
    if (Files.isDirectory(file)) {
      throw new DataInputException(file.toString(), "is a folder, not a data file");
    }
    if (!Files.isRegularFile(file)) {
      throw new DataInputException(
          file.toString(), "is not a regular file (a pipe, socket or device); give a data file");
    }
    try {
      if (Files.size(file) == 0) {
        throw new DataInputException(file.toString(), "the file is empty");
      }
    } catch (IOException e) {
      throw new DataInputException(file.toString(), "cannot read: " + e.getMessage());
    }
  }

  private static Table readCsv(Path file, Map<String, ValueType> declared, Set<String> required) {
    return readCsv(file, Integer.MAX_VALUE, Integer.MAX_VALUE, false, declared, required);
  }

  /** The first {@code limit} rows of the first {@code columns} columns. */
  private static Table readCsv(
      Path file,
      int limit,
      int columns,
      boolean asText,
      Map<String, ValueType> declared,
      Set<String> required) {
    String name = file.toString();
    List<String> header = null;
    List<String[]> rows = new ArrayList<>();
    List<Long> lines = new ArrayList<>();
    try (CsvReader<CsvRecord> reader = CsvReader.builder().skipEmptyLines(true).ofCsvRecord(file)) {
      for (CsvRecord record : reader) {
        if (header == null) {
          header = new ArrayList<>();
          for (String field : record.getFields()) {
            header.add(field.strip().replace("\uFEFF", ""));
          }
          continue;
        }
        if (record.getFieldCount() != header.size()) {
          throw new DataInputException(
              name,
              record.getStartingLineNumber(),
              null,
              "row has " + record.getFieldCount() + " fields but the header has " + header.size());
        }
        rows.add(record.getFields().toArray(String[]::new));
        lines.add(record.getStartingLineNumber());
        if (rows.size() >= limit) {
          break;
        }
      }
    } catch (CsvParseException e) {
      throw new DataInputException(name, "not valid CSV: " + e.getMessage());
    } catch (IOException | UncheckedIOException e) {
      throw new DataInputException(name, "cannot read: " + e.getMessage());
    }
    if (header == null) {
      throw new DataInputException(name, "the file is empty");
    }
    if (header.size() > columns) {
      header = header.subList(0, columns);
    }
    if (asText) {
      Map<String, ValueType> text = new LinkedHashMap<>();
      header.forEach(h -> text.put(h, ValueType.STRING));
      return build(name, header, rows, lines, text, required);
    }
    return build(name, header, rows, lines, declared, required);
  }

  private static Table readJson(Path file, Map<String, ValueType> declared, Set<String> required) {
    String name = file.toString();
    Set<String> header = new LinkedHashSet<>();
    List<Map<String, String>> records = new ArrayList<>();
    List<Long> lines = new ArrayList<>();
    try (JsonParser parser = JSON.getFactory().createParser(file.toFile())) {
      if (parser.nextToken() != JsonToken.START_ARRAY) {
        throw new DataInputException(
            name, parser.currentLocation().getLineNr(), null, "expected a JSON array of records");
      }
      while (parser.nextToken() == JsonToken.START_OBJECT) {
        long line = parser.currentLocation().getLineNr();
        JsonNode node = JSON.readTree(parser);
        Map<String, String> record = new LinkedHashMap<>();
        Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
        while (fields.hasNext()) {
          Map.Entry<String, JsonNode> f = fields.next();
          header.add(f.getKey());
          JsonNode v = f.getValue();
          if (v.isContainerNode()) {
            throw new DataInputException(
                name,
                line,
                f.getKey(),
                "nested values are not supported; flatten the records first");
          }
          record.put(f.getKey(), v.isNull() ? "" : v.asText());
        }
        records.add(record);
        lines.add(line);
      }
      if (parser.currentToken() != JsonToken.END_ARRAY) {
        throw new DataInputException(
            name, parser.currentLocation().getLineNr(), null, "expected a record (a JSON object)");
      }
      if (parser.nextToken() != null) {
        throw new DataInputException(
            name,
            parser.currentLocation().getLineNr(),
            null,
            "text after the array of records; a JSON data file holds one array and nothing else");
      }
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new DataInputException(
          name,
          e.getLocation() == null ? -1 : e.getLocation().getLineNr(),
          null,
          "not valid JSON: " + e.getOriginalMessage());
    } catch (IOException e) {
      throw new DataInputException(name, "cannot read: " + e.getMessage());
    }
    List<String> names = new ArrayList<>(header);
    List<String[]> rows = new ArrayList<>();
    for (Map<String, String> r : records) {
      String[] row = new String[names.size()];
      for (int i = 0; i < row.length; i++) {
        row[i] = r.getOrDefault(names.get(i), "");
      }
      rows.add(row);
    }
    return build(name, names, rows, lines, declared, required);
  }

  private static Table build(
      String file,
      List<String> header,
      List<String[]> rows,
      List<Long> lines,
      Map<String, ValueType> declared,
      Set<String> required) {
    for (String column : required) {
      if (!header.contains(column)) {
        throw new DataInputException(
            file, -1, column, "no such column; the file has " + String.join(", ", header));
      }
    }
    Table table = Table.create(file);
    for (int c = 0; c < header.size(); c++) {
      String column = header.get(c);
      ValueType type = declared.containsKey(column) ? declared.get(column) : infer(rows, c);
      boolean inferred = !declared.containsKey(column);
      table.addColumns(column(file, column, type, inferred, rows, lines, c));
    }
    return table;
  }

  private static ValueType infer(List<String[]> rows, int c) {
    List<String> sample = new ArrayList<>();
    for (int i = 0; i < Math.min(rows.size(), SAMPLE_ROWS); i++) {
      sample.add(rows.get(i)[c]);
    }
    return Values.inferType(sample, Values.DEFAULT_MISSING);
  }

  private static Column<?> column(
      String file,
      String name,
      ValueType type,
      boolean inferred,
      List<String[]> rows,
      List<Long> lines,
      int c) {
    Column<?> column =
        switch (type) {
          case BOOLEAN -> BooleanColumn.create(name);
          case INTEGER -> IntColumn.create(name);
          case LONG -> LongColumn.create(name);
          case DOUBLE -> DoubleColumn.create(name);
          case LOCAL_DATE -> DateColumn.create(name);
          case LOCAL_DATE_TIME -> DateTimeColumn.create(name);
          case STRING -> StringColumn.create(name);
        };
    for (int r = 0; r < rows.size(); r++) {
      String raw = rows.get(r)[c];
      if (Values.DEFAULT_MISSING.contains(raw) && type != ValueType.STRING || raw.isEmpty()) {
        column.appendMissing();
        continue;
      }
      char[] b = raw.toCharArray();
      try {
        switch (type) {
          case BOOLEAN ->
              ((BooleanColumn) column).append(check(Values.parseBoolean(b, 0, b.length)) == 1);
          case INTEGER ->
              ((IntColumn) column)
                  .append(Math.toIntExact((long) checkWhole(Values.parseDouble(b, 0, b.length))));
          case LONG ->
              ((LongColumn) column).append((long) checkWhole(Values.parseDouble(b, 0, b.length)));
          case DOUBLE ->
              ((DoubleColumn) column)
                  .append(
                      Values.isNaNText(b, 0, b.length)
                          ? Double.NaN
                          : check(Values.parseDouble(b, 0, b.length)));
          case LOCAL_DATE -> ((DateColumn) column).append(time(b).toLocalDate());
          case LOCAL_DATE_TIME -> ((DateTimeColumn) column).append(time(b));
          case STRING -> ((StringColumn) column).append(raw);
        }
      } catch (ArithmeticException | IllegalArgumentException e) {
        throw new DataInputException(
            file,
            lines.get(r),
            name,
            "value '"
                + abbreviate(raw)
                + "' is not "
                + type
                + (inferred
                    ? " (type inferred from the first rows; declare it, e.g. --types "
                        + name
                        + "=STRING)"
                    : ""));
      }
    }
    return column;
  }

  private static double check(double v) {
    if (Double.isNaN(v)) {
      throw new IllegalArgumentException();
    }
    return v;
  }

  private static double checkWhole(double v) {
    if (Double.isNaN(v) || Double.isInfinite(v) || v != Math.rint(v)) {
      throw new IllegalArgumentException();
    }
    return v;
  }

  private static LocalDateTime time(char[] b) {
    double seconds = check(Values.parseEpochSeconds(b, 0, b.length));
    return LocalDateTime.ofEpochSecond((long) seconds, 0, ZoneOffset.UTC);
  }

  private static String abbreviate(String s) {
    return s.length() > 40 ? s.substring(0, 40) + "…" : s;
  }
}
