package org.prodml.data.scenario;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.prodml.data.CsvDamage;

/**
 * A model that learns nothing, on a week of the USGS earthquake feed: the job that joins the
 * public's reports to the training events is off by one row, so each training event carries the
 * label of the event listed before it. Test and serving labels are joined correctly. Held out while
 * the rules were changed.
 */
public final class EarthquakesMisjoinedLabelsScenario extends PrecisionScenario {
  static final String NAME = "earthquakes-misjoined-labels";
  static final String JOINED = "joined_label";

  EarthquakesMisjoinedLabelsScenario() {
    super(
        NAME,
        "earthquakes",
        12003,
        "training labels joined off by one row: the model learns nothing (quality gate)",
        Kind.PLANTED,
        true);
  }

  @Override
  public ScenarioFolder build(Path datasets) {
    CsvDamage data =
        SuiteSources.earthquakes(readSource(datasets))
            .derive(
                JOINED,
                (row, random) ->
                    row.previous() == null
                        ? row.get(SuiteSources.WAS_FELT)
                        : row.previous().get(SuiteSources.WAS_FELT));
    String label = SuiteSources.WAS_FELT;
    return new PrecisionBuilder(datasets, this)
        .title(
            "Earthquakes whose training labels were joined off by one row (a model that learns nothing)",
            "one seismic event of the USGS feed, and whether anyone reported feeling it")
        .column(SuiteSources.WAS_FELT, "STRING", null, SuiteSources.EARTHQUAKES_WAS_FELT)
        .column(
            JOINED,
            "STRING",
            null,
            "`was_felt` of the row above (in `train.csv`, where it is written as `was_felt`).")
        .file(
            "train.csv",
            SuiteSources.TRAIN,
            "training data: 31 January to 4 February, each label that of the event listed before",
            List.of(label),
            Map.of(JOINED, label))
        .file(
            "test.csv",
            SuiteSources.TEST,
            "held-out test day: 5 February",
            List.of(JOINED),
            Map.of())
        .file(
            "serving.csv",
            SuiteSources.SERVING,
            "served events: 6 February and the first hours of 7 February",
            List.of(JOINED),
            Map.of())
        .audit(label, "time", null, "forest", "1d")
        .planted(
            "every training label belongs to the event listed before it: the model has nothing to learn",
            "`train.csv`, every row",
            List.of("PL-036"))
        .sheet(
            """
            The control's files, except that in `train.csv` the column `was_felt` holds the label of the previous row \
            of the feed (the events are listed newest first): a join on row position after one side was re-sorted. \
            Nothing about an event predicts the label of its neighbour, so a model trained on it must be stopped by the \
            quality gate.
            """,
            """
            1. Read the 1,707 events; derive `was_felt`; drop the columns known after it and `status` (as in the control).
            2. Add `joined_label`, the `was_felt` of the row above (the first row keeps its own).
            3. Split by day as the control does; `train.csv` carries `joined_label` under the name `was_felt`, the \
            other files the true `was_felt`.
            """,
            """
            A model that learned nothing, on a rare label: the gate must stop it, on a score that is right for rare \
            labels.
            """)
        .build(data);
  }
}
