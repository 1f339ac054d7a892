package org.prodml.data.scenario;

import java.nio.file.Path;
import org.prodml.data.CsvDamage;

/**
 * A clean control on the FAA's bird-strike reports: train on 1999-2000, test on 2001, serve 2002,
 * nothing planted. Damage is rare (about one strike in ten), so a model's accuracy barely moves
 * from always answering "no damage", and strikes follow the birds' seasons.
 */
public final class BirdstrikesHonestSplitScenario extends PrecisionScenario {
  static final String NAME = "birdstrikes-honest-split";

  BirdstrikesHonestSplitScenario() {
    super(
        NAME,
        "birdstrikes",
        11001,
        "nothing: a clean control split by year (rare label)",
        Kind.CONTROL,
        false);
  }

  @Override
  public ScenarioFolder build(Path datasets) {
    CsvDamage data = SuiteSources.birdstrikes(readSource(datasets));
    return new PrecisionBuilder(datasets, this)
        .title(
            "Bird strikes split by year, nothing planted (control)",
            "one wildlife strike on an aircraft reported to the FAA, and whether it damaged the aircraft")
        .column(SuiteSources.DAMAGED, "STRING", null, SuiteSources.BIRDSTRIKES_DAMAGED)
        .file("train.csv", SuiteSources.TRAIN, "training data: 1999-2000")
        .file("test.csv", SuiteSources.TEST, "held-out test year: 2001")
        .file("serving.csv", SuiteSources.SERVING, "served year: 2002 (to July), labels arrived")
        .audit(SuiteSources.DAMAGED, "Flight Date", null, "forest", "month")
        .sheet(
            """
            Every report of 1999-2002 as the FAA recorded it. The label `damaged` is derived from the damage class, which \
            is dropped with the three cost columns: costs are assessed after the damage, so they are not known when a \
            strike is reported and would give the label away.
            """,
            """
            1. Read the 3,728 reports of 1999-2002; derive `damaged`; drop `Effect Amount of damage`, `Cost Other`, \
            `Cost Repair` and `Cost Total $`.
            2. Send 1999-2000 to `train.csv`, 2001 to `test.csv` and 2002 to `serving.csv`. Nothing else changes.
            """,
            """
            A control: an honest split by time of a rare label. What an audit may say about it is what is true of the \
            data: the label is rare, and the features have long tails.
            """)
        .build(data);
  }
}
