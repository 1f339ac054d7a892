package org.prodml.stats;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class FiniteValuesTest {
  static final double NAN = Double.NaN;
  static final double INF = Double.POSITIVE_INFINITY;

  @Test
  void missingAndInfiniteValuesAreLeftOut() {
    double[] values = {4, NAN, 1, INF, 3, -INF, 2};
    assertArrayEquals(new double[] {1, 2, 3, 4}, FiniteValues.sorted(values));
    assertEquals(2.5, FiniteValues.mean(values), 0);
    assertEquals(Math.sqrt(5.0 / 3), FiniteValues.sampleSd(values), 1e-15);
    assertEquals(2.5, FiniteValues.median(values), 0);
    assertArrayEquals(
        new double[] {4, NAN, 1, INF, 3, -INF, 2}, values, "the input is not sorted in place");
  }

  @Test
  void nothingToSummarizeGivesNaN() {
    double[] none = {NAN, INF};
    assertEquals(NAN, FiniteValues.mean(none));
    assertEquals(NAN, FiniteValues.sampleSd(none));
    assertEquals(NAN, FiniteValues.quantile(none, 0.5));
    assertEquals(NAN, FiniteValues.quantile(new double[0], 0.99));
    // One value has no spread: the sample deviation is undefined.
    assertEquals(NAN, FiniteValues.sampleSd(new double[] {7}));
    assertEquals(7, FiniteValues.quantile(new double[] {7}, 0.01), 0);
  }

  @Test
  void quantilesInterpolateBetweenTheNearestRanks() {
    double[] sorted = {10, 20, 30, 40, 50};
    assertEquals(10, FiniteValues.quantileOfSorted(sorted, 0), 0);
    assertEquals(20, FiniteValues.quantileOfSorted(sorted, 0.25), 0);
    assertEquals(30, FiniteValues.quantileOfSorted(sorted, 0.5), 0);
    assertEquals(50, FiniteValues.quantileOfSorted(sorted, 1), 0);
    // Position q·(n − 1) = 0.04 lies between the first two values; 3.96 between the last two.
    assertEquals(10.4, FiniteValues.quantileOfSorted(sorted, 0.01), 1e-12);
    assertEquals(49.6, FiniteValues.quantileOfSorted(sorted, 0.99), 1e-12);
    // An even count has its median halfway between the middle two.
    assertEquals(25, FiniteValues.median(new double[] {40, 10, 30, 20}), 0);
    assertThrows(IllegalArgumentException.class, () -> FiniteValues.quantileOfSorted(sorted, 1.5));
    assertThrows(IllegalArgumentException.class, () -> FiniteValues.quantileOfSorted(sorted, NAN));
  }
}
