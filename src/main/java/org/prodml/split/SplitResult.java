package org.prodml.split;

import org.prodml.facts.SplitFact;
import tech.tablesaw.api.Table;

/**
 * The two sides of a split, the source row numbers of each (ascending), and the split's fact.
 * {@code droppedRows} counts rows that could not be placed (no time value in a time split).
 */
public record SplitResult(Table train, Table test, int[] trainRows, int[] testRows, long droppedRows, SplitFact fact) {}
