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
import java.util.List;
import java.util.Random;
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
      throw new DataInputException("damage", -1, column, "no such column; the data has " + String.join(", ", header));
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
    return map(column, v -> {
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

  /** Adds a column copied from another (a label leaked into a feature), agreeing on the given share. */
  public CsvDamage leak(String from, String newColumn, double agreement) {
    int c = index(from);
    List<String> values = rows.stream().map(r -> r[c]).distinct().toList();
    header.add(newColumn);
    for (int i = 0; i < rows.size(); i++) {
      String[] row = rows.get(i);
      String value = random.nextDouble() < agreement ? row[c] : values.get(random.nextInt(values.size()));
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
    StringWriter text = new StringWriter();
    try (CsvWriter writer = CsvWriter.builder().lineDelimiter(LineDelimiter.LF).build(text)) {
      writer.writeRecord(header);
      for (String[] row : rows) {
        writer.writeRecord(row);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    AtomicFiles.write(target, text.toString());
    return target;
  }
}
