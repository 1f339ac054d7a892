package org.prodml.profile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.prodml.facts.ColumnComparisonFact;
import org.prodml.facts.GroupOverlapFact;
import org.prodml.facts.SchemaChangeFact;
import org.prodml.facts.TimeOverlapFact;

class ProfileComparisonTest {
  @TempDir Path dir;

  DatasetProfile profile(
      String name,
      String header,
      int rows,
      java.util.function.IntFunction<String> row,
      ProfileOptions options)
      throws Exception {
    StringBuilder s = new StringBuilder(header).append('\n');
    for (int i = 0; i < rows; i++) {
      s.append(row.apply(i)).append('\n');
    }
    return CsvProfiler.profile(Files.writeString(dir.resolve(name), s), options);
  }

  ColumnComparisonFact column(ProfileComparison.Result r, String name) {
    return r.columns().stream().filter(c -> c.column().equals(name)).findFirst().orElseThrow();
  }

  @Test
  void identicalDataHasNoDistance() throws Exception {
    Random r = new Random(3);
    String[] rows = new String[2000];
    for (int i = 0; i < rows.length; i++) {
      rows[i] = r.nextGaussian() + "," + (r.nextInt(3) == 0 ? "a" : "b");
    }
    DatasetProfile a =
        profile("a.csv", "x,c", rows.length, i -> rows[i], ProfileOptions.defaults());
    DatasetProfile b =
        profile("b.csv", "x,c", rows.length, i -> rows[i], ProfileOptions.defaults());
    ProfileComparison.Result result =
        ProfileComparison.compare(a, "train", b, "serving", "train-serving");
    assertEquals(0, column(result, "x").jsDivergence(), 1e-12);
    assertEquals(0, column(result, "x").psi(), 1e-12);
    assertEquals(0, column(result, "x").outOfRangeShare(), 1e-12);
    assertEquals(0, column(result, "c").lInfinity(), 1e-12);
    assertEquals(List.of(), column(result, "c").newCategories());
  }

  @Test
  void aShiftedColumnAndANewCategoryAreMeasured() throws Exception {
    Random r = new Random(5);
    double[] t = new double[3000];
    double[] s = new double[3000];
    for (int i = 0; i < t.length; i++) {
      t[i] = r.nextGaussian();
      s[i] = r.nextGaussian() + 3;
    }
    DatasetProfile train =
        profile(
            "t.csv",
            "x,c",
            3000,
            i -> t[i] + "," + (i % 2 == 0 ? "a" : "b"),
            ProfileOptions.defaults());
    DatasetProfile serving =
        profile(
            "s.csv",
            "x,c,extra",
            3000,
            i -> s[i] + "," + (i % 10 == 0 ? "z" : i % 2 == 0 ? "a" : "b") + ",1",
            ProfileOptions.defaults());
    double trainMax = java.util.Arrays.stream(t).max().orElseThrow();
    double above = java.util.Arrays.stream(s).filter(v -> v > trainMax).count() / 3000.0;
    ProfileComparison.Result result =
        ProfileComparison.compare(train, "train", serving, "serving", "train-serving");
    ColumnComparisonFact x = column(result, "x");
    assertTrue(x.jsDivergence() > 0.6, "3 sigma apart: " + x.jsDivergence());
    assertTrue(x.psi() > 2, "PSI: " + x.psi());
    assertEquals(
        above,
        x.outOfRangeShare(),
        1e-9,
        "values above the training maximum (exact while values are kept)");
    ColumnComparisonFact c = column(result, "c");
    assertEquals(List.of("z"), c.newCategories());
    assertEquals(0.1, c.newCategoryShare(), 1e-9);
    assertEquals(0.1, c.lInfinity(), 1e-9);
    assertEquals(
        List.of(new SchemaChangeFact("extra", "new", "train", "serving")), result.schemaChanges());
  }

  @Test
  void groupsSharedBetweenSplitsAndTimeOverlapAreCounted() throws Exception {
    DatasetProfile train =
        profile(
            "g1.csv",
            "author,day,y",
            100,
            i -> "author" + (i % 10) + ",2020-01-" + String.format("%02d", 1 + i % 20) + ",a",
            ProfileOptions.defaults().withGroup("author").withTime("day"));
    DatasetProfile test =
        profile(
            "g2.csv",
            "author,day,y",
            50,
            i -> "author" + (8 + i % 5) + ",2020-01-" + String.format("%02d", 15 + i % 10) + ",a",
            ProfileOptions.defaults().withGroup("author").withTime("day"));
    GroupOverlapFact groups = ProfileComparison.groupOverlap(train, "train", test, "test");
    assertEquals(10, groups.referenceGroups());
    assertEquals(5, groups.currentGroups());
    assertEquals(2, groups.sharedGroups(), "author8 and author9");
    assertTrue(groups.exact());
    assertTrue(groups.examples().containsAll(List.of("author8", "author9")));
    TimeOverlapFact time = ProfileComparison.timeOverlap(train, "train", test, "test");
    assertEquals("2020-01-20", time.referenceMax());
    assertEquals("2020-01-15", time.currentMin());
    assertEquals(0.6, time.overlapShare(), 1e-9, "days 15..20 of 15..24");
  }
}
