package org.prodml.data.scenario;

import java.nio.file.Path;
import java.util.List;
import org.prodml.data.CsvDamage;
import org.prodml.text.Format;

/**
 * The per-batch normalisation trap of "when to transform data", made upstream, on the Seattle
 * weather as a deployed model was served it in 2015: a job z-scores {@code temp_max} over the file
 * it delivers, so the column has mean 0 and spread 1 whatever the weather, and a hot day and a cold
 * day of different batches can carry the same number. Course note 3's write-a-rule exercise asks
 * for a rule that catches the feed.
 */
public final class PerBatchNormalisationScenario extends Scenario {
  static final String NAME = "temp-max-normalised-per-batch";
  static final String SOURCE = "seattle-weather";
  static final String SERVING_SPAN = "spans/serving-2015.csv";

  /** No draw is made; the seed is that of the other 2015 serving file, for the record. */
  static final long SEED = 2015;

  /** Course note 3 and its exercise read the file by this name. */
  static final String DATA_FILE = "serving-2015.csv";

  PerBatchNormalisationScenario() {
    super(
        NAME,
        SOURCE,
        SERVING_SPAN,
        SEED,
        "`temp_max` replaced by a z-score of its own batch (per-batch normalisation upstream)",
        3);
  }

  /**
   * Other deliveries with and without the normalisation: 2014 and the first half of 2015, each
   * z-scored over itself, and two clean ones, 2014 and a winter delivery (January and February
   * 2013) whose temperatures are low, so a limit on the mean copied between the shown profiles
   * fails while a sign of a z-score (a spread near 1) holds.
   */
  @Override
  public List<HeldBackCase> heldBack(Path datasets) {
    String all = SOURCE + "/data.csv";
    CsvDamage year = span(datasets, all, "2014-01-01", "2015-01-01", SEED);
    zScore(year);
    CsvDamage half = span(datasets, all, "2015-01-01", "2015-07-01", SEED);
    zScore(half);
    return List.of(
        new HeldBackCase("2014, temp_max z-scored over the year's file", true, year.csv()),
        new HeldBackCase(
            "January to June 2015, temp_max z-scored over the half-year's file", true, half.csv()),
        new HeldBackCase(
            "2014, temp_max in °C",
            false,
            span(datasets, all, "2014-01-01", "2015-01-01", SEED).csv()),
        new HeldBackCase(
            "a winter delivery, January and February 2013, temp_max in °C",
            false,
            span(datasets, all, "2013-01-01", "2013-03-01", SEED).csv()));
  }

  /**
   * Replaces temp_max by its z-score over the delivered rows, as an upstream job that normalises
   * each file sends it; returns the mean and the sample standard deviation it used.
   */
  static double[] zScore(CsvDamage data) {
    double[] values = data.column("temp_max").stream().mapToDouble(Double::parseDouble).toArray();
    double mean = 0;
    for (double v : values) {
      mean += v;
    }
    mean /= values.length;
    double squares = 0;
    for (double v : values) {
      squares += (v - mean) * (v - mean);
    }
    double sd = Math.sqrt(squares / (values.length - 1));
    data.rescale("temp_max", 1 / sd, -mean / sd);
    return new double[] {mean, sd};
  }

  @Override
  public ScenarioFolder build(Path datasets) {
    CsvDamage data = readSource(datasets);
    int days = data.rowCount();
    double[] used = zScore(data);
    double mean = used[0];
    double sd = used[1];

    return new ScenarioBuilder(datasets, this)
        .dataFile(DATA_FILE)
        .title(
            "Seattle weather 2015 as served, with temp_max normalised per batch (when to transform data)",
            "one day of weather observations at Seattle-Tacoma airport, as the serving system received them")
        .roles("weather", "classification", "date", null)
        .sourceColumns("date", "precipitation", "temp_max", "temp_min", "wind", "weather")
        .column(
            "temp_max",
            "DOUBLE",
            null,
            "Highest air temperature of the day as an upstream job delivers it: a z-score "
                + "over the delivered file, (x − mean) / standard deviation of that file, no longer in °C.",
            false)
        .sheet(
            """
            The columns are exactly those of seattle-weather and the rows are its serving span, the %d days of 2015 a \
            deployed weather model was served. Before sending the file, an upstream job normalised `temp_max` over the \
            file itself.
            """
                .formatted(days),
            """
            1. Read seattle-weather's `%s` (%d days) in its order.
            2. Compute the mean and the sample standard deviation of `temp_max` over those days: %s and %s.
            3. With `CsvDamage.rescale`, replace every `temp_max` value x by (x − mean) / standard deviation, written with \
            4 significant digits.
            No random draw is made.
            """
                .formatted(SERVING_SPAN, days, Format.number(mean), Format.number(sd)),
            """
            - **Column `temp_max` arrives as a z-score of its own batch**: every value x of the 2015 file is replaced by \
            (x − %s) / %s. An upstream job normalised the delivery before sending it, the course's per-batch \
            normalisation trap: the column now has mean 0 and spread 1 whatever the weather, so a hot day and a cold \
            day of different batches can carry the same number.
            - Every other value is unchanged. The clean counterpart is `seattle-weather/spans/serving-2015.csv`; the \
            reference (training) data is `seattle-weather/spans/train-2012-2013.csv` (temp_max in °C).
            """
                .formatted(Format.number(mean), Format.number(sd)),
            """
            Course note 3, *When to transform data*: the write-a-rule exercise `per-batch-feed-rule` (a rule that fires \
            on this file and stays quiet on the clean 2015 file, with `temp_max` as its subject).
            """)
        .build(data);
  }
}
