package org.prodml.data.scenario;

import java.nio.file.Path;
import org.prodml.data.CsvDamage;

/**
 * A clean control on European league football: train on the 2014-15 season, test on 2015-16, serve
 * 2016-17, nothing planted. A model that knows only the teams barely beats "the home team wins";
 * held out while the rules were changed.
 */
public final class FootballHonestSplitScenario extends PrecisionScenario {
  static final String NAME = "football-honest-split";

  FootballHonestSplitScenario() {
    super(
        NAME,
        "football",
        14001,
        "nothing: a clean control split by season (a weak honest model)",
        Kind.CONTROL,
        true);
  }

  @Override
  public ScenarioFolder build(Path datasets) {
    CsvDamage data = SuiteSources.football(readSource(datasets));
    return new PrecisionBuilder(datasets, this)
        .title(
            "Football matches split by season, nothing planted (control)",
            "one league match: date, division, the two teams and the result")
        .column(SuiteSources.RESULT, "STRING", null, SuiteSources.FOOTBALL_RESULT)
        .file("train.csv", SuiteSources.TRAIN, "training data: season 2014-15")
        .file("test.csv", SuiteSources.TEST, "held-out test season: 2015-16")
        .file("serving.csv", SuiteSources.SERVING, "served season: 2016-17, results arrived")
        .audit(SuiteSources.RESULT, "date", null, "forest", "month")
        .explained("DV-012", "home_team", FootballRecodedScenario.PROMOTED)
        .explained("DV-012", "away_team", FootballRecodedScenario.PROMOTED)
        .sheet(
            """
            Every scored match of three seasons of five leagues. The label `result` is derived from the two scores, \
            which are dropped: they are known only after the match.
            """,
            """
            1. Read the matches; drop those without a score; derive `result`; drop `home_score` and `away_score`.
            2. Send matches before July 2015 to `train.csv`, the 2015-16 season to `test.csv` and later ones to \
            `serving.csv`. Nothing else changes.
            """,
            """
            A control for the quality gate: an honest model that barely beats the majority answer is weak, not useless.
            """)
        .build(data);
  }
}
