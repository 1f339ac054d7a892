package org.prodml.data.scenario;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.prodml.data.CsvDamage;

/**
 * Two upstream changes in New York's served weather of 2015: the station's clock was reset on some
 * days, so their rows arrive dated two years early, inside the training period; and the feed
 * renamed {@code wind} to {@code wind_speed}.
 */
public final class NewYorkWeatherClockAndRenameScenario extends PrecisionScenario {
  static final String NAME = "new-york-weather-clock-and-rename";
  static final double MISDATED = 0.1;

  NewYorkWeatherClockAndRenameScenario() {
    super(
        NAME,
        "new-york-weather",
        13003,
        "a tenth of the 2015 days dated two years early; `wind` renamed `wind_speed` in serving",
        Kind.PLANTED,
        false);
  }

  @Override
  public ScenarioFolder build(Path datasets) {
    CsvDamage data =
        SuiteSources.newYorkWeather(readSource(datasets))
            .derive(
                "misdated",
                (row, random) ->
                    row.get(PrecisionBuilder.SPLIT).equals(SuiteSources.SERVING)
                            && random.nextDouble() < MISDATED
                        ? "yes"
                        : "no");
    data.mapWhere(
        "date",
        row -> row.get("misdated").equals("yes"),
        v -> (Integer.parseInt(v.substring(0, 4)) - 2) + v.substring(4));
    long misdated = data.column("misdated").stream().filter("yes"::equals).count();
    return new PrecisionBuilder(datasets, this)
        .title(
            "New York weather served with misdated days and a renamed column",
            "one day of weather observations in New York City")
        .column(
            "misdated",
            "STRING",
            null,
            "Whether the row's date was set back two years (not in any file).")
        .file(
            "train.csv",
            SuiteSources.TRAIN,
            "training data: 2012-2013",
            List.of("misdated"),
            Map.of())
        .file(
            "test.csv",
            SuiteSources.TEST,
            "held-out test year: 2014",
            List.of("misdated"),
            Map.of())
        .file(
            "serving.csv",
            SuiteSources.SERVING,
            "served year 2015, " + misdated + " days dated in 2013, `wind` sent as `wind_speed`",
            List.of("misdated"),
            Map.of("wind", "wind_speed"))
        .audit("weather", "date", null, null, null)
        .planted(
            misdated
                + " served days dated two years early, inside the training period (a reset clock)",
            "`serving.csv`",
            List.of("DV-027"),
            "date")
        .planted(
            "`wind` renamed `wind_speed` by the serving feed (schema change)",
            "`serving.csv` header",
            List.of("DV-009", "DV-010"),
            "wind",
            "wind_speed")
        .explained(
            "DV-023",
            null,
            "A consequence of the reset clock: the serving file's dates now run from 2013 to 2015, so its rows per "
                + "day fall far below training's.")
        .explained(
            "DV-011",
            "temp_min",
            "Real: February 2015, New York's coldest since 1934, went down to -16 °C, below the training years' "
                + "-11.1 °C (see new-york-weather-honest-split).")
        .sheet(
            """
            The control's training and test files, and a served year with two upstream changes: the station's clock \
            was set back on some days, so those rows carry a date two years early; and the feed renamed a column.
            """,
            """
            1. Read the 1,461 days; split by year as the control does.
            2. Each served day is misdated with probability %s: its year becomes two years earlier.
            3. The serving file writes `wind` under the name `wind_speed`.
            """
                .formatted(MISDATED),
            """
            Serving rows dated inside the training period, and a schema change, audited on the data alone.
            """)
        .build(data);
  }
}
