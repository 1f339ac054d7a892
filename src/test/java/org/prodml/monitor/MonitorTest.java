package org.prodml.monitor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.prodml.data.DataLoader;
import org.prodml.facts.MonitoringWindowFact;
import org.prodml.profile.ProfileOptions;
import org.prodml.profile.TableProfiler;
import org.prodml.train.LabelSpec;
import org.prodml.train.ModelSpec;
import org.prodml.train.ModelType;
import org.prodml.train.TrainedModel;
import org.prodml.train.Trainer;
import org.prodml.transform.Encoding;
import org.prodml.transform.FitScope;
import org.prodml.transform.Placement;
import org.prodml.transform.TransformPlan;
import org.prodml.work.Work;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.Table;

class MonitorTest {
  static final List<String> FEATURES = List.of("precipitation", "temp_max", "temp_min", "wind");

  @Test
  void aPlantedDriftShowsInItsWindowOnly() {
    Table train = DataLoader.load(Path.of("datasets/seattle-weather/spans/train-2012-2013.csv"));
    Table serving = DataLoader.load(Path.of("datasets/seattle-weather/spans/serving-2015.csv"));
    // Plant a drift: in June 2015 the wind sensor reports in km/h instead of m/s (× 3.6), and one
    // reading is infinite.
    DoubleColumn wind = serving.doubleColumn("wind");
    for (int r = 0; r < serving.rowCount(); r++) {
      if (serving.dateColumn("date").get(r).getMonthValue() == 6) {
        wind.set(r, wind.get(r) * 3.6);
      }
    }
    wind.set(200, Double.POSITIVE_INFINITY);
    var t =
        TransformPlan.auto(
                train, FEATURES, Encoding.LINEAR, Placement.MATERIALIZED, FitScope.TRAINING)
            .fit(train, "train");
    TrainedModel model =
        Trainer.train(
            train,
            t,
            ModelSpec.of(ModelType.LOGISTIC, LabelSpec.of("weather"), 1L),
            "date",
            Work.NONE);
    var profile =
        TableProfiler.profile(
            train, ProfileOptions.defaults().withLabel("weather").withTime("date"));
    List<WindowResult> windows =
        Monitor.replay(
            new Monitor.Setup(model, train, profile, 0.8, WindowSpec.month()),
            serving,
            "date",
            Work.NONE);
    assertEquals(12, windows.size());
    MonitoringWindowFact june = windows.get(5).fact();
    assertEquals("2015-06", june.window());
    assertEquals("wind", june.maxJsColumn());
    assertTrue(june.maxJsDivergence() > 0.3, "June's wind drifted: " + june.maxJsDivergence());
    for (int m = 0; m < 12; m++) {
      MonitoringWindowFact w = windows.get(m).fact();
      if (m != 5 && "wind".equals(w.maxJsColumn())) {
        assertTrue(
            w.maxJsDivergence() < june.maxJsDivergence() / 2,
            w.window() + " " + w.maxJsDivergence());
      }
    }
    // Model age grows window by window: the training data ends 2013-12-31.
    assertEquals(31 + 365, windows.get(0).fact().modelAgeDays(), 1e-9);
    assertEquals(365 + 365, windows.get(11).fact().modelAgeDays(), 1e-9);
    // Row 200 is in July: its infinite wind reading is counted.
    assertEquals(1, windows.get(6).fact().inputNonFinite());
    assertEquals(0, windows.get(0).fact().inputNonFinite());
    assertTrue(windows.stream().allMatch(w -> w.fact().labeledRows() == w.fact().rows()));
    assertTrue(windows.stream().allMatch(w -> !Double.isNaN(w.fact().liveValue())));
    assertEquals("window 2015-06", windows.get(5).comparison().columns().get(0).current());
    // Two whole training years: June is compared with the training Junes.
    assertEquals("train, same months (Jun)", windows.get(5).fact().reference());
    assertEquals(
        "train, same months (Jun)", windows.get(5).comparison().columns().get(0).reference());
    assertEquals("window", windows.get(5).comparison().columns().get(0).comparison());
  }

  @Test
  void windowsOfDays() {
    WindowSpec w = WindowSpec.parse("14d");
    var first = java.time.LocalDate.of(2015, 1, 1);
    assertEquals(
        java.time.LocalDate.of(2015, 1, 15), w.start(first, java.time.LocalDate.of(2015, 1, 20)));
    assertEquals(java.time.LocalDate.of(2015, 1, 28), w.end(java.time.LocalDate.of(2015, 1, 15)));
    assertEquals(WindowSpec.month(), WindowSpec.parse("month"));
  }
}
