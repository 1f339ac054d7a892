package org.prodml.profile;

import java.util.ArrayList;
import java.util.List;

/**
 * A dataset's rows as hashes, measured in the same streaming pass as its profile and kept beside it
 * (not in its JSON) to find the rows another dataset repeats: exact copies (every column) and
 * copies in every column but the label. Bounded memory: at most {@value DuplicateRows#CAPACITY}
 * distinct rows per table, beyond which both files are sampled by the same hash values and the
 * count is estimated.
 */
public final class RowHashes {
  final DuplicateRows all;
  final DuplicateRows features;
  private final long rows;

  RowHashes(DuplicateRows all, DuplicateRows features, long rows) {
    this.all = all;
    this.features = features;
    this.rows = rows;
  }

  public long rows() {
    return rows;
  }

  /** Whether every column but the label was hashed apart (the data had a label). */
  public boolean hasLabel() {
    return features != null;
  }

  /** Rows of the data that repeat an earlier row in every column but the label. */
  long featureDuplicates() {
    return features == null ? all.duplicates() : Math.min(rows, features.duplicates());
  }

  /**
   * How many rows of {@code current} repeat a row of this data: in every column, and in every
   * column but the label (when both have one); examples are "line L repeats line R".
   */
  public Copies copiedBy(RowHashes current, int examples) {
    DuplicateRows.Overlap exact = DuplicateRows.overlap(all, current.all, examples);
    DuplicateRows.Overlap inputs =
        features != null && current.features != null
            ? DuplicateRows.overlap(features, current.features, examples)
            : exact;
    List<String> shown = new ArrayList<>();
    for (long[] pair : inputs.examples()) {
      shown.add("line " + pair[0] + " repeats line " + pair[1]);
    }
    return new Copies(
        Math.min(current.rows, exact.rows()),
        Math.min(current.rows, inputs.rows()),
        exact.exact() && inputs.exact(),
        shown);
  }

  /**
   * Rows of one dataset that repeat rows of another.
   *
   * @param rows copies in every column, the label included
   * @param featureRows copies in every column but the label (at least {@code rows})
   * @param exact counted exactly (false: estimated from a hash sample)
   * @param examples the earliest copies, "line L repeats line R" (current, then reference)
   */
  public record Copies(long rows, long featureRows, boolean exact, List<String> examples) {}
}
