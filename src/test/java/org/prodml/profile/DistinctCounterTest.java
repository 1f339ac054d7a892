package org.prodml.profile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class DistinctCounterTest {

  @Test
  void runsOfARepeatedValueAndReturnsToEarlierValuesCountOnce() {
    DistinctCounter counter = new DistinctCounter();
    for (double v : new double[] {3, 3, 3, 5, 3, 0.0, -0.0, 5, 7, 7}) {
      counter.add(DistinctCounter.hashNumber(v));
    }
    assertTrue(counter.isExact());
    assertEquals(4, counter.estimate()); // 3, 5, 0 (and -0), 7
  }

  @Test
  void beyondTheExactLimitTheSketchEstimatesWithinTwoPercentAndMergesParts() {
    DistinctCounter first = new DistinctCounter();
    DistinctCounter second = new DistinctCounter();
    for (int i = 0; i < 60_000; i++) {
      first.add(DistinctCounter.hashNumber(i));
      second.add(DistinctCounter.hashNumber(30_000 + i)); // half of it overlaps the first part
    }
    assertFalse(first.isExact());
    first.merge(second);
    assertEquals(90_000, first.estimate(), 90_000 * 0.02);
  }

  @Test
  void smallPartsMergeExactly() {
    DistinctCounter first = new DistinctCounter();
    DistinctCounter second = new DistinctCounter();
    for (int i = 0; i < 100; i++) {
      first.add(DistinctCounter.hashNumber(i));
      second.add(DistinctCounter.hashNumber(50 + i));
    }
    first.merge(second);
    assertTrue(first.isExact());
    assertEquals(150, first.estimate());
  }
}
