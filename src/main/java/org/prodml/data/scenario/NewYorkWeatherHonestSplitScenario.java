package org.prodml.data.scenario;

import java.nio.file.Path;
import org.prodml.data.CsvDamage;

/**
 * New York's weather split honestly: train on 2012-2013, test on 2014, serve 2015 in monthly
 * windows, nothing planted. The seasons move every input from month to month, and the two training
 * years already span them; but 2015 brought New York its coldest February and warmest December on
 * record, and a station that labelled seven days of May as drizzle: real anomalies a static model
 * meets, which the audit must report and the datasheet explains.
 */
public final class NewYorkWeatherHonestSplitScenario extends PrecisionScenario {
  static final String NAME = "new-york-weather-honest-split";

  NewYorkWeatherHonestSplitScenario() {
    super(
        NAME,
        "new-york-weather",
        13001,
        "nothing; the served year holds real anomalies (a record-cold February, a record-warm December, a May "
            + "labelled drizzle)",
        Kind.REAL,
        false);
  }

  @Override
  public ScenarioFolder build(Path datasets) {
    CsvDamage data = SuiteSources.newYorkWeather(readSource(datasets));
    return new PrecisionBuilder(datasets, this)
        .title(
            "New York weather split by year, nothing planted, over a served year of real anomalies",
            "one day of weather observations in New York City")
        .file("train.csv", SuiteSources.TRAIN, "training data: 2012-2013")
        .file("test.csv", SuiteSources.TEST, "held-out test year: 2014")
        .file("serving.csv", SuiteSources.SERVING, "served year: 2015, labels arrived")
        .audit("weather", "date", null, "forest", "month")
        .explained(
            "DV-015",
            "temp_min",
            "Nights colder or warmer than the same months of 2012-2013 in January, February and December 2015: "
                + "February 2015 averaged a low of -8.5 °C against 0.7 and -2.3 °C in the training Februaries (New "
                + "York's coldest February since 1934), December 6.8 °C against 2.2 and -0.1 °C (its warmest "
                + "December on record).")
        .explained(
            "DV-015",
            "temp_max",
            "Days colder or warmer than the same months of 2012-2013 in February, November and December 2015: "
                + "February 2015 averaged a high of 0.4 °C against 8.6 and 4.5 °C, November 15.6 °C against 10.1 "
                + "and 11.7 °C, December 13.6 °C against 8.6 and 6.9 °C.")
        .explained(
            "DV-011",
            "temp_min",
            "February 2015 went down to -16 °C and January 2014 (the test year's polar vortex) too, below the "
                + "training years' coldest night of -11.1 °C.")
        .explained(
            "PL-055",
            null,
            "May 2015 was labelled drizzle on 7 days and rain on 4, where the training Mays had 1-2 drizzle and "
                + "11-21 rain days: the model, which never saw drizzle as a common label, was right on 22 of the "
                + "31 days against 94% offline.")
        .explained(
            "PL-058",
            null,
            "August 2015 was labelled sun on 27 of its 31 days, where the training Augusts had 14 and 19: the "
                + "model, whose probabilities follow the training Augusts, gave sun a mean probability of about "
                + "0.5 in a month that was 87% sun. A dry month, true of the data.")
        .explained(
            "PL-032",
            null,
            "A random forest's probabilities are spread over the five classes: on the test year its most likely "
                + "class is right 94% of the time, but its probability for it is much lower. True of the model.")
        .sheet(
            """
            Every day of 2012-2015 as NOAA recorded it.
            """,
            """
            1. Read the 1,461 days.
            2. Send 2012-2013 to `train.csv`, 2014 to `test.csv` and 2015 to `serving.csv`. Nothing else changes.
            """,
            """
            A test of monitoring on real weather: each month of 2015 looks unlike the whole training period but, as a \
            rule, like the same months of the training years, so seasons are not drift; the months that do not are \
            the record ones, and the audit must say so. This folder was meant as a control; the audit of the \
            precision suite's first run (before the rules it checks were changed) showed 2015's anomalies, which \
            NOAA's records confirm, so it is kept as a scenario of real anomalies instead.
            """)
        .build(data);
  }
}
