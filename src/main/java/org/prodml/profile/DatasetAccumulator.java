package org.prodml.profile;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.datasketches.theta.SetOperation;
import org.apache.datasketches.theta.UpdateSketch;
import org.prodml.data.ValueType;

/**
 * The running profile of a whole dataset (or of one part of a file parsed by one thread): the
 * column accumulators plus what needs a whole row: duplicate rows (exact up to {@link
 * DuplicateRows#CAPACITY} distinct rows, then estimated from a hash sample), feature–label
 * association, a set sketch of the group column, and a seeded sample of the rows.
 */
final class DatasetAccumulator {
  static final int GROUP_LG_K = 14;

  final ColumnAccumulator[] columns;
  private final int labelIndex;
  private final int groupIndex;
  private final AssociationAccumulator[] associations;
  private final Map<String, Integer> classIndex = new HashMap<>();

  long rows;
  private final DuplicateRows duplicates = new DuplicateRows();
  private final RowSampler sample;
  private UpdateSketch groups;
  private org.apache.datasketches.theta.Sketch groupsMerged;

  DatasetAccumulator(List<String> names, List<ValueType> types, ProfileOptions options) {
    String[] markers = options.missingMarkers().toArray(String[]::new);
    columns = new ColumnAccumulator[names.size()];
    int ordered = (int) types.stream().filter(t -> t.kind().ordered()).count();
    for (int i = 0; i < columns.length; i++) {
      columns[i] = new ColumnAccumulator(names.get(i), types.get(i), markers, ordered);
    }
    labelIndex = options.label() == null ? -1 : names.indexOf(options.label());
    groupIndex = options.group() == null ? -1 : names.indexOf(options.group());
    sample = new RowSampler(names, types);
    associations = new AssociationAccumulator[columns.length];
    if (labelIndex >= 0) {
      boolean labelOrdered = types.get(labelIndex).kind() == ValueType.Kind.NUMERIC;
      for (int i = 0; i < columns.length; i++) {
        if (i != labelIndex) {
          associations[i] =
              new AssociationAccumulator(
                  names.get(i), types.get(i).kind().ordered(), labelOrdered, classIndex);
        }
      }
    }
    if (groupIndex >= 0) {
      groups = UpdateSketch.builder().setNominalEntries(1 << GROUP_LG_K).build();
    }
  }

  /** Called after every column of a row has taken its value. */
  void endRow() {
    rows++;
    long h = 0x2545F4914F6CDD1DL;
    for (ColumnAccumulator c : columns) {
      h = (h ^ c.lastHash) * 0x9E3779B97F4A7C15L;
      h ^= h >>> 31;
    }
    duplicates.add(DistinctCounter.mix(h));
    sample.offer(h, columns);
    if (labelIndex >= 0) {
      ColumnAccumulator label = columns[labelIndex];
      for (int i = 0; i < columns.length; i++) {
        if (associations[i] != null) {
          ColumnAccumulator c = columns[i];
          associations[i].accept(c.lastNumber, c.lastText, label.lastNumber, label.lastText);
        }
      }
    }
    if (groups != null) {
      ColumnAccumulator g = columns[groupIndex];
      if (g.lastText != null) {
        groups.update(g.lastText);
      } else if (!Double.isNaN(g.lastNumber)) {
        groups.update(org.prodml.text.Format.number(g.lastNumber));
      }
    }
  }

  /**
   * Shifts line numbers recorded for this part of a file (invalid-value examples) by {@code
   * offset}.
   */
  void shiftLines(long offset) {
    if (offset != 0) {
      for (ColumnAccumulator c : columns) {
        if (c.invalidLine >= 0) {
          c.invalidLine += offset;
        }
      }
    }
  }

  void merge(DatasetAccumulator other) {
    rows += other.rows;
    for (int i = 0; i < columns.length; i++) {
      columns[i].merge(other.columns[i]);
      if (associations[i] != null) {
        associations[i].merge(other.associations[i]);
      }
    }
    duplicates.merge(other.duplicates);
    sample.merge(other.sample);
    if (groups != null) {
      org.apache.datasketches.theta.Union u =
          SetOperation.builder().setNominalEntries(1 << GROUP_LG_K).buildUnion();
      u.union(groupSketch());
      u.union(other.groupSketch());
      groupsMerged = u.getResult();
    }
  }

  private org.apache.datasketches.theta.Sketch groupSketch() {
    return groupsMerged != null ? groupsMerged : groups.compact();
  }

  DatasetProfile toProfile(String source, ProfileOptions options) {
    List<ColumnProfile> profiles = new ArrayList<>();
    for (ColumnAccumulator c : columns) {
      profiles.add(c.toProfile());
    }
    boolean exact = duplicates.isExact();
    long duplicateRows = Math.min(rows, duplicates.duplicates());
    List<Association> associationResults = new ArrayList<>();
    for (AssociationAccumulator a : associations) {
      if (a != null) {
        Association r = a.result();
        if (r != null) {
          associationResults.add(r);
        }
      }
    }
    byte[] groupBytes = groups == null ? null : groupSketch().compact().toByteArray();
    return new DatasetProfile(
        source,
        rows,
        profiles,
        duplicateRows,
        exact,
        options.label(),
        options.time(),
        options.group(),
        associationResults,
        groupBytes,
        sample.result());
  }
}
