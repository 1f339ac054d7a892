package org.prodml.split;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.prodml.data.DataLoader;
import org.prodml.facts.SplitFact;
import tech.tablesaw.api.Table;

class SplitterTest {
  static final Table WEATHER = DataLoader.load(Path.of("datasets/seattle-weather/data.csv"));
  static final Table FLIGHTS = DataLoader.load(Path.of("datasets/flights-20k/data.csv"));

  @Test
  void aTimeSplitNeverPutsALaterRowInTraining() {
    SplitResult s =
        Splitter.split(
            WEATHER, "data", new SplitSpec(SplitMethod.TIME, 0.25, null, "date"), "date", null);
    var lastTrain = s.train().dateColumn("date").max();
    var firstTest = s.test().dateColumn("date").min();
    assertTrue(lastTrain.isBefore(firstTest), lastTrain + " vs " + firstTest);
    assertEquals(1096, s.train().rowCount());
    assertEquals(365, s.test().rowCount());
    SplitFact f = s.fact();
    assertEquals(0.0, f.timeOverlapShare());
    assertEquals("2014-12-31", f.trainMaxTime());
    assertEquals("2015-01-01", f.testMinTime());
    assertTrue(f.seeded(), "a time split needs no seed to be repeatable");
  }

  @Test
  void aTimeSplitOfFlightsWithTiesAtTheCut() {
    SplitResult s =
        Splitter.split(
            FLIGHTS, "data", new SplitSpec(SplitMethod.TIME, 0.2, null, "date"), "date", null);
    assertTrue(
        s.train().dateTimeColumn("date").max().isBefore(s.test().dateTimeColumn("date").min()));
    assertEquals(20_000, s.train().rowCount() + s.test().rowCount());
  }

  @Test
  void aRandomSplitOfTimeOrderedDataLetsTheTestLookBack() {
    SplitResult s =
        Splitter.split(
            WEATHER, "data", new SplitSpec(SplitMethod.RANDOM, 0.2, 7L, null), "date", null);
    assertEquals(292, s.test().rowCount());
    assertTrue(
        s.fact().timeOverlapShare() > 0.99,
        "almost every test day lies before the last training day");
    SplitResult again =
        Splitter.split(
            WEATHER, "data", new SplitSpec(SplitMethod.RANDOM, 0.2, 7L, null), "date", null);
    assertArrayEquals(s.testRows(), again.testRows(), "same seed, same split");
    SplitResult other =
        Splitter.split(
            WEATHER, "data", new SplitSpec(SplitMethod.RANDOM, 0.2, 8L, null), "date", null);
    assertFalse(java.util.Arrays.equals(s.testRows(), other.testRows()));
    SplitResult unseeded =
        Splitter.split(
            WEATHER, "data", new SplitSpec(SplitMethod.RANDOM, 0.2, null, null), "date", null);
    assertFalse(unseeded.fact().seeded());
  }

  @Test
  void aGroupSplitKeepsEveryGroupOnOneSide() {
    SplitResult s =
        Splitter.split(
            FLIGHTS, "data", new SplitSpec(SplitMethod.GROUP, 0.2, 3L, "origin"), "date", "origin");
    Set<String> train = new HashSet<>(s.train().stringColumn("origin").asList());
    Set<String> test = new HashSet<>(s.test().stringColumn("origin").asList());
    test.retainAll(train);
    assertTrue(test.isEmpty(), "origins on both sides: " + test);
    assertEquals(0, s.fact().sharedGroups());
    assertTrue(
        s.test().rowCount() >= 4000 && s.test().rowCount() < 5200,
        "about a fifth of the rows: " + s.test().rowCount());
    SplitResult random =
        Splitter.split(
            FLIGHTS, "data", new SplitSpec(SplitMethod.RANDOM, 0.2, 3L, null), "date", "origin");
    assertTrue(
        random.fact().sharedGroups() > 100,
        "a random split shares most airports: " + random.fact().sharedGroups());
  }

  @Test
  void aStratifiedSplitKeepsTheClassShares() {
    Table penguins = DataLoader.load(Path.of("datasets/penguins/data.csv"));
    SplitResult s =
        Splitter.split(
            penguins,
            "data",
            new SplitSpec(SplitMethod.STRATIFIED, 0.25, 1L, "Species"),
            null,
            null);
    var counts = Splitter.classCounts(s, "Species");
    assertEquals(38, counts.get("Adelie")[1]);
    assertEquals(17, counts.get("Chinstrap")[1]);
    assertEquals(31, counts.get("Gentoo")[1]);
  }
}
