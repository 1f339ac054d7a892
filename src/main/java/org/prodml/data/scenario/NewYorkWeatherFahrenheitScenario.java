package org.prodml.data.scenario;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.prodml.data.CsvDamage;

/**
 * Two serving faults on New York's weather in 2015: from July the temperature feed sends degrees
 * Fahrenheit (a unit change upstream, every value still a plausible number), and in October it
 * delivers only every third day (a volume collapse).
 */
public final class NewYorkWeatherFahrenheitScenario extends PrecisionScenario {
  static final String NAME = "new-york-weather-fahrenheit";
  static final String FAHRENHEIT_FROM = "2015-07-01";
  static final String THIN_MONTH = "2015-10";

  NewYorkWeatherFahrenheitScenario() {
    super(
        NAME,
        "new-york-weather",
        13002,
        "temperatures served in °F from July 2015; October 2015 delivers a third of its days",
        Kind.PLANTED,
        false);
  }

  @Override
  public ScenarioFolder build(Path datasets) {
    CsvDamage data = SuiteSources.newYorkWeather(readSource(datasets));
    for (String column : List.of("temp_max", "temp_min")) {
      data.mapWhere(
          column,
          row -> row.get("date").compareTo(FAHRENHEIT_FROM) >= 0,
          v -> String.format(Locale.ROOT, "%.1f", Double.parseDouble(v) * 1.8 + 32));
    }
    data.keepRows(
        row ->
            !row.get("date").startsWith(THIN_MONTH)
                || Integer.parseInt(row.get("date").substring(8)) % 3 == 1);
    long october = data.column("date").stream().filter(d -> d.startsWith(THIN_MONTH)).count();
    return new PrecisionBuilder(datasets, this)
        .title(
            "New York weather served in Fahrenheit from July 2015, with a thin October",
            "one day of weather observations in New York City")
        .file("train.csv", SuiteSources.TRAIN, "training data: 2012-2013")
        .file("test.csv", SuiteSources.TEST, "held-out test year: 2014")
        .file("serving.csv", SuiteSources.SERVING, "served year: 2015, with the two faults")
        .audit("weather", "date", null, "forest", "month")
        .planted(
            "`temp_max` and `temp_min` in degrees Fahrenheit from "
                + FAHRENHEIT_FROM
                + " (unit change upstream)",
            "`serving.csv`, July to December",
            List.of("DV-011", "DV-013", "DV-015"),
            "temp_max",
            "temp_min")
        .planted(
            "October 2015 delivers " + october + " of its 31 days (volume collapse)",
            "`serving.csv`, October",
            List.of("PL-057"))
        .explained(
            "DV-011",
            "temp_min",
            "Real: February 2015 went down to -16 °C, below the training years' -11.1 °C (see "
                + "new-york-weather-honest-split).")
        .explained(
            "PL-055",
            null,
            "Real: May 2015 was labelled drizzle on 7 days, a label the model never learned to give (see "
                + "new-york-weather-honest-split).")
        .explained(
            "PL-032",
            null,
            "True of the model: a random forest's probabilities are spread over the five classes (see "
                + "new-york-weather-honest-split).")
        .sheet(
            """
            The control's files, with two faults in the served year: the feed's thermometer values switch to degrees \
            Fahrenheit on 1 July (a new upstream converter), and in October only every third day arrives.
            """,
            """
            1. Read the 1,461 days; split by year as the control does.
            2. From %s, write `temp_max` and `temp_min` as 1.8 × value + 32, one decimal.
            3. In %s keep only the days 1, 4, 7 … 31.
            """
                .formatted(FAHRENHEIT_FROM, THIN_MONTH),
            """
            A unit change that keeps every value a plausible number, and a drop in volume, among the seasons of the \
            control.
            """)
        .build(data);
  }
}
