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
      whole.add(h, i + 2);
      (i < 50_000 ? first : second).add(h, i + 2);
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
      whole.add(h, i + 2);
      (i % 2 == 0 ? first : second).add(h, i + 2);
    }
    assertFalse(whole.isExact());
    assertEquals(200_000, whole.duplicates(), 200_000 * 0.05);
    first.merge(second);
    assertEquals(whole.duplicates(), first.duplicates());
  }

  @Test
  void rowsOfAnotherFileThatRepeatRowsAreCountedWithTheirFirstLines() {
    DuplicateRows train = new DuplicateRows();
    for (int i = 0; i < 1_000; i++) {
      train.add(row(i), i + 2);
    }
    train.add(row(10), 5_000); // a repeat inside training keeps the first line
    DuplicateRows serving = new DuplicateRows();
    for (int i = 0; i < 300; i++) {
      // rows 10..109 of training come again, after 200 new rows
      serving.add(row(i < 200 ? 10_000 + i : i - 190), i + 2);
    }
    DuplicateRows.Overlap overlap = DuplicateRows.overlap(train, serving, 3);
    assertEquals(100, overlap.rows());
    assertTrue(overlap.exact());
    assertEquals(3, overlap.examples().size());
    assertEquals(202, overlap.examples().get(0)[0], "the earliest serving copy");
    assertEquals(12, overlap.examples().get(0)[1], "its first line in training");
    assertEquals(0, DuplicateRows.overlap(serving, new DuplicateRows(), 3).rows());
  }

  @Test
  void partsShiftTheirLinesToTheFilesAndKeepTheEarliest() {
    DuplicateRows first = new DuplicateRows();
    DuplicateRows second = new DuplicateRows();
    first.add(row(1), 3);
    second.add(row(1), 1);
    second.add(row(2), 2);
    second.shiftLines(100);
    first.merge(second);
    DuplicateRows other = new DuplicateRows();
    other.add(row(2), 7);
    other.add(row(1), 8);
    DuplicateRows.Overlap overlap = DuplicateRows.overlap(first, other, 5);
    assertEquals(2, overlap.rows());
    assertEquals(102, overlap.examples().get(0)[1], "row 2 was on line 2 of the part after 100");
    assertEquals(3, overlap.examples().get(1)[1], "row 1: the first part's line 3 is earlier");
  }

  @Test
  void beyondTheCapacityTheOverlapIsEstimatedFromRowsBothFilesSample() {
    DuplicateRows train = new DuplicateRows();
    for (int i = 0; i < 500_000; i++) {
      train.add(row(i), i + 2);
    }
    DuplicateRows serving = new DuplicateRows();
    for (int i = 0; i < 200_000; i++) {
      // 50 000 copies of training rows among 200 000
      serving.add(row(i < 50_000 ? i * 7 : 1_000_000 + i), i + 2);
    }
    DuplicateRows.Overlap overlap = DuplicateRows.overlap(train, serving, 5);
    assertFalse(overlap.exact());
    assertEquals(50_000, overlap.rows(), 50_000 * 0.05);
  }
}
