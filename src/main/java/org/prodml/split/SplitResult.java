package org.prodml.split;

import java.util.List;
import org.prodml.facts.SplitFact;
import tech.tablesaw.api.Table;

/**
 * The two sides of a split, the source row numbers of each (ascending), the split's fact, and how
 * the test side overlaps the training side in groups and time, as the same facts a comparison of a
 * training and a test file gives (so one rule judges a split and a pair of files alike). {@code
 * droppedRows} counts rows that could not be placed (no time value in a time split).
 */
public record SplitResult(
    Table train,
    Table test,
    int[] trainRows,
    int[] testRows,
    long droppedRows,
    SplitFact fact,
    List<Object> overlapFacts) {

  public SplitResult {
    overlapFacts = List.copyOf(overlapFacts);
  }
}
