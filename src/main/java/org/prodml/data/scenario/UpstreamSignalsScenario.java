package org.prodml.data.scenario;

import java.nio.file.Path;
import java.util.List;
import org.prodml.data.CsvDamage;
import org.prodml.text.Format;

/**
 * The course's data-dependency questions, one planted input each, on the Seattle weather: a
 * volunteer-reported signal that stops every August and for good in autumn 2015 (reliability), a
 * second temperature feed that nearly copies the first and costs a licence (correlation,
 * necessity), and an app's booking count that, once a forecast model is published, follows that
 * model's forecast instead of the weather (a feedback loop: a feature derived from a model's
 * published output).
 */
public final class UpstreamSignalsScenario extends Scenario {
  static final String NAME = "weather-upstream-signals";
  static final String SOURCE = "seattle-weather";
  static final long SEED = 5001;

  /** From this day on the app shows the published forecast, and bookings follow it. */
  static final String FORECAST_PUBLISHED_FROM = "2015-01-01";

  /** The volunteer network stops reporting for good on this day. */
  static final String VOLUNTEERS_STOP = "2015-09-01";

  static final String HOLIDAY_MONTH = "-08-";

  UpstreamSignalsScenario() {
    super(
        NAME,
        SOURCE,
        "data.csv",
        SEED,
        "`cloud_cover` missing every August and from September 2015 (reliability); "
            + "`temp_max_f` copies `temp_max` (correlation, cost); "
            + "`outdoor_bookings` follows a published forecast from 2015 (feedback loop)",
        5,
        6);
  }

  /**
   * Typical cloud cover (oktas, 0 clear … 8 overcast) reported on a day of each weather category.
   */
  static double typicalOktas(String weather) {
    return switch (weather) {
      case "sun" -> 2;
      case "fog" -> 6.5;
      case "drizzle" -> 6;
      case "rain" -> 7;
      case "snow" -> 7.5;
      default -> 4;
    };
  }

  /**
   * Bookings an outdoor-activity app takes for a day when people expect the given weather: more
   * when sun is expected, fewer when rain or snow is, more in the summer months.
   */
  static double expectedBookings(String expected, String date) {
    int month = Integer.parseInt(date.substring(5, 7));
    double bookings = 150;
    if (expected.equals("sun")) {
      bookings += 120;
    } else if (expected.equals("rain") || expected.equals("snow") || expected.equals("drizzle")) {
      bookings -= 40;
    }
    if (month >= 5 && month <= 9) {
      bookings += 40;
    }
    return bookings;
  }

  @Override
  public ScenarioFolder build(Path datasets) {
    CsvDamage data =
        readSource(datasets)
            .derive(
                "cloud_cover",
                (row, random) -> {
                  long oktas =
                      Math.round(typicalOktas(row.get("weather")) + random.nextGaussian() * 1.5);
                  return String.valueOf(Math.max(0, Math.min(8, oktas)));
                })
            .blankWhere(
                "cloud_cover",
                row ->
                    row.get("date").contains(HOLIDAY_MONTH)
                        || row.get("date").compareTo(VOLUNTEERS_STOP) >= 0)
            .derive(
                "temp_max_f",
                (row, random) -> String.valueOf(Math.round(row.number("temp_max") * 1.8 + 32)))
            .derive(
                "outdoor_bookings",
                (row, random) -> {
                  String date = row.get("date");
                  // Before the forecast is published people book by the weather they see;
                  // afterwards by the
                  // published forecast, a persistence model (today will be like yesterday).
                  String expected =
                      date.compareTo(FORECAST_PUBLISHED_FROM) < 0 || row.previous() == null
                          ? row.get("weather")
                          : row.previous().get("weather");
                  return String.valueOf(
                      Math.max(
                          0,
                          Math.round(
                              expectedBookings(expected, date) + random.nextGaussian() * 25)));
                });

    List<String> dates = data.column("date");
    List<String> cloud = data.column("cloud_cover");
    long missing2015 = 0;
    long days2015 = 0;
    long missingTrain = 0;
    long daysTrain = 0;
    for (int i = 0; i < dates.size(); i++) {
      if (dates.get(i).startsWith("2015")) {
        days2015++;
        missing2015 += cloud.get(i).isEmpty() ? 1 : 0;
      } else if (dates.get(i).compareTo("2014-01-01") < 0) {
        daysTrain++;
        missingTrain += cloud.get(i).isEmpty() ? 1 : 0;
      }
    }
    double sunBefore = sunGap(data, "2012-01-01", "2014-12-31");
    double sunAfter = sunGap(data, FORECAST_PUBLISHED_FROM, "2015-12-31");

    return new ScenarioBuilder(datasets, this)
        .title(
            "Seattle weather with upstream signals (data dependencies: reliability, correlation, necessity, feedback loop)",
            "one day of weather observations at Seattle-Tacoma airport, with three signals from other upstream sources")
        .roles("weather", "classification", "date", null)
        .sourceColumns("date", "precipitation", "temp_max", "temp_min", "wind", "weather")
        .column(
            "cloud_cover",
            "INTEGER",
            "okta",
            "Cloud cover reported by a network of volunteer observers, in eighths of the sky "
                + "(0 clear … 8 overcast). Blank when nobody reported.",
            false)
        .column(
            "temp_max_f",
            "INTEGER",
            "°F",
            "Highest air temperature of the day from a second, licensed feed (an airport "
                + "weather service), in whole degrees Fahrenheit.",
            false)
        .column(
            "outdoor_bookings",
            "INTEGER",
            "bookings",
            "Outdoor-activity bookings made for the day in a city app. "
                + "From "
                + FORECAST_PUBLISHED_FROM
                + " the app shows a published weather forecast beside each booking.",
            false)
        .span("train-2012-2013", "2012-01-01", "2013-12-31", "training data")
        .span("test-2014", "2014-01-01", "2014-12-31", "held-out test year")
        .span(
            "serving-2015", "2015-01-01", "2015-12-31", "serving data (the forecast is published)")
        .sheet(
            """
            The five measured columns and the label are exactly those of seattle-weather. Three columns from other upstream \
            sources are added, one for each of the course's questions about data dependencies: is the source reliable, \
            does its usefulness justify its cost (and is it tied to another signal), and can a model's output change it.
            """,
            """
            1. Read seattle-weather's 1,461 days in their order.
            2. `cloud_cover`: a volunteer's report, the day's typical cover for its weather category (sun 2, fog 6.5, \
            drizzle 6, rain 7, snow 7.5 oktas) plus Gaussian noise (standard deviation 1.5), rounded and clipped to 0 … 8; \
            then blanked every August (the volunteers' holiday) and on every day from %s on (the network closed).
            3. `temp_max_f`: `temp_max` × 1.8 + 32, rounded to whole degrees: the same quantity from a second feed.
            4. `outdoor_bookings`: 150 bookings, +120 when sun is expected, −40 when rain, drizzle or snow is, +40 from May to \
            September, plus Gaussian noise (standard deviation 25), rounded, at least 0. Before %s people expect the \
            weather they see (the day's own category); from then on they expect what the published forecast says, and that \
            forecast is a persistence model: today's weather will be yesterday's.
            """
                .formatted(VOLUNTEERS_STOP, FORECAST_PUBLISHED_FROM),
            """
            - **Unreliable source (reliability) in `cloud_cover`.** Missing on %d of %d days in 2012–2013 (every August) and \
            on %d of %d days in 2015 (August, then from %s for good). The serving data's missing share jumps from the \
            training data's (data rule DV-017). Would the team know? Only if something watches it.
            - **Correlated, costly feature (correlations, necessity) in `temp_max_f`.** It is `temp_max` in another unit, \
            rounded: correlation ≈ 1 (flaw rule FL-010, two features nearly copies). It adds nothing a model does not \
            already get from `temp_max`, yet it costs a licence: named as costly in the readiness answers, FL-009 flags it \
            when its measured importance is small.
            - **Feedback loop in `outdoor_bookings`: a feature derived from a model's published output.** Mean bookings on \
            sunny days minus other days: %s in 2012–2014, %s in 2015, once bookings follow the forecast (yesterday's \
            weather) rather than the weather. Data statistics alone cannot prove the loop; the readiness answers must name \
            the column (`features.fromModelOutputs`), and then flaw rules FL-005/FL-006 fire.
            """
                .formatted(
                    missingTrain,
                    daysTrain,
                    missing2015,
                    days2015,
                    VOLUNTEERS_STOP,
                    Format.number(sunBefore),
                    Format.number(sunAfter)),
            """
            Course note 5, *Questions to ask*: answering the data-dependency questions with `%prodml.ask` from what the \
            pipeline measured, and the ML Test Score. Course note 6 returns to `outdoor_bookings` for the feedback loop.
            """)
        .build(data);
  }

  /** Mean bookings on sunny days minus the mean on the other days, over [from, to]. */
  static double sunGap(CsvDamage data, String from, String to) {
    List<String> dates = data.column("date");
    List<String> weather = data.column("weather");
    List<String> bookings = data.column("outdoor_bookings");
    double sun = 0;
    double other = 0;
    int sunDays = 0;
    int otherDays = 0;
    for (int i = 0; i < dates.size(); i++) {
      if (dates.get(i).compareTo(from) >= 0 && dates.get(i).compareTo(to) <= 0) {
        double b = Double.parseDouble(bookings.get(i));
        if (weather.get(i).equals("sun")) {
          sun += b;
          sunDays++;
        } else {
          other += b;
          otherDays++;
        }
      }
    }
    return sun / sunDays - other / otherDays;
  }
}
