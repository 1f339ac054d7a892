package org.prodml.data.scenario;

import java.nio.file.Path;
import java.util.List;
import org.prodml.data.CsvDamage;
import org.prodml.text.Format;

/**
 * Label leakage under imbalance on the FAA's bird-strike reports: a yes/no column, whether a repair
 * was logged for the aircraft, is written after the damage is known and agrees with the rare label
 * on 98% of the reports. Its association with the label looks modest because the label is rare;
 * alone it separates damaged from undamaged strikes almost perfectly.
 */
public final class BirdstrikesRepairFlagScenario extends PrecisionScenario {
  static final String NAME = "birdstrikes-repair-flag";
  static final String FLAG = "repair_logged";
  static final double AGREEMENT = 0.98;

  BirdstrikesRepairFlagScenario() {
    super(
        NAME,
        "birdstrikes",
        11002,
        "`"
            + FLAG
            + "` agrees with the rare label on 98% of reports (label leakage under imbalance)",
        Kind.PLANTED,
        false);
  }

  @Override
  public ScenarioFolder build(Path datasets) {
    CsvDamage data =
        SuiteSources.birdstrikes(readSource(datasets))
            .derive(
                FLAG,
                (row, random) -> {
                  boolean damaged = row.get(SuiteSources.DAMAGED).equals("yes");
                  return damaged == (random.nextDouble() < AGREEMENT) ? "yes" : "no";
                });
    List<String> label = data.column(SuiteSources.DAMAGED);
    List<String> flag = data.column(FLAG);
    long agree = 0;
    for (int i = 0; i < label.size(); i++) {
      agree += label.get(i).equals(flag.get(i)) ? 1 : 0;
    }
    return new PrecisionBuilder(datasets, this)
        .title(
            "Bird strikes with a repair flag that gives the rare label away (leakage under imbalance)",
            "one wildlife strike on an aircraft reported to the FAA, and whether it damaged the aircraft")
        .column(SuiteSources.DAMAGED, "STRING", null, SuiteSources.BIRDSTRIKES_DAMAGED)
        .column(
            FLAG,
            "STRING",
            null,
            "Whether a repair was logged for the aircraft after the strike (`yes`/`no`): written once the damage was "
                + "assessed, so not known when a strike is reported.")
        .file("train.csv", SuiteSources.TRAIN, "training data: 1999-2000")
        .file("test.csv", SuiteSources.TEST, "held-out test year: 2001")
        .audit(SuiteSources.DAMAGED, "Flight Date", null, null, null)
        .planted(
            "`"
                + FLAG
                + "` agrees with the rare label `damaged` on "
                + Format.percent((double) agree / label.size())
                + " of the reports: leakage under imbalance",
            "`train.csv` and `test.csv`, every row",
            List.of("DV-018"),
            FLAG)
        .sheet(
            """
            The reports of 1999-2001 with one column added: `repair_logged`, as a maintenance system would record it \
            once the aircraft had been inspected. Damage is rare, so a flag that agrees with it on 98% of the reports \
            still has a modest Cramér's V; what gives it away is how well it predicts the label on its own.
            """,
            """
            1. Read the reports of 1999-2002; derive `damaged`; drop the damage class and the costs (as in the control).
            2. Add `repair_logged`: with probability %s it says whether the strike damaged the aircraft, otherwise the \
            opposite.
            3. Send 1999-2000 to `train.csv` and 2001 to `test.csv`.
            """
                .formatted(Format.number(AGREEMENT)),
            """
            Leakage the association measure misses: a yes/no column and a rare yes/no label.
            """)
        .build(data);
  }
}
