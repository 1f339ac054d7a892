package org.prodml.profile;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.datasketches.memory.Memory;
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

  /** The line the current row starts on (relative to the part, for a file). */
  long line;

  private DuplicateRows duplicates = new DuplicateRows();
  private DuplicateRows featureDuplicates;
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
    featureDuplicates = labelIndex >= 0 ? new DuplicateRows() : null;
  }

  /** Called after every column of a row has taken its value. */
  void endRow() {
    rows++;
    long h = 0x2545F4914F6CDD1DL;
    long f = h;
    for (int i = 0; i < columns.length; i++) {
      h = (h ^ columns[i].lastHash) * 0x9E3779B97F4A7C15L;
      h ^= h >>> 31;
      if (i != labelIndex) {
        f = (f ^ columns[i].lastHash) * 0x9E3779B97F4A7C15L;
        f ^= f >>> 31;
      }
    }
    duplicates.add(DistinctCounter.mix(h), line);
    if (featureDuplicates != null) {
      featureDuplicates.add(DistinctCounter.mix(f), line);
    }
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
    duplicates.shiftLines(offset);
    if (featureDuplicates != null) {
      featureDuplicates.shiftLines(offset);
    }
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
    if (featureDuplicates != null) {
      featureDuplicates.merge(other.featureDuplicates);
    }
    sample.merge(other.sample);
    if (groups != null) {
      org.apache.datasketches.theta.Union u =
          SetOperation.builder().setNominalEntries(1 << GROUP_LG_K).buildUnion();
      u.union(groupSketch());
      u.union(other.groupSketch());
      groupsMerged = u.getResult();
    }
  }

  /** The group values seen: those merged or read in, and those of rows taken since. */
  private org.apache.datasketches.theta.Sketch groupSketch() {
    if (groupsMerged == null) {
      return groups.compact();
    }
    if (groups.isEmpty()) {
      return groupsMerged;
    }
    org.apache.datasketches.theta.Union u =
        SetOperation.builder().setNominalEntries(1 << GROUP_LG_K).buildUnion();
    u.union(groupsMerged);
    u.union(groups);
    return u.getResult();
  }

  DatasetProfile toProfile(String source, ProfileOptions options) {
    List<ColumnProfile> profiles = new ArrayList<>();
    for (ColumnAccumulator c : columns) {
      profiles.add(c.toProfile());
    }
    boolean exact = duplicates.isExact();
    long duplicateRows = Math.min(rows, duplicates.duplicates());
    List<Association> associationResults = new ArrayList<>();
    for (int i = 0; i < associations.length; i++) {
      if (associations[i] != null) {
        Association r = associations[i].result(profiles.get(i).sketch());
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
        new RowHashes(duplicates, featureDuplicates, rows),
        sample.result());
  }

  /**
   * Writes this state in the partial-profile byte format, after the plan (names, types, options)
   * that {@link PartialProfile} writes: rows, the label's classes, each column, each association,
   * the duplicate-row table, the row sample and the group sketch's own bytes.
   */
  void write(DataOutput out) throws IOException {
    out.writeLong(rows);
    String[] classes = new String[classIndex.size()];
    classIndex.forEach((name, index) -> classes[index] = name);
    out.writeInt(classes.length);
    for (String c : classes) {
      PartialProfile.writeString(out, c);
    }
    for (ColumnAccumulator c : columns) {
      c.write(out);
    }
    for (AssociationAccumulator a : associations) {
      if (a != null) {
        a.write(out);
      }
    }
    duplicates.write(out);
    if (featureDuplicates != null) {
      featureDuplicates.write(out);
    }
    sample.write(out);
    if (groups != null) {
      PartialProfile.writeBytes(out, groupSketch().compact().toByteArray());
    }
  }

  /** Reads what {@link #write} wrote into this fresh accumulator of the same plan. */
  void read(DataInput in) throws IOException {
    rows = in.readLong();
    int classes = in.readInt();
    for (int c = 0; c < classes; c++) {
      classIndex.put(PartialProfile.readString(in), c);
    }
    for (ColumnAccumulator c : columns) {
      c.read(in);
    }
    for (AssociationAccumulator a : associations) {
      if (a != null) {
        a.read(in);
      }
    }
    duplicates = DuplicateRows.read(in);
    if (featureDuplicates != null) {
      featureDuplicates = DuplicateRows.read(in);
    }
    sample.read(in);
    if (groups != null) {
      groupsMerged =
          org.apache.datasketches.theta.Sketch.heapify(Memory.wrap(PartialProfile.readBytes(in)));
    }
  }
}
