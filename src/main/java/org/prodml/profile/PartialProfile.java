package org.prodml.profile;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInput;
import java.io.DataInputStream;
import java.io.DataOutput;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.prodml.data.ValueType;

/**
 * The mergeable profile of one part of a dataset, and its byte format: what an engine that reads
 * the data elsewhere (one Spark partition, one machine) builds from the rows it sees, writes as
 * bytes, and merges with the other parts into the profile of the whole. It is the streaming
 * profiler's own state ({@code DatasetAccumulator}): the same parsing of each field, the same exact
 * stages and sketches, the same hashes, so the same rows give the same profile whatever engine read
 * them and however they were cut into parts (up to the sketches' stated error once a column
 * outgrows its exact stage).
 *
 * <p><b>Byte format</b> (big-endian, {@link DataOutput}): a magic number and version; the plan
 * (column names and types, label, group and time columns, missing markers); then the rows, each
 * column's counts, moments and values (kept values, a value → count table, or the KLL, HLL and
 * frequent-items sketches' own {@code toByteArray} bytes), the associations with the label, the
 * duplicate-row table, the row sample and the group column's Theta sketch bytes.
 */
public final class PartialProfile {
  private static final int MAGIC = 0x504d4c50; // "PMLP"
  private static final int VERSION = 1;

  private final ProfileOptions options;
  private final List<String> names;
  private final List<ValueType> types;
  private final DatasetAccumulator acc;
  private final ColumnAccumulator[] columns;

  private PartialProfile(List<String> names, List<ValueType> types, ProfileOptions options) {
    this.names = List.copyOf(names);
    this.types = List.copyOf(types);
    this.options = options;
    this.acc = new DatasetAccumulator(names, types, options);
    this.columns = acc.columns;
  }

  /**
   * An empty part of a dataset of these columns and types; the options give the label, group and
   * time columns and the missing markers.
   */
  public static PartialProfile start(
      List<String> names, List<ValueType> types, ProfileOptions options) {
    if (names.size() != types.size()) {
      throw new IllegalArgumentException(names.size() + " names but " + types.size() + " types");
    }
    return new PartialProfile(names, types, options);
  }

  /**
   * The column types of a dataset, as the streaming profiler finds them: declared in the options,
   * or else inferred from the first rows ({@code sample}: the rows after the header, each of the
   * header's width); checks that the options' columns exist.
   *
   * @throws org.prodml.data.DataInputException naming {@code file} for an unknown column
   */
  public static List<ValueType> types(
      String file, List<String> names, List<List<String>> sample, ProfileOptions options) {
    CsvProfiler.TypeSample types = new CsvProfiler.TypeSample(options);
    for (List<String> row : sample) {
      types.accept(row);
    }
    return CsvProfiler.types(file, names, types, options);
  }

  public List<String> names() {
    return names;
  }

  public List<ValueType> types() {
    return types;
  }

  /**
   * One field of the current row as the characters of a text file: missing markers, numbers, times
   * and invalid values are read exactly as the streaming CSV profiler reads them.
   */
  public void field(int column, char[] chars, int offset, int length) {
    columns[column].acceptText(chars, offset, length, -1);
  }

  /** A missing value (a null of a typed source). */
  public void missing(int column) {
    columns[column].acceptMissing();
  }

  /**
   * A number of a typed source (for a time column, seconds since the epoch, UTC); NaN counts as
   * NaN.
   */
  public void number(int column, double value) {
    columns[column].acceptNumber(value);
  }

  /** Called after every column of the row has taken its value. */
  public void endRow() {
    acc.endRow();
  }

  public long rows() {
    return acc.rows;
  }

  /** Adds another part of the same dataset (the same plan). */
  public void merge(PartialProfile other) {
    if (!names.equals(other.names) || !types.equals(other.types)) {
      throw new IllegalArgumentException("parts of different datasets: " + names + other.names);
    }
    acc.merge(other.acc);
  }

  /** The profile of the rows taken and merged so far. */
  public DatasetProfile toProfile(String source) {
    return acc.toProfile(source, options);
  }

  public byte[] toBytes() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(1 << 16);
    try (DataOutputStream out = new DataOutputStream(bytes)) {
      out.writeInt(MAGIC);
      out.writeInt(VERSION);
      out.writeInt(names.size());
      for (int i = 0; i < names.size(); i++) {
        writeString(out, names.get(i));
        writeString(out, types.get(i).name());
      }
      writeString(out, options.label());
      writeString(out, options.group());
      writeString(out, options.time());
      out.writeInt(options.missingMarkers().size());
      for (String marker : options.missingMarkers()) {
        writeString(out, marker);
      }
      acc.write(out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bytes.toByteArray();
  }

  /**
   * Reads the bytes {@link #toBytes} wrote.
   *
   * @throws IllegalArgumentException when they are not a partial profile of this version
   */
  public static PartialProfile fromBytes(byte[] bytes) {
    try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes))) {
      if (in.readInt() != MAGIC) {
        throw new IllegalArgumentException("not a partial profile (wrong magic number)");
      }
      int version = in.readInt();
      if (version != VERSION) {
        throw new IllegalArgumentException(
            "a partial profile of format " + version + "; this version reads " + VERSION);
      }
      int width = in.readInt();
      List<String> names = new ArrayList<>();
      List<ValueType> types = new ArrayList<>();
      Map<String, ValueType> declared = new LinkedHashMap<>();
      for (int i = 0; i < width; i++) {
        names.add(readString(in));
        types.add(ValueType.valueOf(readString(in)));
        declared.put(names.get(i), types.get(i));
      }
      String label = readString(in);
      String group = readString(in);
      String time = readString(in);
      int markers = in.readInt();
      Set<String> missing = new LinkedHashSet<>();
      for (int i = 0; i < markers; i++) {
        missing.add(readString(in));
      }
      ProfileOptions options =
          new ProfileOptions(
              label, group, time, declared, missing, 1, ProfileOptions.DEFAULT_SAMPLE_ROWS);
      PartialProfile part = new PartialProfile(names, types, options);
      part.acc.read(in);
      return part;
    } catch (IOException e) {
      throw new IllegalArgumentException("not a whole partial profile: " + e.getMessage(), e);
    }
  }

  /** Merges two parts' bytes into the bytes of both (for a tree merge that moves only bytes). */
  public static byte[] mergeBytes(byte[] a, byte[] b) {
    PartialProfile whole = fromBytes(a);
    whole.merge(fromBytes(b));
    return whole.toBytes();
  }

  static void writeBytes(DataOutput out, byte[] bytes) throws IOException {
    out.writeInt(bytes.length);
    out.write(bytes);
  }

  static byte[] readBytes(DataInput in) throws IOException {
    byte[] bytes = new byte[in.readInt()];
    in.readFully(bytes);
    return bytes;
  }

  /** A string of any length, or null, as UTF-8 bytes after their count (-1 for null). */
  static void writeString(DataOutput out, String s) throws IOException {
    if (s == null) {
      out.writeInt(-1);
      return;
    }
    writeBytes(out, s.getBytes(StandardCharsets.UTF_8));
  }

  static String readString(DataInput in) throws IOException {
    int length = in.readInt();
    if (length < 0) {
      return null;
    }
    byte[] bytes = new byte[length];
    in.readFully(bytes);
    return new String(bytes, StandardCharsets.UTF_8);
  }
}
