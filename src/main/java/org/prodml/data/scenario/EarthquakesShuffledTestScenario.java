package org.prodml.data.scenario;

import java.nio.file.Path;
import java.util.List;
import org.prodml.data.CsvDamage;
import org.prodml.text.Format;

/**
 * Three faults on a week of the USGS earthquake feed: the test set is drawn at random from the same
 * days as training instead of a later day, a deduplication let copies of training events into it,
 * and on 6 February the feed sends an infinite travel-time residual for one network's events.
 */
public final class EarthquakesShuffledTestScenario extends PrecisionScenario {
  static final String NAME = "earthquakes-shuffled-test";
  static final double TEST_SHARE = 0.2;
  static final double COPIED = 0.02;
  static final String BROKEN_NETWORK = "nc";

  EarthquakesShuffledTestScenario() {
    super(
        NAME,
        "earthquakes",
        12002,
        "test drawn from the training days, with copies of training events; infinite `rms` for one network in serving",
        Kind.PLANTED,
        false);
  }

  @Override
  public ScenarioFolder build(Path datasets) {
    CsvDamage data =
        SuiteSources.earthquakes(
            readSource(datasets),
            (row, random) ->
                row.get("time").compareTo(SuiteSources.FIRST_SERVING_DAY) >= 0
                    ? SuiteSources.SERVING
                    : random.nextDouble() < TEST_SHARE ? SuiteSources.TEST : SuiteSources.TRAIN);
    int before = data.rowCount();
    data.copyRows(
        row -> row.get(PrecisionBuilder.SPLIT).equals(SuiteSources.TRAIN),
        COPIED,
        PrecisionBuilder.SPLIT,
        SuiteSources.TEST);
    int copies = data.rowCount() - before;
    int[] broken = {0};
    data.mapWhere(
        "rms",
        row ->
            row.get(PrecisionBuilder.SPLIT).equals(SuiteSources.SERVING)
                && row.get("net").equals(BROKEN_NETWORK)
                && row.get("time").startsWith(SuiteSources.FIRST_SERVING_DAY),
        v -> {
          broken[0]++;
          return "Infinity";
        });
    return new PrecisionBuilder(datasets, this)
        .title(
            "Earthquakes with a test set from the training days, copies in it, and an infinite residual in serving",
            "one seismic event of the USGS feed, and whether anyone reported feeling it")
        .column(SuiteSources.WAS_FELT, "STRING", null, SuiteSources.EARTHQUAKES_WAS_FELT)
        .file(
            "train.csv",
            SuiteSources.TRAIN,
            "training data: a random 80% of 31 January to 5 February")
        .file(
            "test.csv",
            SuiteSources.TEST,
            "test data: the other 20% of the same days, then "
                + copies
                + " copies of training events")
        .file(
            "serving.csv",
            SuiteSources.SERVING,
            "served events: 6 February and the first hours of 7 February")
        .audit(SuiteSources.WAS_FELT, "time", null, "forest", "1d")
        .planted(
            "the test events are drawn at random from the training days instead of a later day",
            "`test.csv`, every row",
            List.of("DV-021"),
            "time")
        .planted(
            copies
                + " events of `train.csv` copied unchanged into `test.csv` ("
                + Format.percent(COPIED)
                + " of training)",
            "the last " + copies + " rows of `test.csv`",
            List.of("DV-025"))
        .planted(
            "`rms` is infinite for the "
                + broken[0]
                + " events of network `"
                + BROKEN_NETWORK
                + "` on "
                + SuiteSources.FIRST_SERVING_DAY,
            "`serving.csv`",
            List.of("DV-002:rms", "PL-054"))
        .explained(
            "DV-006",
            "code",
            "`code` is the network's identifier of the event, one value per event (as in the control).")
        .explained(
            "DV-007",
            "place",
            "`place` is a text of the location with very many values (as in the control).")
        .sheet(
            """
            The events of the week, with the split a hurried team makes: shuffle, hold out a fifth, and deduplicate \
            badly; the serving days as in the control, except for one network's feed fault.
            """,
            """
            1. Read the 1,707 events; derive `was_felt`; drop the columns known after it and `status` (as in the control).
            2. Every event before %s goes to `test.csv` with probability %s, else to `train.csv`; later events \
            to `serving.csv`.
            3. Copy each training event with probability %s to the end of `test.csv`, unchanged.
            4. Write `rms` as `Infinity` for the events of network `%s` on %s (a division by a zero station count).
            """
                .formatted(
                    SuiteSources.FIRST_SERVING_DAY,
                    Format.number(TEST_SHARE),
                    Format.number(COPIED),
                    BROKEN_NETWORK,
                    SuiteSources.FIRST_SERVING_DAY),
            """
            A test set that is not in the future and is partly a copy of training; a non-finite input at serving time.
            """)
        .build(data);
  }
}
