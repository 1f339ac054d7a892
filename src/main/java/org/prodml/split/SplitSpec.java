package org.prodml.split;

/**
 * A requested split.
 *
 * @param method how rows are divided
 * @param testFraction share of rows for the test side, in (0, 1)
 * @param seed the shuffle's seed; null asks for an unseeded shuffle (recorded as such)
 * @param column the column the method needs: the label (stratified), the time column (time) or the
 *     group column (group); ignored by random
 */
public record SplitSpec(SplitMethod method, double testFraction, Long seed, String column) {
  /** The share of rows held out for test when nobody says otherwise. */
  public static final double DEFAULT_TEST_FRACTION = 0.2;

  public SplitSpec {
    if (!(testFraction > 0 && testFraction < 1)) {
      throw new IllegalArgumentException(
          "the test fraction must be between 0 and 1, not " + testFraction);
    }
    if (method != SplitMethod.RANDOM && column == null) {
      throw new IllegalArgumentException(
          "a "
              + method.label()
              + " split needs a column ("
              + switch (method) {
                case STRATIFIED -> "the label";
                case TIME -> "the time column";
                default -> "the group column";
              }
              + ")");
    }
  }
}
