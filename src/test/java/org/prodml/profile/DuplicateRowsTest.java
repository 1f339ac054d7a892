package org.prodml.profile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class DuplicateRowsTest {

  private static long row(long i) {
    return DistinctCounter.mix(i + 1);
  }

  @Test
  void exactWhileTheDistinctRowsFitAndPartsMergeExactly() {
    DuplicateRows whole = new DuplicateRows();
    DuplicateRows first = new DuplicateRows();
    DuplicateRows second = new DuplicateRows();
    for (int i = 0; i < 100_000; i++) {
      long h = row(i % 60_000); // 40 000 repeats
      whole.add(h);
      (i < 50_000 ? first : second).add(h);
    }
    assertTrue(whole.isExact());
    assertEquals(40_000, whole.duplicates());
    first.merge(second);
    assertTrue(first.isExact());
    assertEquals(40_000, first.duplicates());
  }

  @Test
  void beyondTheCapacityDuplicatesAreEstimatedFromTheSampleAndMergeAlike() {
    DuplicateRows whole = new DuplicateRows();
    DuplicateRows first = new DuplicateRows();
    DuplicateRows second = new DuplicateRows();
    int rows = 1_000_000;
    for (int i = 0; i < rows; i++) {
      long h = row(i % 800_000); // 200 000 repeats among 800 000 distinct rows
      whole.add(h);
      (i % 2 == 0 ? first : second).add(h);
    }
    assertFalse(whole.isExact());
    assertEquals(200_000, whole.duplicates(), 200_000 * 0.05);
    first.merge(second);
    assertEquals(whole.duplicates(), first.duplicates());
  }
}
