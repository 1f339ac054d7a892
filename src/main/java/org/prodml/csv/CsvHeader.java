package org.prodml.csv;

import de.siegmar.fastcsv.reader.CsvParseException;
import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import org.prodml.data.DataInputException;

/**
 * A CSV file's column names, from its first record: stripped, without a byte order mark, an empty
 * name replaced by {@code column_N} (N counting from 1), a name that appears twice an error.
 */
public record CsvHeader(List<String> names) {
  public CsvHeader {
    names = List.copyOf(names);
  }

  public int width() {
    return names.size();
  }

  /**
   * Reads the header and hands the first {@code sampleRecords} (at least one) of the records after
   * it, each checked to have the header's width, to {@code sample} (a record object per row: for a
   * sample, not for a whole large file).
   *
   * @throws DataInputException for a file without a header, a ragged row, or a broken quote
   */
  static CsvHeader read(Path file, int sampleRecords, Consumer<List<String>> sample) {
    String name = file.toString();
    List<String> names = null;
    try (CsvReader<CsvRecord> reader = CsvReader.builder().ofCsvRecord(file)) {
      int seen = 0;
      for (CsvRecord record : reader) {
        if (names == null) {
          names = of(name, record.getStartingLineNumber(), record.getFields()).names();
          continue;
        }
        if (record.getFieldCount() != names.size()) {
          throw new DataInputException(
              name,
              record.getStartingLineNumber(),
              null,
              CsvPartParser.rowWidthProblem(record.getFieldCount(), names.size()));
        }
        sample.accept(record.getFields());
        if (++seen >= sampleRecords) {
          break;
        }
      }
    } catch (CsvParseException e) {
      throw new DataInputException(name, "not valid CSV: " + CsvPartParser.rootMessage(e));
    } catch (UncheckedIOException | IOException e) {
      throw new DataInputException(name, "cannot read: " + e.getMessage());
    }
    if (names == null) {
      throw new DataInputException(name, "the file is empty (no header row)");
    }
    return new CsvHeader(names);
  }

  /**
   * The header of these first-record fields (on {@code line} of {@code file}), for a reader that
   * splits records itself (a Spark job).
   *
   * @throws DataInputException for a name that appears twice
   */
  public static CsvHeader of(String file, long line, List<String> fields) {
    List<String> names = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < fields.size(); i++) {
      String n = fields.get(i) == null ? "" : fields.get(i).strip();
      if (i == 0 && n.startsWith("\uFEFF")) {
        n = n.substring(1);
      }
      if (n.isEmpty()) {
        n = "column_" + (i + 1);
      }
      if (!seen.add(n)) {
        throw new DataInputException(file, line, n, "appears twice in the header");
      }
      names.add(n);
    }
    return new CsvHeader(names);
  }
}
