package org.prodml.profile;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import org.apache.datasketches.kll.KllDoublesSketch;
import org.junit.jupiter.api.Test;

class NumericValuesTest {

  private static NumericValues of(double... values) {
    NumericValues n = new NumericValues();
    for (double v : values) {
      n.add(v);
    }
    return n;
  }

  /** n values cycling through {@code distinct} whole numbers, shuffled by a fixed seed. */
  private static double[] data(int n, int distinct, long seed) {
    Random r = new Random(seed);
    double[] v = new double[n];
    for (int i = 0; i < n; i++) {
      v[i] = r.nextInt(distinct) - distinct / 3;
    }
    return v;
  }

  @Test
  void keptValuesCountDistinctExactlyZeroAndMinusZeroAlike() {
    NumericValues n = of(3, 3, 5, 0.0, -0.0, 7, 5);
    assertEquals(4, n.distinct());
    assertEquals(7, n.result().getN());
  }

  @Test
  void largeLowCardinalityColumnsStayExactInDistinctAndRepeatableInQuantiles() {
    double[] v = data(200_000, 900, 1);
    NumericValues a = of(v);
    NumericValues b = of(v);
    assertEquals(900, a.distinct());
    KllDoublesSketch s = a.result();
    assertEquals(200_000, s.getN());
    assertArrayEquals(s.toByteArray(), b.result().toByteArray());
    // the median of uniform whole numbers in [-300, 600): within KLL's error of 149.5
    assertEquals(149.5, s.getQuantile(0.5), 900 * 0.02);
  }

  @Test
  void partsMergeWhateverStageEachReached() {
    double[] small = data(1_000, 50, 2);
    double[] table = data(100_000, 2_000, 3);
    double[] stream = new double[150_000];
    for (int i = 0; i < stream.length; i++) {
      stream[i] = i * 0.5;
    }
    double[][] parts = {small, table, stream};
    for (double[] x : parts) {
      for (double[] y : parts) {
        NumericValues merged = of(x);
        merged.merge(of(y));
        NumericValues whole = of(concat(x, y));
        assertEquals(x.length + y.length, merged.result().getN());
        double exact = whole.distinct();
        assertEquals(
            exact, merged.distinct(), exact <= DistinctCounter.EXACT_LIMIT ? 0 : exact * 0.03);
        assertEquals(
            whole.result().getQuantile(0.5),
            merged.result().getQuantile(0.5),
            Math.max(1, 0.02 * (max(x, y) - min(x, y))));
      }
    }
  }

  @Test
  void tooManyDistinctValuesAreEstimated() {
    double[] v = new double[300_000];
    for (int i = 0; i < v.length; i++) {
      v[i] = i % 100_000;
    }
    NumericValues n = of(v);
    assertEquals(100_000, n.distinct(), 100_000 * 0.03);
    assertEquals(300_000, n.result().getN());
  }

  private static double[] concat(double[] a, double[] b) {
    double[] c = java.util.Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, c, a.length, b.length);
    return c;
  }

  private static double max(double[] a, double[] b) {
    return Math.max(
        java.util.Arrays.stream(a).max().orElse(0), java.util.Arrays.stream(b).max().orElse(0));
  }

  private static double min(double[] a, double[] b) {
    return Math.min(
        java.util.Arrays.stream(a).min().orElse(0), java.util.Arrays.stream(b).min().orElse(0));
  }

  @Test
  void aColumnOfAWideTableKeepsASmallerShareAndStillCounts() {
    NumericValues narrow = NumericValues.ofOneOf(5);
    NumericValues wide = NumericValues.ofOneOf(5000); // keeps 1677 values, counts 209 distinct
    NumericValues wideFew = NumericValues.ofOneOf(5000);
    for (int i = 0; i < 20_000; i++) {
      wideFew.add(i % 150);
      narrow.add(i % 3_000);
      wide.add(i % 3_000);
    }
    assertEquals(150, wideFew.distinct(), "few distinct values: still exact, in its table");
    assertEquals(3_000, narrow.distinct(), "exact within the full limits");
    assertEquals(3_000, wide.distinct(), 3_000 * 0.05, "estimated past its share");
    assertEquals(20_000, wide.result().getN());
    assertEquals(narrow.result().getQuantile(0.5), wide.result().getQuantile(0.5), 3_000 * 0.02);
  }
}
