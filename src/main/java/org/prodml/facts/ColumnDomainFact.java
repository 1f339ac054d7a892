package org.prodml.facts;

import java.util.List;

/**
 * The categorical values observed in one column of one dataset ({@code role} "train", "serving" …).
 * {@code complete} is false when the profile kept only the most frequent values, so a value absent
 * from {@code values} may still occur. Suggested domain rules check each value against the
 * reference domain.
 */
public record ColumnDomainFact(
    String dataset, String role, String column, List<String> values, boolean complete) {

  public ColumnDomainFact {
    values = values == null ? List.of() : List.copyOf(values);
  }
}
