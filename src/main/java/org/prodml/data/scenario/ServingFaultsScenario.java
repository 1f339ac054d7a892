package org.prodml.data.scenario;

import java.nio.file.Path;
import java.util.List;
import org.prodml.data.CsvDamage;

/**
 * What monitoring is for, on the Seattle weather: the 2015 serving data with the faults a deployed
 * model meets — a rain gauge that freezes and reads 0 from mid-July on (every value stays in range,
 * so only the distribution gives it away), a jammed wind sensor whose feed sends infinity for a
 * week, and an outage of the feed of nearly three weeks. The training years are untouched.
 */
public final class ServingFaultsScenario extends Scenario {
  static final String NAME = "weather-serving-faults";
  static final String SOURCE = "seattle-weather";
  static final long SEED = 7001;
  static final String GAUGE_STUCK_FROM = "2015-07-15";
  static final String WIND_INFINITE_FROM = "2015-03-09";
  static final String WIND_INFINITE_TO = "2015-03-15";
  static final String OUTAGE_FROM = "2015-11-06";
  static final String OUTAGE_TO = "2015-11-24";

  ServingFaultsScenario() {
    super(
        NAME,
        SOURCE,
        "data.csv",
        SEED,
        "2015 only: rain gauge stuck at 0.0 from 15 July, `wind` infinite on 9–15 March, "
            + "6–24 November missing (monitoring)",
        7);
  }

  /**
   * For the frozen rain gauge alone: 2014 with the gauge stuck at 0.0 from July, 2015 with it stuck
   * from March, and two clean years, one of them (2013) drier than usual, so a limit on mean rain
   * copied between the shown profiles fails while a shift of the whole distribution holds.
   */
  @Override
  public List<HeldBackCase> heldBack(Path datasets) {
    String all = SOURCE + "/data.csv";
    return List.of(
        new HeldBackCase(
            "2014, rain gauge stuck at 0.0 from 1 July",
            true,
            stuck(datasets, "2014", "2014-07-01")),
        new HeldBackCase(
            "2015, rain gauge stuck at 0.0 from 1 March",
            true,
            stuck(datasets, "2015", "2015-03-01")),
        new HeldBackCase(
            "2014, the gauge working",
            false,
            span(datasets, all, "2014-01-01", "2015-01-01", SEED).csv()),
        new HeldBackCase(
            "2013, a drier year, the gauge working",
            false,
            span(datasets, all, "2013-01-01", "2014-01-01", SEED).csv()));
  }

  private static String stuck(Path datasets, String year, String from) {
    return span(
            datasets,
            SOURCE + "/data.csv",
            year + "-01-01",
            (Integer.parseInt(year) + 1) + "-01-01",
            SEED)
        .mapWhere("precipitation", row -> row.get("date").compareTo(from) >= 0, v -> "0.0")
        .csv();
  }

  @Override
  public ScenarioFolder build(Path datasets) {
    CsvDamage data = readSource(datasets);
    List<String> before = data.column("precipitation");
    List<String> beforeDates = data.column("date");
    long wetDaysZeroed = 0;
    for (int i = 0; i < before.size(); i++) {
      if (beforeDates.get(i).compareTo(GAUGE_STUCK_FROM) >= 0
          && !between(beforeDates.get(i), OUTAGE_FROM, OUTAGE_TO)
          && Double.parseDouble(before.get(i)) > 0) {
        wetDaysZeroed++;
      }
    }
    data.mapWhere(
            "precipitation", row -> row.get("date").compareTo(GAUGE_STUCK_FROM) >= 0, v -> "0.0")
        .mapWhere(
            "wind",
            row -> between(row.get("date"), WIND_INFINITE_FROM, WIND_INFINITE_TO),
            v -> "Infinity")
        .keepRows(row -> !between(row.get("date"), OUTAGE_FROM, OUTAGE_TO));
    long outageDays =
        java.time.temporal.ChronoUnit.DAYS.between(
                java.time.LocalDate.parse(OUTAGE_FROM), java.time.LocalDate.parse(OUTAGE_TO))
            + 1;

    return new ScenarioBuilder(datasets, this)
        .title(
            "Seattle weather 2015 as served, with sensor faults and an outage (monitoring)",
            "one day of weather observations at Seattle-Tacoma airport, as the serving system received them")
        .roles("weather", "classification", "date", null)
        .sourceColumns("date", "precipitation", "temp_max", "temp_min", "wind", "weather")
        .span("train-2012-2013", "2012-01-01", "2013-12-31", "training data (untouched)")
        .span("test-2014", "2014-01-01", "2014-12-31", "held-out test year (untouched)")
        .span("serving-2015", "2015-01-01", "2015-12-31", "serving data with the faults")
        .sheet(
            """
            The columns are exactly those of seattle-weather, and 2012–2014 are unchanged. The year 2015 is the data a \
            deployed weather model was served, with three faults of the kind monitoring exists to catch. The labels stay \
            true (the weather category was recorded independently), so live quality can be measured where faults hurt it.
            """,
            """
            1. Read seattle-weather's 1,461 days in their order.
            2. Rain gauge frozen: `precipitation` is written as `0.0` on every day from %s on.
            3. Jammed wind sensor: `wind` is written as `Infinity` from %s to %s (the feed divides by the \
            anemometer's rotation period, which is zero while it is jammed).
            4. Feed outage: the days from %s to %s are removed.
            No random draw is made: every fault sits on fixed dates, so teachers can point at them.
            """
                .formatted(
                    GAUGE_STUCK_FROM, WIND_INFINITE_FROM, WIND_INFINITE_TO, OUTAGE_FROM, OUTAGE_TO),
            """
            - **Stuck sensor (silent failure) in `precipitation` from %s:** %d wet days now read 0. Every value is still a \
            valid, in-range number, so schema and range checks pass; the share of zeros and the distribution give it away \
            (drift of the monthly windows against training, and a validation rule on the serving data). A model that \
            relies on precipitation calls those rainy days dry: live accuracy drops from August.
            - **Infinite inputs in `wind` from %s to %s** (7 days): the monitoring windows count non-finite inputs in March \
            (rule PL-054). (A `NaN` text would be read as a missing value, like an empty field.)
            - **Volume drop:** %d days of November missing (%s … %s); the November window has well under half the usual \
            rows (rule PL-057).
            - The clean counterpart is `seattle-weather/spans/serving-2015.csv`; the reference (training) data \
            `seattle-weather/spans/train-2012-2013.csv` or this folder's identical `spans/train-2012-2013.csv`.
            """
                .formatted(
                    GAUGE_STUCK_FROM,
                    wetDaysZeroed,
                    WIND_INFINITE_FROM,
                    WIND_INFINITE_TO,
                    outageDays,
                    OUTAGE_FROM,
                    OUTAGE_TO),
            """
            Course note 7, *Monitoring*: replaying 2015 in monthly windows (drift, volume, NaN, model age, live quality), \
            and the write-a-rule exercise (a rule that fires on this serving year and not on the clean one).
            """)
        .build(data);
  }

  static boolean between(String date, String from, String to) {
    return date.compareTo(from) >= 0 && date.compareTo(to) <= 0;
  }
}
