package org.prodml.split;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import org.prodml.facts.GroupOverlapFact;
import org.prodml.facts.SplitFact;
import org.prodml.facts.TimeOverlapFact;
import org.prodml.transform.Frame;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/**
 * Splits a table into training and test rows. Every shuffle is seeded (Tablesaw's own {@code
 * sampleSplit} is not, so it is never used): the same seed gives the same split, which is what
 * makes an evaluation repeatable.
 */
public final class Splitter {
  private Splitter() {}

  /**
   * @param timeColumn the data's time column, or null: recorded, and used by a time split
   * @param groupColumn the data's group column, or null: recorded, and used by a group split
   */
  public static SplitResult split(
      Table table, String source, SplitSpec spec, String timeColumn, String groupColumn) {
    int n = table.rowCount();
    if (n < 2) {
      throw new IllegalArgumentException(
          source + " has " + n + " row" + (n == 1 ? "" : "s") + "; a split needs at least 2");
    }
    if (spec.column() != null && !table.columnNames().contains(spec.column())) {
      throw new IllegalArgumentException("no column '" + spec.column() + "' in " + source);
    }
    boolean seeded = spec.seed() != null || spec.method() == SplitMethod.TIME;
    long seed = spec.seed() != null ? spec.seed() : new SecureRandom().nextLong();
    SplittableRandom random = new SplittableRandom(seed);
    boolean[] test = new boolean[n];
    boolean[] dropped = new boolean[n];
    switch (spec.method()) {
      case RANDOM -> {
        int[] order = shuffled(n, random);
        int testCount = (int) Math.round(n * spec.testFraction());
        for (int i = 0; i < testCount; i++) {
          test[order[i]] = true;
        }
      }
      case STRATIFIED -> {
        Map<String, List<Integer>> byClass = new LinkedHashMap<>();
        Column<?> label = table.column(spec.column());
        for (int r = 0; r < n; r++) {
          byClass
              .computeIfAbsent(label.isMissing(r) ? "" : label.getString(r), k -> new ArrayList<>())
              .add(r);
        }
        for (List<Integer> rows : byClass.values()) {
          int[] order = shuffled(rows.size(), random);
          int testCount = (int) Math.round(rows.size() * spec.testFraction());
          for (int i = 0; i < testCount; i++) {
            test[rows.get(order[i])] = true;
          }
        }
      }
      case TIME -> timeSplit(table, spec, test, dropped);
      case GROUP -> {
        String[] groups = Frame.of(table, List.of(spec.column())).texts(spec.column());
        Map<String, List<Integer>> byGroup = new LinkedHashMap<>();
        for (int r = 0; r < n; r++) {
          byGroup
              .computeIfAbsent(groups[r] == null ? "(missing)" : groups[r], k -> new ArrayList<>())
              .add(r);
        }
        List<String> keys = new ArrayList<>(byGroup.keySet());
        keys.sort(null); // the shuffle must not depend on row order
        int[] order = shuffled(keys.size(), random);
        long target = Math.round(n * spec.testFraction());
        long taken = 0;
        for (int i = 0; i < order.length && taken < target && i < order.length - 1; i++) {
          for (int r : byGroup.get(keys.get(order[i]))) {
            test[r] = true;
            taken++;
          }
        }
      }
    }
    int[] trainRows = rows(test, dropped, false);
    int[] testRows = rows(test, dropped, true);
    if (trainRows.length == 0 || testRows.length == 0) {
      throw new IllegalArgumentException(
          "the "
              + spec.method().label()
              + " split left one side empty; use more rows or another test fraction");
    }
    Table train = table.rows(trainRows);
    Table testTable = table.rows(testRows);
    train.setName(table.name());
    testTable.setName(table.name());
    long droppedCount = 0;
    for (boolean d : dropped) {
      droppedCount += d ? 1 : 0;
    }
    Judged judged =
        fact(
            table,
            source,
            spec,
            seeded,
            spec.seed() != null ? spec.seed() : 0,
            trainRows,
            testRows,
            timeColumn,
            groupColumn);
    return new SplitResult(
        train, testTable, trainRows, testRows, droppedCount, judged.fact(), judged.overlaps());
  }

  private static void timeSplit(Table table, SplitSpec spec, boolean[] test, boolean[] dropped) {
    double[] time = Frame.of(table, List.of(spec.column())).numbers(spec.column());
    int n = time.length;
    double[] present = Arrays.stream(time).filter(t -> !Double.isNaN(t)).sorted().toArray();
    if (present.length < 2) {
      throw new IllegalArgumentException(
          "time column " + spec.column() + " has fewer than 2 values");
    }
    int cut =
        Math.max(
            1,
            Math.min(
                present.length - 1,
                present.length - (int) Math.round(present.length * spec.testFraction())));
    double cutoff = present[cut];
    // Ties at the cut go to test, so no training row is at or after the first test time; when
    // every value ties, the tied rows stay in training and test starts after them.
    boolean strict = present[0] < cutoff;
    for (int r = 0; r < n; r++) {
      if (Double.isNaN(time[r])) {
        dropped[r] = true;
      } else {
        test[r] = strict ? time[r] >= cutoff : time[r] > cutoff;
      }
    }
  }

  /**
   * The row indices 0…n−1 in a seeded random order (Fisher–Yates): the same random gives the same
   * order.
   */
  public static int[] shuffled(int n, SplittableRandom random) {
    int[] order = new int[n];
    for (int i = 0; i < n; i++) {
      order[i] = i;
    }
    for (int i = n - 1; i > 0; i--) {
      int j = random.nextInt(i + 1);
      int t = order[i];
      order[i] = order[j];
      order[j] = t;
    }
    return order;
  }

  private static int[] rows(boolean[] test, boolean[] dropped, boolean side) {
    int count = 0;
    for (int r = 0; r < test.length; r++) {
      if (!dropped[r] && test[r] == side) {
        count++;
      }
    }
    int[] rows = new int[count];
    int k = 0;
    for (int r = 0; r < test.length; r++) {
      if (!dropped[r] && test[r] == side) {
        rows[k++] = r;
      }
    }
    return rows;
  }

  private static Judged fact(
      Table table,
      String source,
      SplitSpec spec,
      boolean seeded,
      long seed,
      int[] trainRows,
      int[] testRows,
      String timeColumn,
      String groupColumn) {
    String time =
        timeColumn != null && table.columnNames().contains(timeColumn) ? timeColumn : null;
    String group =
        groupColumn != null && table.columnNames().contains(groupColumn) ? groupColumn : null;
    if (spec.method() == SplitMethod.TIME && time == null) {
      time = spec.column();
    }
    if (spec.method() == SplitMethod.GROUP && group == null) {
      group = spec.column();
    }
    String trainMax = null;
    String testMin = null;
    double overlap = Double.NaN;
    if (time != null) {
      Column<?> column = table.column(time);
      double[] t = Frame.of(table, List.of(time)).numbers(time);
      int maxRow = -1;
      for (int r : trainRows) {
        if (!Double.isNaN(t[r]) && (maxRow < 0 || t[r] > t[maxRow])) {
          maxRow = r;
        }
      }
      int minRow = -1;
      long notAfter = 0;
      long counted = 0;
      for (int r : testRows) {
        if (Double.isNaN(t[r])) {
          continue;
        }
        counted++;
        if (minRow < 0 || t[r] < t[minRow]) {
          minRow = r;
        }
        if (maxRow >= 0 && t[r] <= t[maxRow]) {
          notAfter++;
        }
      }
      trainMax = maxRow < 0 ? null : column.getString(maxRow);
      testMin = minRow < 0 ? null : column.getString(minRow);
      overlap = counted == 0 ? Double.NaN : (double) notAfter / counted;
    }
    long shared = 0;
    long testGroups = 0;
    long trainGroupCount = 0;
    List<String> examples = new ArrayList<>();
    if (group != null) {
      String[] g = Frame.of(table, List.of(group)).texts(group);
      Set<String> trainGroups = new HashSet<>();
      for (int r : trainRows) {
        trainGroups.add(g[r] == null ? "(missing)" : g[r]);
      }
      Set<String> testSet = new HashSet<>();
      for (int r : testRows) {
        testSet.add(g[r] == null ? "(missing)" : g[r]);
      }
      testGroups = testSet.size();
      trainGroupCount = trainGroups.size();
      for (String v : new java.util.TreeSet<>(testSet)) {
        if (trainGroups.contains(v)) {
          shared++;
          if (examples.size() < 5) {
            examples.add(v);
          }
        }
      }
    }
    SplitFact fact =
        new SplitFact(
            spec.method().label(),
            source,
            seeded,
            seeded && spec.method() != SplitMethod.TIME ? seed : 0,
            spec.testFraction(),
            trainRows.length,
            testRows.length,
            time,
            group,
            trainMax,
            testMin,
            overlap,
            shared,
            testGroups);
    // The same overlap facts a comparison of a train and a test file gives, so one rule judges
    // both.
    List<Object> overlaps = new ArrayList<>();
    if (group != null) {
      overlaps.add(
          new GroupOverlapFact(
              group, "train", "test", trainGroupCount, testGroups, shared, true, examples));
    }
    if (time != null && !Double.isNaN(overlap)) {
      overlaps.add(new TimeOverlapFact(time, "train", "test", trainMax, testMin, overlap));
    }
    return new Judged(fact, overlaps);
  }

  /** A split's fact and the train–test overlap facts the validation rules judge. */
  private record Judged(SplitFact fact, List<Object> overlaps) {}

  /** Rows per class on each side, for display: class → {train, test}. */
  public static Map<String, long[]> classCounts(SplitResult result, String label) {
    Map<String, long[]> counts = new HashMap<>();
    count(result.train(), label, counts, 0);
    count(result.test(), label, counts, 1);
    return counts;
  }

  private static void count(Table t, String label, Map<String, long[]> counts, int side) {
    Column<?> c = t.column(label);
    for (int r = 0; r < t.rowCount(); r++) {
      counts
          .computeIfAbsent(c.isMissing(r) ? "(missing)" : c.getString(r), k -> new long[2])[side]++;
    }
  }
}
