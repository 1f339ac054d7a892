package org.prodml.data;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.prodml.facts.FeatureFact;

/**
 * What each column is for: the label, the time and group columns, an id column, features known only
 * after the label, and personal-data columns. Every other column is a feature.
 */
public record ColumnRoles(
    String label,
    String time,
    String group,
    String id,
    Set<String> afterLabel,
    Set<String> pii,
    Set<String> ignored) {

  public ColumnRoles {
    afterLabel = Set.copyOf(afterLabel);
    pii = Set.copyOf(pii);
    ignored = Set.copyOf(ignored);
  }

  public static ColumnRoles none() {
    return new ColumnRoles(null, null, null, null, Set.of(), Set.of(), Set.of());
  }

  /** Roles declared in a dataset.json, overridden by any given here (non-null). */
  public static ColumnRoles of(DatasetSpec spec, String label, String time, String group) {
    return new ColumnRoles(
        label != null ? label : spec == null ? null : spec.label(),
        time != null ? time : spec == null ? null : spec.time(),
        group != null ? group : spec == null ? null : spec.group(),
        spec == null ? null : spec.id(),
        Set.of(),
        Set.of(),
        Set.of());
  }

  public ColumnRoles withAfterLabel(Set<String> columns) {
    return new ColumnRoles(label, time, group, id, columns, pii, ignored);
  }

  public ColumnRoles withPii(Set<String> columns) {
    return new ColumnRoles(label, time, group, id, afterLabel, columns, ignored);
  }

  public ColumnRoles withIgnored(Set<String> columns) {
    return new ColumnRoles(label, time, group, id, afterLabel, pii, columns);
  }

  public ColumnRoles withLabel(String newLabel) {
    return new ColumnRoles(newLabel, time, group, id, afterLabel, pii, ignored);
  }

  /**
   * "label", "time", "group", "id", "after-label" (known only once the label is: never an input),
   * "ignored" or "feature".
   */
  public String usage(String column) {
    if (column.equals(label)) {
      return "label";
    }
    if (column.equals(time)) {
      return "time";
    }
    if (column.equals(group)) {
      return "group";
    }
    if (column.equals(id)) {
      return "id";
    }
    if (afterLabel.contains(column)) {
      return "after-label";
    }
    if (ignored.contains(column)) {
      return "ignored";
    }
    return "feature";
  }

  /** The feature columns among the given ones, in their order. */
  public List<String> features(List<String> columns) {
    return columns.stream().filter(c -> usage(c).equals("feature")).toList();
  }

  /** Columns that are not features: label, time, group, id, after-label, ignored. */
  public List<String> nonFeatures(List<String> columns) {
    return columns.stream().filter(c -> !usage(c).equals("feature")).toList();
  }

  /** One FeatureFact per column. */
  public List<FeatureFact> facts(List<String> columns) {
    List<FeatureFact> facts = new ArrayList<>();
    for (String c : columns) {
      facts.add(new FeatureFact(c, usage(c), afterLabel.contains(c), pii.contains(c)));
    }
    return facts;
  }

  /** Checks that every named column exists. */
  public void requireIn(String source, List<String> columns) {
    for (String c : new String[] {label, time, group, id}) {
      if (c != null && !columns.contains(c)) {
        throw new DataInputException(
            source, -1, c, "no such column; the data has " + String.join(", ", columns));
      }
    }
    for (String c : afterLabel) {
      if (!columns.contains(c)) {
        throw new DataInputException(
            source,
            -1,
            c,
            "named as known after the label, but no such column; the data has "
                + String.join(", ", columns));
      }
    }
  }
}
