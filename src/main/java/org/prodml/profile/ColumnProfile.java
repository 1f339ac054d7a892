package org.prodml.profile;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.util.List;
import org.apache.datasketches.kll.KllDoublesSketch;
import org.apache.datasketches.memory.Memory;
import org.prodml.data.ValueType;
import org.prodml.data.Values;

/**
 * The measured profile of one column. {@code count} is the number of rows; {@code missing}, NaN,
 * infinite and invalid values (text that does not parse as the column's type) are counted apart.
 * Ordered columns carry a numeric summary, a histogram and their KLL sketch (so two profiles can be
 * compared later from JSON); categorical ones carry value frequencies, complete when {@code
 * frequenciesComplete} (otherwise the most frequent {@value #MAX_VALUES}, estimated).
 */
public record ColumnProfile(
    String name,
    ValueType type,
    long count,
    long missing,
    long nan,
    long inf,
    long invalid,
    String invalidExample,
    long invalidLine,
    long distinct,
    NumericSummary numeric,
    Histogram histogram,
    List<ValueCount> frequencies,
    boolean frequenciesComplete,
    byte[] quantileSketch) {

  static final int MAX_VALUES = 1000;

  /** Values that are there and of the column's type. */
  @JsonIgnore
  public long present() {
    return count - missing - nan - inf - invalid;
  }

  @JsonIgnore
  public double missingShare() {
    return count == 0 ? 0 : (double) missing / count;
  }

  @JsonIgnore
  public ValueType.Kind kind() {
    return type.kind();
  }

  /** The quantile sketch, rebuilt from its bytes (null for categorical columns). */
  @JsonIgnore
  public KllDoublesSketch sketch() {
    return quantileSketch == null ? null : KllDoublesSketch.heapify(Memory.wrap(quantileSketch));
  }

  /** The most frequent values, for display. */
  @JsonIgnore
  public List<ValueCount> topValues(int k) {
    return frequencies.size() <= k ? frequencies : frequencies.subList(0, k);
  }

  /** The count of one category, 0 when not seen. */
  public long frequency(String value) {
    for (ValueCount vc : frequencies) {
      if (vc.value().equals(value)) {
        return vc.count();
      }
    }
    return 0;
  }

  /** A value of the column formatted for people: times as ISO text, numbers plain. */
  public String formatValue(double v) {
    return kind() == ValueType.Kind.DATETIME
        ? Values.formatEpochSeconds(v, type)
        : org.prodml.text.Format.number(v);
  }
}
