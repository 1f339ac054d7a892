package org.prodml.data.scenario;

import org.prodml.data.CsvDamage;

/**
 * How the precision suite frames each real table as a learning task before any flaw is planted: the
 * label it derives, the columns known only after the label that it drops (they would leak in every
 * scenario, planted or not), and the hidden {@value PrecisionBuilder#SPLIT} column that sends each
 * row to the training, test or serving file, by time where the table has one.
 */
final class SuiteSources {
  private SuiteSources() {}

  static final String TRAIN = "train";
  static final String TEST = "test";
  static final String SERVING = "serving";

  /** The strike damaged the aircraft (any damage class but None). */
  static final String DAMAGED = "damaged";

  /**
   * Bird strikes 1999-2002 with the binary label {@value #DAMAGED}; the damage class it comes from
   * and the three cost columns (written down after the damage was assessed) are dropped. Training
   * 1999-2000, test 2001, serving 2002.
   */
  static CsvDamage birdstrikes(CsvDamage data) {
    data.derive(
            DAMAGED,
            (row, random) -> row.get("Effect Amount of damage").equals("None") ? "no" : "yes")
        .drop("Effect Amount of damage")
        .drop("Cost Other")
        .drop("Cost Repair")
        .drop("Cost Total $");
    return data.derive(
        PrecisionBuilder.SPLIT,
        (row, random) -> {
          String date = row.get("Flight Date");
          return date.compareTo("2001") < 0 ? TRAIN : date.compareTo("2002") < 0 ? TEST : SERVING;
        });
  }

  static final String BIRDSTRIKES_DAMAGED =
      "Whether the strike damaged the aircraft: `yes` for any damage class but None (Minor, Medium, Substantial, "
          + "and the military classes B and C), from the source's `Effect Amount of damage`. Label.";

  /** Someone reported feeling the event. */
  static final String WAS_FELT = "was_felt";

  /**
   * One week of earthquakes with the binary label {@value #WAS_FELT}; the columns known only once
   * the public reacted (felt reports, intensities, alert, significance) are dropped, and so is
   * {@code status}: a seismologist reviews an event hours or days after it, so when an event is
   * predicted its status is always "automatic", while most training events have been reviewed
   * since. Training 31 January to 4 February, test 5 February, serving 6-7 February (UTC).
   */
  static CsvDamage earthquakes(CsvDamage data) {
    return earthquakes(
        data,
        (row, random) -> {
          String day = row.get("time").substring(0, 10);
          return day.compareTo(TEST_DAY) < 0 ? TRAIN : day.equals(TEST_DAY) ? TEST : SERVING;
        });
  }

  static final String TEST_DAY = "2018-02-05";
  static final String FIRST_SERVING_DAY = "2018-02-06";

  /**
   * The earthquakes framed as the control frames them, each row sent to a file by {@code split}.
   */
  static CsvDamage earthquakes(CsvDamage data, CsvDamage.RowValue split) {
    data.derive(WAS_FELT, (row, random) -> row.number("felt") >= 1 ? "yes" : "no")
        .drop("felt")
        .drop("cdi")
        .drop("mmi")
        .drop("alert")
        .drop("sig")
        .drop("status");
    return data.derive(PrecisionBuilder.SPLIT, split);
  }

  static final String EARTHQUAKES_WAS_FELT =
      "Whether at least one person reported feeling the event through USGS \"Did You Feel It?\", from the source's "
          + "report count `felt`. Label.";

  /** New York's weather: training 2012-2013, test 2014, serving 2015. */
  static CsvDamage newYorkWeather(CsvDamage data) {
    return data.derive(
        PrecisionBuilder.SPLIT,
        (row, random) -> {
          String date = row.get("date");
          return date.compareTo("2014") < 0 ? TRAIN : date.compareTo("2015") < 0 ? TEST : SERVING;
        });
  }

  /** The match result, from the home team's side. */
  static final String RESULT = "result";

  /**
   * Football matches with the label {@value #RESULT}: home, draw or away, from the two scores,
   * which are dropped (known only after the match), as are matches without a score. Training the
   * 2014-15 season, test 2015-16, serving 2016-17.
   */
  static CsvDamage football(CsvDamage data) {
    data.keepRows(row -> !row.get("home_score").isEmpty() && !row.get("away_score").isEmpty())
        .derive(
            RESULT,
            (row, random) -> {
              double home = row.number("home_score");
              double away = row.number("away_score");
              return home > away ? "home" : home < away ? "away" : "draw";
            })
        .drop("home_score")
        .drop("away_score");
    return data.derive(
        PrecisionBuilder.SPLIT,
        (row, random) -> {
          String date = row.get("date");
          return date.compareTo("2015-07-01") < 0
              ? TRAIN
              : date.compareTo("2016-07-01") < 0 ? TEST : SERVING;
        });
  }

  static final String FOOTBALL_RESULT =
      "Result of the match from the home team's side: `home` win, `draw` or `away` win, from the two scores. Label.";
}
