package org.prodml.profile;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.LongConsumer;
import org.prodml.csv.CsvFieldHandler;
import org.prodml.csv.CsvFile;
import org.prodml.csv.CsvHeader;
import org.prodml.csv.CsvPart;
import org.prodml.data.DataInputException;
import org.prodml.data.TypeInference;
import org.prodml.data.ValueType;

/**
 * Profiles a CSV file in one streaming pass with bounded memory: the file is never loaded as a
 * table. {@link CsvFile} reads it, in parts on several threads when it is large, and hands each
 * field to the column accumulators as a char range (no String per number); the parts' accumulators
 * merge into the profile of the whole file. The file is only read.
 */
public final class CsvProfiler {
  /**
   * A column is typed as, say, DOUBLE when 99% of its sample values are numbers; the rest count as
   * invalid values, which a validation rule reports, instead of turning it into text.
   */
  static final double TYPE_SHARE = 0.99;

  private CsvProfiler() {}

  public static DatasetProfile profile(Path file, ProfileOptions options) {
    return profile(file, options, rows -> {});
  }

  /**
   * Profiles the file; {@code progress} receives the bytes read so far (for progress bars).
   *
   * @throws DataInputException for a missing or empty file, a ragged row, a broken quote, or an
   *     option naming a column the header does not have
   */
  public static DatasetProfile profile(Path file, ProfileOptions options, LongConsumer progress) {
    CsvFile csv = CsvFile.of(file);
    TypeSample sample = new TypeSample(options);
    CsvHeader header = csv.readHeader(options.sampleRows(), sample::accept);
    List<String> names = header.names();
    List<ValueType> types = types(file.toString(), names, sample, options);
    List<CsvPart<Profiling>> parts =
        csv.read(
            options.threads(),
            header.width(),
            () -> new Profiling(new DatasetAccumulator(names, types, options)),
            progress);
    DatasetAccumulator whole = null;
    for (CsvPart<Profiling> part : parts) {
      DatasetAccumulator acc = part.handler().acc;
      acc.shiftLines(part.linesBefore());
      if (whole == null) {
        whole = acc;
      } else {
        whole.merge(acc);
      }
    }
    return whole.toProfile(file.toString(), options);
  }

  /**
   * Declared types, or else the types inferred from the sample rows; checks the options' columns.
   */
  private static List<ValueType> types(
      String file, List<String> names, TypeSample sample, ProfileOptions options) {
    for (String role : new String[] {options.label(), options.group(), options.time()}) {
      requireColumn(file, names, role);
    }
    for (String declared : options.types().keySet()) {
      requireColumn(file, names, declared);
    }
    List<ValueType> types = new ArrayList<>();
    for (int i = 0; i < names.size(); i++) {
      ValueType declared = options.types().get(names.get(i));
      types.add(declared != null ? declared : sample.type(i));
    }
    return types;
  }

  /** Infers column types from the first rows after the header. */
  private static final class TypeSample {
    private final ProfileOptions options;
    private final List<TypeInference> columns = new ArrayList<>();

    TypeSample(ProfileOptions options) {
      this.options = options;
    }

    /** Takes one row; every row has the header's width. */
    void accept(List<String> fields) {
      for (int i = columns.size(); i < fields.size(); i++) {
        columns.add(new TypeInference(options.missingMarkers(), TYPE_SHARE));
      }
      for (int i = 0; i < fields.size(); i++) {
        columns.get(i).accept(fields.get(i));
      }
    }

    /** The inferred type of column i (what an empty sample gives when the file has no rows). */
    ValueType type(int column) {
      return column < columns.size()
          ? columns.get(column).result()
          : new TypeInference(options.missingMarkers(), TYPE_SHARE).result();
    }
  }

  static void requireColumn(String file, List<String> names, String column) {
    if (column != null && !names.contains(column)) {
      throw new DataInputException(
          file, -1, column, "no such column; the header has " + String.join(", ", names));
    }
  }

  /** Feeds one part's fields straight into its column accumulators. */
  private static final class Profiling implements CsvFieldHandler {
    final DatasetAccumulator acc;
    private final ColumnAccumulator[] columns;

    Profiling(DatasetAccumulator acc) {
      this.acc = acc;
      this.columns = acc.columns;
    }

    @Override
    public void field(int column, char[] chars, int offset, int length, long line) {
      columns[column].acceptText(chars, offset, length, line);
    }

    @Override
    public void endRecord() {
      acc.endRow();
    }

    @Override
    public void emptyLine() {
      // no record, nothing to count
    }
  }
}
