package org.prodml.data.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.prodml.data.CsvDamage;
import org.prodml.data.DataLoader;
import org.prodml.data.DatasetSpec;
import org.prodml.facts.FeatureCorrelationFact;
import org.prodml.facts.LabelAssociationFact;
import org.prodml.profile.DataFiles;
import org.prodml.profile.DatasetProfile;
import org.prodml.profile.FeatureCorrelations;
import org.prodml.profile.ProfileFacts;
import org.prodml.profile.ProfileOptions;
import org.prodml.split.SplitMethod;
import org.prodml.split.SplitResult;
import org.prodml.split.SplitSpec;
import org.prodml.split.Splitter;
import tech.tablesaw.api.Table;

/**
 * The scenario datasets: seeded, byte-identical on every run and identical to the committed files
 * (their README too), described like the shipped datasets, read by the course notes they name, and
 * carrying the flaws their datasheets say are planted — measured here with the same profile,
 * correlation and split code the lessons use. These tests read the committed teaching data on
 * purpose: they are the tests of its generator.
 */
class ScenariosTest {
  static final Path DATASETS = Path.of("datasets");
  static final Path SCENARIOS = DATASETS.resolve("scenarios");

  /** A course note's name starts with its number: "6. Flaws in real-world models". */
  static final Pattern NOTE_NUMBER = Pattern.compile("^(\\d+)\\. ");

  @Test
  void twoRunsWriteTheSameBytesAndTheSecondChangesNothing(@TempDir Path dir) throws Exception {
    for (Scenario scenario : Scenarios.all()) {
      List<Scenarios.WrittenFile> first =
          Scenarios.write(scenario.build(DATASETS), dir.resolve("a"));
      List<Scenarios.WrittenFile> again =
          Scenarios.write(scenario.build(DATASETS), dir.resolve("a"));
      List<Scenarios.WrittenFile> elsewhere =
          Scenarios.write(scenario.build(DATASETS), dir.resolve("b"));
      assertTrue(
          first.stream().allMatch(Scenarios.WrittenFile::changed), "a fresh folder is written");
      assertTrue(
          again.stream().noneMatch(Scenarios.WrittenFile::changed),
          scenario.name() + ": a rerun must leave every file unchanged");
      for (int i = 0; i < first.size(); i++) {
        assertEquals(
            -1,
            Files.mismatch(first.get(i).path(), elsewhere.get(i).path()),
            first.get(i).path().toString());
      }
    }
  }

  @Test
  void theCommittedScenariosAreWhatTheGeneratorWrites() throws Exception {
    for (Scenario scenario : Scenarios.all()) {
      ScenarioFolder folder = scenario.build(DATASETS);
      for (Map.Entry<String, String> file : folder.files().entrySet()) {
        Path committed = SCENARIOS.resolve(scenario.name()).resolve(file.getKey());
        assertTrue(
            Files.isRegularFile(committed),
            committed + " is missing: run ./prodml datasets scenarios");
        assertEquals(
            file.getValue(),
            Files.readString(committed),
            committed + " is stale: run ./prodml datasets scenarios");
      }
    }
  }

  @Test
  void theCommittedReadmeListsEveryScenarioAsTheGeneratorWritesIt() throws Exception {
    Path committed = SCENARIOS.resolve(Scenarios.README);
    assertTrue(
        Files.isRegularFile(committed), committed + " is missing: run ./prodml datasets scenarios");
    String readme = Files.readString(committed);
    assertEquals(
        Scenarios.readme(), readme, committed + " is stale: run ./prodml datasets scenarios");
    try (var folders = Files.list(SCENARIOS)) {
      for (Path folder : folders.filter(Files::isDirectory).toList()) {
        String name = folder.getFileName().toString();
        assertTrue(
            Scenarios.find(name).isPresent(),
            name + " is not a registered scenario: add it to Scenarios.all()");
        assertTrue(
            readme.contains("| [" + name + "](" + name + "/DATASHEET.md) |"),
            name + " is missing from the README's table");
      }
    }
  }

  @Test
  void eachScenarioNamesTheCourseNotesThatReadIt() throws Exception {
    // Which note reads which scenario, from the notes themselves.
    Map<String, Set<Integer>> readBy = new TreeMap<>();
    ObjectMapper json = new ObjectMapper();
    List<Path> notes;
    try (var files = Files.walk(Path.of("notebooks"))) {
      notes = files.filter(p -> p.toString().endsWith(".zpln")).toList();
    }
    assertFalse(notes.isEmpty(), "no course note under notebooks/");
    for (Path note : notes) {
      String text = Files.readString(note);
      Matcher number = NOTE_NUMBER.matcher(json.readTree(note.toFile()).path("name").asText());
      Integer noteNumber = number.find() ? Integer.valueOf(number.group(1)) : null;
      for (Scenario scenario : Scenarios.all()) {
        if (text.contains("scenarios/" + scenario.name() + "/")) {
          assertNotNull(
              noteNumber, note + " reads " + scenario.name() + " but its name has no note number");
          readBy.computeIfAbsent(scenario.name(), k -> new TreeSet<>()).add(noteNumber);
        }
      }
    }
    for (Scenario scenario : Scenarios.all()) {
      assertEquals(
          readBy.getOrDefault(scenario.name(), Set.of()),
          new TreeSet<>(scenario.courseNotes()),
          scenario.name() + ": the course notes that read it");
    }
  }

  @Test
  void everyDatasetJsonHasTheKeysOfTheShippedOnesAndDescribesItsColumns() throws Exception {
    ObjectMapper json = new ObjectMapper();
    Set<String> shippedKeys =
        keys(json.readTree(DATASETS.resolve("seattle-weather/dataset.json").toFile()).fieldNames());
    for (Scenario scenario : Scenarios.all()) {
      Path file = SCENARIOS.resolve(scenario.name()).resolve("dataset.json");
      assertEquals(shippedKeys, keys(json.readTree(file.toFile()).fieldNames()), file.toString());
      DatasetSpec spec = DatasetSpec.read(file);
      assertEquals(scenario.name(), spec.name());
      Table table =
          DataLoader.load(SCENARIOS.resolve(scenario.name()).resolve(spec.file()), spec.types());
      assertEquals(
          table.columnNames(),
          spec.columns().stream().map(DatasetSpec.ColumnSpec::name).toList(),
          file.toString());
      for (DatasetSpec.Span span : spec.spans()) {
        assertTrue(Files.isRegularFile(file.resolveSibling(span.file())), span.file());
      }
      String sheet = Files.readString(file.resolveSibling("DATASHEET.md"));
      assertTrue(
          sheet.contains("Seed: " + scenario.seed())
              && sheet.contains("./prodml datasets scenarios " + scenario.name())
              && sheet.contains("## Planted flaws (for teachers)"),
          scenario.name() + ": the datasheet says how it was made and what is planted");
    }
  }

  @Test
  void theDeskNearlyDeterminesDelaysInTheRecordsButNotInTheServingLog() {
    Path spans = SCENARIOS.resolve(RebookingDeskScenario.NAME).resolve("spans");
    double history = association(spans.resolve("history-2001-01-02.csv"), "delayed", "desk");
    double serving = association(spans.resolve("serving-2001-03.csv"), "delayed", "desk");
    assertTrue(history > 0.9, "Cramér's V of desk and delayed in the records: " + history);
    assertTrue(serving < 0.1, "in the serving log the desk comes from the roster: " + serving);
    assertEquals(
        30,
        Set.copyOf(CsvDamage.of(spans.resolve("history-2001-01-02.csv"), 0).column("desk")).size(),
        "many values, like hospital names");
    assertTrue(
        !CsvDamage.of(spans.resolve("history-2001-01-02.csv"), 0).header().contains("delay"),
        "the delay in minutes is gone");
  }

  @Test
  void aRandomSplitPutsTheSameBirdOnBothSidesAndAGroupSplitDoesNot() {
    Path file = SCENARIOS.resolve(RemeasuredPenguinsScenario.NAME).resolve("data.csv");
    Table table = DataLoader.load(file, DatasetSpec.forDataFile(file).orElseThrow().types());
    assertEquals(RemeasuredPenguinsScenario.VISITS * 333, table.rowCount());
    SplitResult random =
        Splitter.split(
            table, "data", new SplitSpec(SplitMethod.RANDOM, 0.2, 7L, null), null, "penguin");
    SplitResult group =
        Splitter.split(
            table, "data", new SplitSpec(SplitMethod.GROUP, 0.2, 7L, "penguin"), null, "penguin");
    assertTrue(
        random.fact().sharedGroups() > 0.9 * random.fact().testGroups(),
        "nearly every test bird also has visits in training: "
            + random.fact().sharedGroups()
            + " of "
            + random.fact().testGroups());
    assertEquals(0, group.fact().sharedGroups());
  }

  @Test
  void theUpstreamSignalsCarryOneDependencyFlawEach() {
    Path spans = SCENARIOS.resolve(UpstreamSignalsScenario.NAME).resolve("spans");
    CsvDamage train = CsvDamage.of(spans.resolve("train-2012-2013.csv"), 0);
    CsvDamage serving = CsvDamage.of(spans.resolve("serving-2015.csv"), 0);
    double trainMissing = share(train.column("cloud_cover"), String::isEmpty);
    double servingMissing = share(serving.column("cloud_cover"), String::isEmpty);
    assertEquals(62.0 / 731, trainMissing, 1e-9, "every August");
    assertTrue(
        servingMissing - trainMissing > 0.3,
        "the volunteer network closed in September 2015: " + servingMissing);

    Path trainFile = spans.resolve("train-2012-2013.csv");
    double copy =
        FeatureCorrelations.of(
                DataFiles.profile(trainFile, ProfileOptions.defaults(), false),
                List.of("temp_max", "temp_max_f"))
            .stream()
            .mapToDouble(FeatureCorrelationFact::value)
            .findFirst()
            .orElseThrow();
    assertTrue(copy > 0.99, "temp_max_f nearly copies temp_max: " + copy);

    CsvDamage all =
        CsvDamage.of(SCENARIOS.resolve(UpstreamSignalsScenario.NAME).resolve("data.csv"), 0);
    double before = UpstreamSignalsScenario.sunGap(all, "2012-01-01", "2014-12-31");
    double after = UpstreamSignalsScenario.sunGap(all, "2015-01-01", "2015-12-31");
    assertTrue(
        before > 140 && after < 0.6 * before,
        "once bookings follow the published forecast they track the weather less: "
            + before
            + " then "
            + after);
  }

  @Test
  void theServedYearHasAStuckGaugeInfiniteWindAndAnOutage() {
    CsvDamage served =
        CsvDamage.of(
            SCENARIOS.resolve(ServingFaultsScenario.NAME).resolve("spans/serving-2015.csv"), 0);
    CsvDamage clean = CsvDamage.of(DATASETS.resolve("seattle-weather/spans/serving-2015.csv"), 0);
    List<String> dates = served.column("date");
    List<String> rain = served.column("precipitation");
    List<String> wind = served.column("wind");
    int stuck = 0;
    int infinite = 0;
    for (int i = 0; i < dates.size(); i++) {
      if (dates.get(i).compareTo(ServingFaultsScenario.GAUGE_STUCK_FROM) >= 0) {
        assertEquals("0.0", rain.get(i), dates.get(i));
        stuck++;
      }
      infinite += wind.get(i).equals("Infinity") ? 1 : 0;
    }
    assertTrue(stuck > 150);
    assertEquals(7, infinite);
    assertEquals(clean.rowCount() - 19, served.rowCount(), "19 days of November never arrived");
    CsvDamage trainCopy =
        CsvDamage.of(
            SCENARIOS.resolve(ServingFaultsScenario.NAME).resolve("spans/train-2012-2013.csv"), 0);
    assertEquals(
        CsvDamage.of(DATASETS.resolve("seattle-weather/spans/train-2012-2013.csv"), 0).csv(),
        trainCopy.csv(),
        "the training years are untouched");
  }

  @Test
  void theWindFeedLosesAFifthOfItsReadingsAndNothingElse() {
    CsvDamage clean = CsvDamage.of(DATASETS.resolve("seattle-weather/spans/serving-2015.csv"), 0);
    CsvDamage gaps =
        CsvDamage.of(
            SCENARIOS
                .resolve(WindSensorGapsScenario.NAME)
                .resolve(WindSensorGapsScenario.DATA_FILE),
            0);
    assertEquals(clean.header(), gaps.header());
    assertEquals(clean.rowCount(), gaps.rowCount());
    List<String> cleanWind = clean.column("wind");
    List<String> wind = gaps.column("wind");
    long blank = wind.stream().filter(String::isEmpty).count();
    assertTrue(blank > 40 && blank < 110, "about a fifth of 365 days: " + blank);
    for (int i = 0; i < wind.size(); i++) {
      assertTrue(
          wind.get(i).isEmpty() || wind.get(i).equals(cleanWind.get(i)),
          "a reading that arrived is unchanged, row " + i);
    }
    assertOtherColumnsUnchanged(clean, gaps, "wind");
  }

  @Test
  void theServedTempMaxIsAZScoreOfItsOwnBatchAndNothingElseChanges() {
    CsvDamage clean = CsvDamage.of(DATASETS.resolve("seattle-weather/spans/serving-2015.csv"), 0);
    CsvDamage normalised =
        CsvDamage.of(
            SCENARIOS
                .resolve(PerBatchNormalisationScenario.NAME)
                .resolve(PerBatchNormalisationScenario.DATA_FILE),
            0);
    double[] z = normalised.column("temp_max").stream().mapToDouble(Double::parseDouble).toArray();
    double mean = java.util.Arrays.stream(z).average().orElseThrow();
    double variance =
        java.util.Arrays.stream(z).map(v -> (v - mean) * (v - mean)).sum() / (z.length - 1);
    assertEquals(0, mean, 0.01, "a z-score of its own batch has mean 0");
    assertEquals(1, Math.sqrt(variance), 0.01, "and standard deviation 1");
    assertOtherColumnsUnchanged(clean, normalised, "temp_max");
  }

  private static void assertOtherColumnsUnchanged(
      CsvDamage clean, CsvDamage damaged, String plantedIn) {
    for (String column : clean.header()) {
      if (!column.equals(plantedIn)) {
        assertEquals(
            clean.column(column),
            damaged.column(column),
            column + " must be the clean serving span's");
      }
    }
  }

  private static double association(Path file, String label, String feature) {
    DatasetProfile profile =
        DataFiles.profile(
            file,
            ProfileOptions.defaults()
                .withLabel(label)
                .withTypes(DatasetSpec.forDataFile(file).orElseThrow().types()),
            true);
    return ProfileFacts.associations(profile, List.of()).stream()
        .filter(a -> a.feature().equals(feature))
        .mapToDouble(LabelAssociationFact::value)
        .findFirst()
        .orElseThrow();
  }

  private static double share(List<String> values, java.util.function.Predicate<String> p) {
    return (double) values.stream().filter(p).count() / values.size();
  }

  private static Set<String> keys(Iterator<String> names) {
    Set<String> keys = new TreeSet<>();
    names.forEachRemaining(keys::add);
    return keys;
  }
}
