package org.prodml.data;

import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import de.siegmar.fastcsv.writer.CsvWriter;
import de.siegmar.fastcsv.writer.LineDelimiter;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;
import org.prodml.io.AtomicFiles;
import org.prodml.text.Format;

/**
 * Damages a copy of a CSV file the way production data breaks: values go missing, a unit changes
 * upstream, a new category appears, a column leaks the label, a NaN slips in. Seeded, so the same
 * damage comes out every time; the source file is only read. Teachers use it to plant flaws in
 * scenario data, and tests use it to show each flaw is found.
 */
public final class CsvDamage {
  private final List<String> header;
  private final List<String[]> rows;
  private final Random random;

  private CsvDamage(List<String> header, List<String[]> rows, long seed) {
    this.header = new ArrayList<>(header);
    this.rows = rows;
    this.random = new Random(seed);
  }

  public static CsvDamage of(Path csv, long seed) {
    List<String> header = null;
    List<String[]> rows = new ArrayList<>();
    try (CsvReader<CsvRecord> reader = CsvReader.builder().ofCsvRecord(csv)) {
      for (CsvRecord r : reader) {
        if (header == null) {
          header = r.getFields();
        } else {
          rows.add(r.getFields().toArray(String[]::new));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    if (header == null) {
      throw new DataInputException(csv.toString(), "the file is empty");
    }
    return new CsvDamage(header, rows, seed);
  }

  private int index(String column) {
    int i = header.indexOf(column);
    if (i < 0) {
      throw new DataInputException(
          "damage", -1, column, "no such column; the data has " + String.join(", ", header));
    }
    return i;
  }

  /** Blanks the given share of the column's values, at random rows. */
  public CsvDamage blank(String column, double share) {
    int c = index(column);
    for (String[] row : rows) {
      if (random.nextDouble() < share) {
        row[c] = "";
      }
    }
    return this;
  }

  /** Rewrites every numeric value of the column: a unit change upstream (°C → °F is 1.8x + 32). */
  public CsvDamage rescale(String column, double factor, double offset) {
    return map(
        column,
        v -> {
          try {
            return Format.number(Double.parseDouble(v) * factor + offset);
          } catch (NumberFormatException e) {
            return v;
          }
        });
  }

  /** Replaces the given share of the column's values with a value the data never had. */
  public CsvDamage inject(String column, String value, double share) {
    int c = index(column);
    for (String[] row : rows) {
      if (random.nextDouble() < share) {
        row[c] = value;
      }
    }
    return this;
  }

  /**
   * Adds a column copied from another (a label leaked into a feature), agreeing on the given share.
   */
  public CsvDamage leak(String from, String newColumn, double agreement) {
    int c = index(from);
    List<String> values = rows.stream().map(r -> r[c]).distinct().toList();
    header.add(newColumn);
    for (int i = 0; i < rows.size(); i++) {
      String[] row = rows.get(i);
      String value =
          random.nextDouble() < agreement ? row[c] : values.get(random.nextInt(values.size()));
      String[] longer = java.util.Arrays.copyOf(row, row.length + 1);
      longer[row.length] = value;
      rows.set(i, longer);
    }
    return this;
  }

  /** Applies a function to every value of the column. */
  public CsvDamage map(String column, UnaryOperator<String> f) {
    int c = index(column);
    for (String[] row : rows) {
      if (!row[c].isEmpty()) {
        row[c] = f.apply(row[c]);
      }
    }
    return this;
  }

  /** Removes a column (an upstream source stopped sending it). */
  public CsvDamage drop(String column) {
    int c = index(column);
    header.remove(c);
    for (int i = 0; i < rows.size(); i++) {
      String[] row = rows.get(i);
      String[] shorter = new String[row.length - 1];
      System.arraycopy(row, 0, shorter, 0, c);
      System.arraycopy(row, c + 1, shorter, c, row.length - c - 1);
      rows.set(i, shorter);
    }
    return this;
  }

  /** Writes the damaged copy (atomically: a temporary file, then a rename). */
  public Path write(Path target) {
    AtomicFiles.write(target, csv());
    return target;
  }

  // Operations for scenario data: rows are read through a Row view by column name, and every
  // random draw comes from this copy's seeded generator, in row order, so a scenario is the same
  // bytes on every run.

  /** One row of the copy, read by column name; {@link #previous()} is the row above it. */
  public final class Row {
    private final int index;

    private Row(int index) {
      this.index = index;
    }

    /** The row's position, from 0. */
    public int index() {
      return index;
    }

    public String get(String column) {
      return rows.get(index)[CsvDamage.this.index(column)];
    }

    /** The value as a number; NaN when it is blank or not a number. */
    public double number(String column) {
      try {
        return Double.parseDouble(get(column));
      } catch (NumberFormatException e) {
        return Double.NaN;
      }
    }

    /** The row above, or null for the first row. */
    public Row previous() {
      return index == 0 ? null : new Row(index - 1);
    }
  }

  /** A value computed for a row, with the copy's seeded generator for any noise. */
  @FunctionalInterface
  public interface RowValue {
    String value(Row row, Random random);
  }

  /** The column names, in order. */
  public List<String> header() {
    return List.copyOf(header);
  }

  public int rowCount() {
    return rows.size();
  }

  /** The column's values, as text, in row order. */
  public List<String> column(String column) {
    int c = index(column);
    return rows.stream().map(r -> r[c]).toList();
  }

  /**
   * Keeps only the rows the predicate accepts (an outage drops the others; a study keeps its
   * subjects).
   */
  public CsvDamage keepRows(Predicate<Row> keep) {
    List<String[]> kept = new ArrayList<>();
    for (int i = 0; i < rows.size(); i++) {
      if (keep.test(new Row(i))) {
        kept.add(rows.get(i));
      }
    }
    rows.clear();
    rows.addAll(kept);
    return this;
  }

  /**
   * Rewrites the column's value on the rows the predicate accepts (a gauge stuck at one reading).
   */
  public CsvDamage mapWhere(String column, Predicate<Row> where, UnaryOperator<String> f) {
    int c = index(column);
    for (int i = 0; i < rows.size(); i++) {
      if (where.test(new Row(i))) {
        rows.get(i)[c] = f.apply(rows.get(i)[c]);
      }
    }
    return this;
  }

  /** Blanks the column on the rows the predicate accepts (a source that stops on known days). */
  public CsvDamage blankWhere(String column, Predicate<Row> where) {
    return mapWhere(column, where, v -> "");
  }

  /**
   * Adds a column computed from each row, top to bottom, so a value may read the rows above it:
   * e.g. a feature derived from a model's published output (a feedback loop).
   */
  public CsvDamage derive(String newColumn, RowValue value) {
    if (header.contains(newColumn)) {
      throw new DataInputException("damage", -1, newColumn, "the data already has this column");
    }
    header.add(newColumn);
    for (int i = 0; i < rows.size(); i++) {
      String[] longer = java.util.Arrays.copyOf(rows.get(i), header.size());
      longer[header.size() - 1] = "";
      rows.set(i, longer);
      rows.get(i)[header.size() - 1] = value.value(new Row(i), random);
    }
    return this;
  }

  /**
   * Adds a categorical column whose value nearly gives the label away, like the hospital name that
   * predicted cancer because one hospital treats it. Each value is "home" to one class of the label
   * (values are dealt to the classes in proportion to how often each class occurs, at least one
   * each, classes in order of first appearance). Where {@code recordedAfterLabel} holds, a row
   * takes with probability {@code agreement} a random value homed at its own class, else any value;
   * on other rows — the value as known before the outcome — every value is equally likely.
   *
   * @return the home class of each value, in value order
   */
  public Map<String, String> proxy(
      String label,
      String newColumn,
      List<String> values,
      double agreement,
      Predicate<Row> recordedAfterLabel) {
    if (values.isEmpty()) {
      throw new IllegalArgumentException("a proxy needs at least one value");
    }
    List<String> labels = column(label);
    Map<String, Integer> counts = new LinkedHashMap<>();
    for (String v : labels) {
      counts.merge(v, 1, Integer::sum);
    }
    if (values.size() < counts.size()) {
      throw new IllegalArgumentException(
          "a proxy needs at least one value per class: " + counts.size() + " classes");
    }
    Map<String, String> home = dealValues(values, counts);
    Map<String, List<String>> byClass = new HashMap<>();
    home.forEach((value, cls) -> byClass.computeIfAbsent(cls, k -> new ArrayList<>()).add(value));
    derive(
        newColumn,
        (row, random) -> {
          if (recordedAfterLabel.test(row) && random.nextDouble() < agreement) {
            List<String> own = byClass.get(row.get(label));
            return own.get(random.nextInt(own.size()));
          }
          return values.get(random.nextInt(values.size()));
        });
    return home;
  }

  /**
   * Deals the values to the classes: one each, the rest by largest remainder of the class shares.
   */
  private static Map<String, String> dealValues(List<String> values, Map<String, Integer> counts) {
    int total = counts.values().stream().mapToInt(Integer::intValue).sum();
    int spare = values.size() - counts.size();
    Map<String, Integer> slots = new LinkedHashMap<>();
    List<Map.Entry<String, Double>> remainders = new ArrayList<>();
    int dealt = 0;
    for (Map.Entry<String, Integer> e : counts.entrySet()) {
      double exact = (double) spare * e.getValue() / total;
      slots.put(e.getKey(), 1 + (int) Math.floor(exact));
      dealt += (int) Math.floor(exact);
      remainders.add(Map.entry(e.getKey(), exact - Math.floor(exact)));
    }
    remainders.sort((a, b) -> Double.compare(b.getValue(), a.getValue()));
    for (int i = 0; i < spare - dealt; i++) {
      slots.merge(remainders.get(i).getKey(), 1, Integer::sum);
    }
    Map<String, String> home = new LinkedHashMap<>();
    int next = 0;
    for (Map.Entry<String, Integer> e : slots.entrySet()) {
      for (int k = 0; k < e.getValue(); k++) {
        home.put(values.get(next++), e.getKey());
      }
    }
    return home;
  }

  /**
   * Turns each row into several measurements of the same subject — a group, like the sentences of
   * one author: copy k of row i gets the group value {@code String.format(idFormat, i + 1)} in a
   * new column, and each noisy column gets independent Gaussian noise of the given standard
   * deviation, written with the decimals of the original value. Copies are ordered visit by visit
   * (every subject's first copy, then every second copy …).
   */
  public CsvDamage remeasure(
      String groupColumn, String idFormat, int copies, Map<String, Double> noise) {
    if (copies < 1) {
      throw new IllegalArgumentException("copies must be at least 1");
    }
    if (header.contains(groupColumn)) {
      throw new DataInputException("damage", -1, groupColumn, "the data already has this column");
    }
    // Column order, not the map's order, fixes the order of the draws.
    Map<Integer, Double> noiseByIndex = new java.util.TreeMap<>();
    noise.forEach((column, sd) -> noiseByIndex.put(index(column), sd));
    header.add(groupColumn);
    List<String[]> measured = new ArrayList<>();
    for (int copy = 0; copy < copies; copy++) {
      for (int i = 0; i < rows.size(); i++) {
        String[] row = java.util.Arrays.copyOf(rows.get(i), header.size());
        row[header.size() - 1] = String.format(java.util.Locale.ROOT, idFormat, i + 1);
        for (Map.Entry<Integer, Double> e : noiseByIndex.entrySet()) {
          row[e.getKey()] = jitter(row[e.getKey()], e.getValue());
        }
        measured.add(row);
      }
    }
    rows.clear();
    rows.addAll(measured);
    return this;
  }

  private String jitter(String value, double sd) {
    double v;
    try {
      v = Double.parseDouble(value);
    } catch (NumberFormatException e) {
      return value;
    }
    int dot = value.indexOf('.');
    int decimals = dot < 0 ? 0 : value.length() - dot - 1;
    double noisy = v + random.nextGaussian() * sd;
    return new java.math.BigDecimal(noisy)
        .setScale(decimals, java.math.RoundingMode.HALF_EVEN)
        .toPlainString();
  }

  /**
   * Appends copies of a random share of the rows the predicate accepts, each copy with {@code
   * column} set to {@code value}: a replay that sends old rows again, a deduplication that let
   * copies through. The copies follow the rows, in the order of the rows they copy.
   */
  public CsvDamage copyRows(Predicate<Row> from, double share, String column, String value) {
    int c = index(column);
    List<String[]> copies = new ArrayList<>();
    for (int i = 0; i < rows.size(); i++) {
      if (from.test(new Row(i)) && random.nextDouble() < share) {
        String[] copy = rows.get(i).clone();
        copy[c] = value;
        copies.add(copy);
      }
    }
    rows.addAll(copies);
    return this;
  }

  /**
   * The copy as CSV text: RFC 4180, one header row, fields quoted only when needed, \n line ends.
   */
  public String csv() {
    return csv(row -> true);
  }

  /** The rows the predicate accepts, as CSV text (a time span of the data, for example). */
  public String csv(Predicate<Row> include) {
    return csv(include, List.of(), Map.of());
  }

  /**
   * The rows the predicate accepts as CSV text, without the columns {@code leaveOut} and with the
   * columns {@code renamed} under their new names: one file of several made from the same rows,
   * such as a serving file whose source renamed a column.
   */
  public String csv(Predicate<Row> include, List<String> leaveOut, Map<String, String> renamed) {
    List<Integer> kept = new ArrayList<>();
    List<String> names = new ArrayList<>();
    for (String name : leaveOut) {
      index(name);
    }
    for (String name : renamed.keySet()) {
      index(name);
    }
    for (int c = 0; c < header.size(); c++) {
      if (!leaveOut.contains(header.get(c))) {
        kept.add(c);
        names.add(renamed.getOrDefault(header.get(c), header.get(c)));
      }
    }
    StringWriter text = new StringWriter();
    try (CsvWriter writer = CsvWriter.builder().lineDelimiter(LineDelimiter.LF).build(text)) {
      writer.writeRecord(names);
      String[] out = new String[kept.size()];
      for (int i = 0; i < rows.size(); i++) {
        if (include.test(new Row(i))) {
          String[] row = rows.get(i);
          for (int k = 0; k < out.length; k++) {
            out[k] = row[kept.get(k)];
          }
          writer.writeRecord(out);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return text.toString();
  }
}
