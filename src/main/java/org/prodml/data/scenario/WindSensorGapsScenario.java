package org.prodml.data.scenario;

import java.nio.file.Path;
import java.util.List;
import org.prodml.data.CsvDamage;
import org.prodml.text.Format;

/**
 * An unreliable upstream source, the course's first data-dependency question, on the Seattle
 * weather as a deployed model was served it in 2015: the station's wind sensor sends nothing on
 * about a fifth of the days, at random. Course note 0's write-a-rule exercise asks for a
 * data-verification rule that notices.
 */
public final class WindSensorGapsScenario extends Scenario {
  static final String NAME = "wind-sensor-gaps";
  static final String SOURCE = "seattle-weather";
  static final String SERVING_SPAN = "spans/serving-2015.csv";
  static final long SEED = 2015;

  /** Each day's chance that the wind reading does not arrive. */
  static final double GAP_SHARE = 0.2;

  /** Course note 0 and its exercise read the file by this name. */
  static final String DATA_FILE = "serving-2015.csv";

  WindSensorGapsScenario() {
    super(
        NAME,
        SOURCE,
        SERVING_SPAN,
        SEED,
        "`wind` blank on about a fifth of the 2015 days (an unreliable source)",
        0);
  }

  /**
   * Other years with and without gaps: 2014 losing fewer readings than the shown file, the first
   * half of 2015 losing many more, and two clean years, one of them (2013) with less wind than
   * usual, so a limit on the mean wind copied between the shown profiles fails.
   */
  @Override
  public List<HeldBackCase> heldBack(Path datasets) {
    String all = SOURCE + "/data.csv";
    CsvDamage fewGaps =
        span(datasets, all, "2014-01-01", "2015-01-01", SEED + 1).blank("wind", 0.08);
    CsvDamage manyGaps =
        span(datasets, all, "2015-01-01", "2015-07-01", SEED + 2).blank("wind", 0.4);
    return List.of(
        new HeldBackCase(
            "2014, wind missing on " + blankShare(fewGaps) + " of the days", true, fewGaps.csv()),
        new HeldBackCase(
            "January to June 2015, wind missing on " + blankShare(manyGaps) + " of the days",
            true,
            manyGaps.csv()),
        new HeldBackCase(
            "2014, every reading arrived",
            false,
            span(datasets, all, "2014-01-01", "2015-01-01", SEED).csv()),
        new HeldBackCase(
            "2013, a calmer year, every reading arrived",
            false,
            span(datasets, all, "2013-01-01", "2014-01-01", SEED).csv()));
  }

  private static String blankShare(CsvDamage data) {
    List<String> wind = data.column("wind");
    return Format.percent((double) wind.stream().filter(String::isEmpty).count() / wind.size());
  }

  @Override
  public ScenarioFolder build(Path datasets) {
    CsvDamage data = readSource(datasets).blank("wind", GAP_SHARE);
    List<String> wind = data.column("wind");
    long blank = wind.stream().filter(String::isEmpty).count();

    return new ScenarioBuilder(datasets, this)
        .dataFile(DATA_FILE)
        .title(
            "Seattle weather 2015 as served, with wind sensor gaps (an unreliable source)",
            "one day of weather observations at Seattle-Tacoma airport, as the serving system received them")
        .roles("weather", "classification", "date", null)
        .sourceColumns("date", "precipitation", "temp_max", "temp_min", "wind", "weather")
        .sheet(
            """
            The columns are exactly those of seattle-weather and the rows are its serving span, the %d days of 2015 a \
            deployed weather model was served. The station's wind feed is not always there: on some days the reading \
            never arrives, and the field is empty.
            """
                .formatted(wind.size()),
            """
            1. Read seattle-weather's `%s` (%d days) in its order.
            2. With `CsvDamage.blank`, empty `wind` on each day with probability %s (one draw per day, in order).
            Every other value is unchanged.
            """
                .formatted(SERVING_SPAN, wind.size(), Format.number(GAP_SHARE)),
            """
            - **Unreliable source in `wind`: blank on %d of %d days (%s)**, chosen at random: the station's wind feed is \
            not always there, the course's "is your data source reliable?" question.
            - Every other value is unchanged. The clean counterpart is `seattle-weather/spans/serving-2015.csv`; the \
            reference (training) data is `seattle-weather/spans/train-2012-2013.csv`, where wind is never missing.
            """
                .formatted(blank, wind.size(), Format.percent((double) blank / wind.size())),
            """
            Course note 0, *The system around the model*: the write-a-rule exercise `wind-gaps-rule` (a data-verification \
            rule that fires on this file and stays quiet on the clean 2015 file, with `wind` as its subject).
            """)
        .build(data);
  }
}
