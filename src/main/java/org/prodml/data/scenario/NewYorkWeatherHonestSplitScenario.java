package org.prodml.data.scenario;

import java.nio.file.Path;
import org.prodml.data.CsvDamage;

/**
 * A clean control on New York's weather: train on 2012-2013, test on 2014, serve 2015 in monthly
 * windows, nothing planted. The seasons move every input from month to month, and the two training
 * years already span them.
 */
public final class NewYorkWeatherHonestSplitScenario extends PrecisionScenario {
  static final String NAME = "new-york-weather-honest-split";

  NewYorkWeatherHonestSplitScenario() {
    super(
        NAME,
        "new-york-weather",
        13001,
        "nothing: a clean control split by year (seasons)",
        true,
        false);
  }

  @Override
  public ScenarioFolder build(Path datasets) {
    CsvDamage data = SuiteSources.newYorkWeather(readSource(datasets));
    return new PrecisionBuilder(datasets, this)
        .title(
            "New York weather split by year, nothing planted (control)",
            "one day of weather observations in New York City")
        .file("train.csv", SuiteSources.TRAIN, "training data: 2012-2013")
        .file("test.csv", SuiteSources.TEST, "held-out test year: 2014")
        .file("serving.csv", SuiteSources.SERVING, "served year: 2015, labels arrived")
        .audit("weather", "date", null, "forest", "month")
        .sheet(
            """
            Every day of 2012-2015 as NOAA recorded it.
            """,
            """
            1. Read the 1,461 days.
            2. Send 2012-2013 to `train.csv`, 2014 to `test.csv` and 2015 to `serving.csv`. Nothing else changes.
            """,
            """
            A control for monitoring: each month of 2015 looks unlike the whole training period, but like the same month \
            of the training years. Seasons the training data spans are not drift.
            """)
        .build(data);
  }
}
