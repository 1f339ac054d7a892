package org.prodml.data.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.prodml.data.CsvDamage;

/**
 * The precision suite's scenarios: seeded and byte-identical on every run, identical to the
 * committed files, each made from a real table the course does not use, with a datasheet and an
 * {@code expectations.json} that agree, and the suite's mix of controls and planted flaws.
 */
class PrecisionScenariosTest {
  static final Path DATASETS = Path.of("datasets");
  static final Path PRECISION = DATASETS.resolve("precision");

  /** Tables the course and the rules were written on; the suite must not use them. */
  static final Set<String> COURSE_SOURCES =
      Set.of("seattle-weather", "penguins", "cars", "flights-20k");

  @Test
  void twoRunsWriteTheSameBytes(@TempDir Path dir) throws Exception {
    for (PrecisionScenario scenario : Scenarios.precision()) {
      List<Scenarios.WrittenFile> first =
          Scenarios.write(scenario.build(DATASETS), dir.resolve("a"));
      List<Scenarios.WrittenFile> again =
          Scenarios.write(scenario.build(DATASETS), dir.resolve("a"));
      assertTrue(first.stream().allMatch(Scenarios.WrittenFile::changed));
      assertTrue(
          again.stream().noneMatch(Scenarios.WrittenFile::changed),
          scenario.name() + ": a rerun must leave every file unchanged");
    }
  }

  @Test
  void theCommittedScenariosAndReadmeAreWhatTheGeneratorWrites() throws Exception {
    for (PrecisionScenario scenario : Scenarios.precision()) {
      for (Map.Entry<String, String> file : scenario.build(DATASETS).files().entrySet()) {
        Path committed = PRECISION.resolve(scenario.name()).resolve(file.getKey());
        assertTrue(
            Files.isRegularFile(committed),
            committed + " is missing: run ./prodml datasets scenarios");
        assertEquals(
            file.getValue(),
            Files.readString(committed),
            committed + " is stale: run ./prodml datasets scenarios");
      }
    }
    assertEquals(
        Scenarios.precisionReadme(),
        Files.readString(PRECISION.resolve(Scenarios.README)),
        "datasets/precision/README.md is stale: run ./prodml datasets scenarios");
  }

  @Test
  void theSuiteHasTenScenariosOfRealTablesTheCourseDoesNotUseWithThreeControls() {
    List<PrecisionScenario> all = Scenarios.precision();
    assertTrue(all.size() >= 10, "at least 10 scenarios, found " + all.size());
    assertTrue(all.stream().filter(PrecisionScenario::control).count() >= 3, "at least 3 controls");
    Set<String> names = new HashSet<>();
    for (PrecisionScenario s : all) {
      assertFalse(COURSE_SOURCES.contains(s.source()), s.name() + " reads " + s.source());
      assertTrue(names.add(s.name()), "two scenarios named " + s.name());
      assertTrue(Scenarios.all().stream().noneMatch(c -> c.name().equals(s.name())));
    }
    assertTrue(all.stream().anyMatch(PrecisionScenario::heldOut), "some scenarios are held out");
  }

  @Test
  void expectationsSayWhatTheDatasheetSays() {
    for (PrecisionScenario scenario : Scenarios.precision()) {
      ScenarioFolder folder = scenario.build(DATASETS);
      Expectations x =
          Expectations.read(PRECISION.resolve(scenario.name()).resolve(Expectations.FILE_NAME));
      String sheet = folder.files().get("DATASHEET.md");
      assertEquals(scenario.name(), x.scenario());
      assertEquals(scenario.kind().label(), x.kind());
      assertEquals(scenario.control(), x.control());
      assertEquals(
          scenario.kind() == PrecisionScenario.Kind.PLANTED,
          !x.planted().isEmpty(),
          scenario.name());
      assertTrue(folder.files().containsKey(x.audit().train()), scenario.name());
      for (Expectations.Planted p : x.planted()) {
        assertFalse(p.rules().isEmpty(), scenario.name() + ": " + p.flaw());
        assertTrue(sheet.contains(p.flaw().replace("|", "\\|")), scenario.name() + ": " + p.flaw());
      }
      for (Expectations.Explained e : x.explained()) {
        assertTrue(sheet.contains(e.why().replace("|", "\\|")), scenario.name() + ": " + e.why());
      }
      assertTrue(sheet.contains(x.audit().command().replace("./prodml", "../../../prodml")));
      assertFalse(
          folder.files().containsKey("dataset.json"),
          "the audit infers types, as for a new user's files");
      for (String file : folder.files().keySet()) {
        if (file.endsWith(".csv")) {
          assertFalse(
              folder
                  .files()
                  .get(file)
                  .lines()
                  .findFirst()
                  .orElse("")
                  .contains(PrecisionBuilder.SPLIT),
              "the split column stays out of " + file);
        }
      }
    }
  }

  @Test
  void aPlantedFlawIsFoundOnlyByItsRulesAndSubjects() {
    Expectations.Planted anySubject =
        new Expectations.Planted("a flaw", "here", List.of("DV-026", "DV-027"), List.of());
    assertTrue(anySubject.foundBy("DV-027", "date"));
    assertFalse(anySubject.foundBy("DV-005", "date"));
    Expectations.Planted perRule =
        new Expectations.Planted(
            "a flaw", "here", List.of("DV-014:result", "PL-055"), List.of("division"));
    assertTrue(perRule.foundBy("DV-014", "result"));
    assertFalse(perRule.foundBy("DV-014", "division"), "DV-014 counts only on result");
    assertTrue(perRule.foundBy("PL-055", "division"));
    assertFalse(perRule.foundBy("PL-055", "model"));
  }

  @Test
  void copiedRowsAreExactCopiesAppendedAfterTheRows(@TempDir Path dir) throws Exception {
    Path csv = dir.resolve("t.csv");
    Files.writeString(csv, "a,b,split\n1,x,train\n2,y,train\n3,z,serving\n");
    CsvDamage data = CsvDamage.of(csv, 1);
    data.copyRows(r -> r.get("split").equals("train"), 1.0, "split", "serving");
    assertEquals(5, data.rowCount());
    assertEquals(List.of("train", "train", "serving", "serving", "serving"), data.column("split"));
    assertEquals(List.of("1", "2", "3", "1", "2"), data.column("a"));
    String serving =
        data.csv(r -> r.get("split").equals("serving"), List.of("split"), Map.of("b", "bee"));
    assertEquals("a,bee\n3,z\n1,x\n2,y\n", serving);
    assertEquals(new ArrayList<>(List.of("a", "b", "split")), data.header());
  }
}
