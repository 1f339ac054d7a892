package org.prodml.data.scenario;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.prodml.data.CsvDamage;

/**
 * Recodings in European league football: in the test season one league's results were recorded from
 * the away team's side (a slice of wrong labels); from January 2017 the serving feed sends the
 * leagues as codes, and records every result from the away side (a recoded label). Held out while
 * the rules were changed.
 */
public final class FootballRecodedScenario extends PrecisionScenario {
  static final String NAME = "football-recoded";
  static final String SLICE = "Primera Division";
  static final String RECODED_FROM = "2017-01-01";

  /** Why the clubs of the served season include ones training never saw. */
  static final String PROMOTED =
      "Every season the bottom clubs of each league go down and clubs from the league below come up: "
          + "the served season 2016-17 has clubs that were not in the top flight in 2014-15 (Alaves, "
          + "Betis, Bournemouth and others promoted in 2015 or 2016), about a fifth of the matches.";

  static final Map<String, String> CODES = new LinkedHashMap<>();

  static {
    CODES.put("Österreichische Bundesliga", "AUT-1");
    CODES.put("Deutsche Bundesliga", "GER-1");
    CODES.put("English Premier League", "ENG-1");
    CODES.put("Primera Division", "ESP-1");
    CODES.put("Serie A", "ITA-1");
  }

  FootballRecodedScenario() {
    super(
        NAME,
        "football",
        14002,
        "one league's test results from the away side; league codes and away-side results served from 2017",
        Kind.PLANTED,
        true);
  }

  private static String fromAwaySide(String result) {
    return result.equals("home") ? "away" : result.equals("away") ? "home" : result;
  }

  @Override
  public ScenarioFolder build(Path datasets) {
    CsvDamage data = SuiteSources.football(readSource(datasets));
    data.mapWhere(
        SuiteSources.RESULT,
        row ->
            row.get(PrecisionBuilder.SPLIT).equals(SuiteSources.TEST)
                && row.get("division").equals(SLICE),
        FootballRecodedScenario::fromAwaySide);
    data.mapWhere(
        SuiteSources.RESULT,
        row -> row.get("date").compareTo(RECODED_FROM) >= 0,
        FootballRecodedScenario::fromAwaySide);
    data.mapWhere(
        "division",
        row -> row.get("date").compareTo(RECODED_FROM) >= 0,
        v -> CODES.getOrDefault(v, v));
    StringBuilder codes = new StringBuilder();
    CODES.forEach(
        (name, code) ->
            codes
                .append(codes.length() == 0 ? "" : ", ")
                .append(name)
                .append(" → `")
                .append(code)
                .append("`"));
    return new PrecisionBuilder(datasets, this)
        .title(
            "Football matches with recoded results and league codes",
            "one league match: date, division, the two teams and the result")
        .column(SuiteSources.RESULT, "STRING", null, SuiteSources.FOOTBALL_RESULT)
        .file("train.csv", SuiteSources.TRAIN, "training data: season 2014-15")
        .file(
            "test.csv",
            SuiteSources.TEST,
            "test season 2015-16; " + SLICE + " results from the away side")
        .file(
            "serving.csv",
            SuiteSources.SERVING,
            "served season 2016-17; from " + RECODED_FROM + " league codes and away-side results")
        .audit(SuiteSources.RESULT, "date", null, "forest", "month")
        .planted(
            SLICE
                + " results of the test season recorded from the away team's side (a slice of wrong labels)",
            "`test.csv`, division " + SLICE,
            List.of("PL-030"),
            "division = " + SLICE)
        .explained(
            "PL-036",
            null,
            "The planted wrong labels of one league's test season make the model score worse than the "
                + "class-share baseline on test: a weak model of three results has no margin to absorb a fifth "
                + "of its test labels turned round.")
        .explained(
            "PL-031",
            null,
            "The same wrong test labels move the share of home and away wins the model is scored against, so "
                + "its mean probability is off the test's observed rate.")
        .explained("DV-012", "home_team", PROMOTED)
        .explained("DV-012", "away_team", PROMOTED)
        .explained(
            "DV-014",
            "division",
            "The planted league codes: from 2017 no served match says Primera Division (it says ESP-1), so that "
                + "value's share falls in serving.")
        .explained(
            "FL-014",
            null,
            "The planted league codes: a prediction table keyed by division has no row for AUT-1, GER-1, "
                + "ENG-1, ESP-1 or ITA-1, so half the served season goes unanswered.")
        .explained(
            "PL-040",
            null,
            "The planted league codes, as FL-014: the served keys from 2017 are not in the table.")
        .planted(
            "leagues sent as codes from " + RECODED_FROM + " (" + codes + ")",
            "`serving.csv`, from " + RECODED_FROM,
            List.of("DV-012", "DV-016"),
            "division")
        .planted(
            "results recorded from the away side from " + RECODED_FROM + " (a recoded label)",
            "`serving.csv`, from " + RECODED_FROM,
            List.of("DV-014:result", "DV-016:result", "PL-055", "PL-058"))
        .sheet(
            """
            The control's split, with three recodings of the kind a new data provider brings: one league's results \
            recorded from the other side in the test season, and from January 2017 league codes instead of names and \
            every result from the away side.
            """,
            """
            1. Read the matches; drop those without a score; derive `result`; drop the scores (as in the control).
            2. Split by season as the control does.
            3. In the test season, swap `home` and `away` in the results of %s.
            4. From %s, swap `home` and `away` in every result and write the leagues as codes.
            """
                .formatted(SLICE, RECODED_FROM),
            """
            Recoded categories, a recoded label in serving, and a slice of wrong labels in the test data.
            """)
        .build(data);
  }
}
