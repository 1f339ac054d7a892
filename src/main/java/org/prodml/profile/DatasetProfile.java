package org.prodml.profile;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.datasketches.memory.Memory;
import org.apache.datasketches.theta.Sketch;

/**
 * The measured profile of a dataset, which is also its inferred schema: per column type, presence,
 * numeric range and categorical domain. Duplicate rows are exact when {@code duplicatesExact} (up
 * to about a million distinct rows), estimated beyond. {@code associations} hold each feature's
 * association with the label (when a label was named); {@code groupSketch} a set sketch of the
 * group column's values; {@code sample} a seeded sample of the rows, for measures over several
 * columns at once (not written to JSON).
 */
public record DatasetProfile(
    String source,
    long rows,
    List<ColumnProfile> columns,
    long duplicateRows,
    boolean duplicatesExact,
    String label,
    String time,
    String group,
    List<Association> associations,
    byte[] groupSketch,
    @JsonIgnore RowSample sample) {

  /**
   * The same profile, named as a reader should see its source (a path relative to its data folder).
   */
  public DatasetProfile withSource(String newSource) {
    return new DatasetProfile(
        newSource,
        rows,
        columns,
        duplicateRows,
        duplicatesExact,
        label,
        time,
        group,
        associations,
        groupSketch,
        sample);
  }

  public Optional<ColumnProfile> column(String name) {
    return columns.stream().filter(c -> c.name().equals(name)).findFirst();
  }

  /** The columns by name, for looking up many: {@link #column} searches the list each time. */
  @JsonIgnore
  public Map<String, ColumnProfile> columnsByName() {
    Map<String, ColumnProfile> byName = new LinkedHashMap<>();
    for (ColumnProfile c : columns) {
      byName.put(c.name(), c);
    }
    return byName;
  }

  @JsonIgnore
  public List<String> columnNames() {
    return columns.stream().map(ColumnProfile::name).toList();
  }

  /** The group column's set sketch, or null when no group column was named. */
  @JsonIgnore
  public Sketch groups() {
    return groupSketch == null ? null : Sketch.wrap(Memory.wrap(groupSketch));
  }

  /** Rows per day over the time column's span, NaN without a time column. */
  @JsonIgnore
  public double rowsPerDay() {
    if (time == null) {
      return Double.NaN;
    }
    return column(time)
        .filter(c -> c.numeric() != null)
        .map(c -> rows / Math.max(1.0, (c.numeric().max() - c.numeric().min()) / 86_400.0 + 1))
        .orElse(Double.NaN);
  }
}
