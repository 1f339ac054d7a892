package org.prodml.data.scenario;

import java.nio.file.Path;
import org.prodml.data.CsvDamage;

/**
 * A clean control on a week of the USGS earthquake feed: train on the first five days, test on the
 * sixth, serve the last day and a half, nothing planted. Few events are felt, the event code is an
 * identifier and the place text nearly one, and the feed was fetched early on the last day.
 */
public final class EarthquakesHonestSplitScenario extends PrecisionScenario {
  static final String NAME = "earthquakes-honest-split";

  static final String CODE =
      "`code` is the network's identifier of the event, one value per event: an identifier among the features.";
  static final String PLACE =
      "`place` is a text of the location, and most events have their own (\"4km W of Castaic, CA\"): a "
          + "categorical feature of very many values.";

  EarthquakesHonestSplitScenario() {
    super(
        NAME,
        "earthquakes",
        12001,
        "nothing: a clean control split by day (rare label, identifiers)",
        Kind.CONTROL,
        false);
  }

  @Override
  public ScenarioFolder build(Path datasets) {
    CsvDamage data = SuiteSources.earthquakes(readSource(datasets));
    return new PrecisionBuilder(datasets, this)
        .title(
            "Earthquakes of one week split by day, nothing planted (control)",
            "one seismic event of the USGS feed, and whether anyone reported feeling it")
        .column(SuiteSources.WAS_FELT, "STRING", null, SuiteSources.EARTHQUAKES_WAS_FELT)
        .file("train.csv", SuiteSources.TRAIN, "training data: 31 January to 4 February 2018")
        .file("test.csv", SuiteSources.TEST, "held-out test day: 5 February")
        .file(
            "serving.csv",
            SuiteSources.SERVING,
            "served events: 6 February and the first hours of 7 February")
        .audit(SuiteSources.WAS_FELT, "time", null, "forest", "1d")
        .explained("DV-006", "code", CODE)
        .explained("DV-007", "place", PLACE)
        .sheet(
            """
            Every event of the week as the feed delivered it, newest first. The label `was_felt` is derived from the \
            count of "Did You Feel It?" reports; that count and everything computed from the public's reports \
            (`cdi`, `mmi`, `alert`, `sig`) are dropped, since they are known only after the label. So is `status`: a \
            seismologist reviews an event hours or days later, so when an event is predicted its status is always \
            `automatic`, while most training events have been reviewed since (in the feed, 74% of the events before \
            5 February are `reviewed`, against 59% of the served ones and 29% on the last day).
            """,
            """
            1. Read the 1,707 events; derive `was_felt`; drop `felt`, `cdi`, `mmi`, `alert` and `sig`, and `status`.
            2. Send events before 5 February (UTC) to `train.csv`, 5 February to `test.csv`, later ones to \
            `serving.csv`. Nothing else changes.
            """,
            """
            A control with identifiers in it: `code` is one value per event and `place` nearly so. An audit may call \
            them identifiers; it must not call them a leak of the label.
            """)
        .build(data);
  }
}
