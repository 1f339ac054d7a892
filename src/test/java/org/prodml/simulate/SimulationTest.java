package org.prodml.simulate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.prodml.data.DataLoader;
import org.prodml.facts.ParadigmComparisonFact;
import org.prodml.train.LabelSpec;
import org.prodml.train.ModelSpec;
import org.prodml.train.ModelType;
import org.prodml.work.Work;
import tech.tablesaw.api.Table;

class SimulationTest {
  @Test
  void onSeattleWeatherTheStaticModelFallsAcrossSeasonsWhereTheDynamicHolds() {
    Table weather = DataLoader.load(Path.of("datasets/seattle-weather/data.csv"));
    TrainingSimulationSpec spec =
        new TrainingSimulationSpec(
            ModelSpec.of(ModelType.LOGISTIC, LabelSpec.of("weather"), 7L),
            List.of("precipitation", "temp_max", "temp_min", "wind"),
            null,
            "date",
            90,
            30,
            30,
            90,
            0.05);
    TrainingSimulation s = TrainingParadigm.run(weather, "seattle-weather", spec, Work.NONE);
    ParadigmComparisonFact f = s.fact();
    assertEquals("2012-01-01 to 2012-03-30", s.firstPeriod());
    assertEquals(46, f.periods());
    assertEquals(1, f.staticRuns());
    assertEquals(46, f.dynamicRuns(), "the first model and one retrain per later period");
    assertTrue(f.staticMean() < 0.55, "static, trained on January-March 2012: " + f.staticMean());
    assertTrue(
        f.dynamicMean() > 0.72,
        "dynamic, retrained monthly on the last 90 days: " + f.dynamicMean());
    assertTrue(
        f.periodsStaticBehind() > 30,
        "static behind in " + f.periodsStaticBehind() + " of 46 periods");
    // Summer is where the winter model is lost: June-August of every year.
    for (PeriodResult p : s.periods()) {
      int month = java.time.LocalDate.parse(p.start()).plusDays(15).getMonthValue();
      if (month >= 6 && month <= 7 && !p.start().startsWith("2012")) {
        assertTrue(p.staticValue() < 0.4 && p.dynamicValue() > 0.65, p.toString());
      }
    }
    assertEquals(31, f.stalenessDays(), "static fell behind from the second month on");
    assertEquals(
        0, s.periods().get(0).staticAgeDays() - 30, 1e-9, "age at the end of the first period");
  }

  @Test
  void onFlightsStaticInferenceMissesRareRoutesThatDynamicAnswers() {
    Table flights = DataLoader.load(Path.of("datasets/flights-20k/data.csv"));
    InferenceSimulationSpec spec =
        new InferenceSimulationSpec(
            ModelSpec.of(ModelType.LOGISTIC, new LabelSpec("delay", 15.0), 7L),
            List.of("distance", "origin", "destination"),
            null,
            "date",
            31,
            List.of("origin", "destination"),
            1,
            6000);
    InferenceSimulation s = InferenceParadigm.run(flights, "flights-20k", spec, Work.NONE);
    ParadigmComparisonFact f = s.fact();
    assertEquals(6937, s.trainingRows(), "January");
    assertEquals(6000, f.dynamicRuns());
    assertEquals(1.0, f.dynamicCoverage());
    assertEquals(
        0.879, f.staticCoverage(), 0.001, "static coverage of the routes flown in February");
    long[] unseen = s.staticResult().coverageByFrequency().get("unseen");
    assertTrue(
        unseen[0] > 300 && unseen[1] == 0,
        "routes never flown in January are never answered statically");
    assertTrue(f.staticP99Ms() < f.dynamicP99Ms(), f.toString());
    assertEquals(
        s.weeks().stream().mapToLong(InferenceSimulation.WeekCoverage::requests).sum(), 6000);
  }
}
