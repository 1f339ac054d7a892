package org.prodml.data.scenario;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.prodml.data.CsvDamage;

/**
 * A model that learns nothing, on a week of the USGS earthquake feed: the job that joins the
 * public's reports to the training events matched them on a key that no longer lines up, so each
 * training event carries the label of an event drawn at random from the week. Test and serving
 * labels are joined correctly. Held out while the rules were changed; its first version (each label
 * that of the event listed before) turned out to leave a real signal, see its datasheet.
 */
public final class EarthquakesMisjoinedLabelsScenario extends PrecisionScenario {
  static final String NAME = "earthquakes-misjoined-labels";
  static final String JOINED = "joined_label";

  EarthquakesMisjoinedLabelsScenario() {
    super(
        NAME,
        "earthquakes",
        12003,
        "training labels joined to the wrong events: the model learns nothing (quality gate)",
        Kind.PLANTED,
        true);
  }

  @Override
  public ScenarioFolder build(Path datasets) {
    CsvDamage events = SuiteSources.earthquakes(readSource(datasets));
    List<String> labels = events.column(SuiteSources.WAS_FELT);
    // Another event's label, drawn at random: a neighbour's label would still carry signal, since
    // neighbouring events of the feed are often one sequence of shocks in one region.
    CsvDamage data =
        events.derive(JOINED, (row, random) -> labels.get(random.nextInt(labels.size())));
    String label = SuiteSources.WAS_FELT;
    return new PrecisionBuilder(datasets, this)
        .title(
            "Earthquakes whose training labels were joined to the wrong events (a model that learns nothing)",
            "one seismic event of the USGS feed, and whether anyone reported feeling it")
        .column(SuiteSources.WAS_FELT, "STRING", null, SuiteSources.EARTHQUAKES_WAS_FELT)
        .column(
            JOINED,
            "STRING",
            null,
            "`was_felt` of an event drawn at random (in `train.csv`, where it is written as `was_felt`).")
        .file(
            "train.csv",
            SuiteSources.TRAIN,
            "training data: 31 January to 4 February, each label that of an event drawn at random",
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
        .explained("DV-006", "code", EarthquakesHonestSplitScenario.CODE)
        .explained("DV-007", "place", EarthquakesHonestSplitScenario.PLACE)
        .planted(
            "every training label belongs to an event drawn at random: the model has nothing to learn",
            "`train.csv`, every row",
            List.of("PL-036"))
        .sheet(
            """
            The control's files, except that in `train.csv` the column `was_felt` holds the label of an event drawn \
            at random from the week: a join on a key that no longer lines up. Nothing about an event predicts another \
            event's label, so a model trained on it must be stopped by the quality gate. (A first version joined each \
            event to the label of the event listed before it; that left a real signal, an AUC of 0.72 on test, \
            because neighbouring events of the feed are often one sequence of shocks in one region, and the \
            proper-score gate rightly let that model through.)
            """,
            """
            1. Read the 1,707 events; derive `was_felt`; drop the columns known after it and `status` (as in the control).
            2. Add `joined_label`, the `was_felt` of an event drawn at random (with replacement) from the 1,707.
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
