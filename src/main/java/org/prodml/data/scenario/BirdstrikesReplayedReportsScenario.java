package org.prodml.data.scenario;

import java.nio.file.Path;
import java.util.List;
import org.prodml.data.CsvDamage;
import org.prodml.text.Format;

/**
 * Training rows replayed into serving on the FAA's bird-strike reports: a re-sync of the reporting
 * system sends 3% of the 1999-2000 reports again, unchanged, into the 2002 serving feed. Monitoring
 * then scores the model on rows it was trained on.
 */
public final class BirdstrikesReplayedReportsScenario extends PrecisionScenario {
  static final String NAME = "birdstrikes-replayed-reports";
  static final double REPLAYED = 0.03;

  BirdstrikesReplayedReportsScenario() {
    super(
        NAME,
        "birdstrikes",
        11003,
        "3% of the training reports sent again, unchanged, in the serving feed (row and time overlap)",
        Kind.PLANTED,
        false);
  }

  @Override
  public ScenarioFolder build(Path datasets) {
    CsvDamage data = SuiteSources.birdstrikes(readSource(datasets));
    int before = data.rowCount();
    data.copyRows(
        row -> row.get(PrecisionBuilder.SPLIT).equals(SuiteSources.TRAIN),
        REPLAYED,
        PrecisionBuilder.SPLIT,
        SuiteSources.SERVING);
    int copies = data.rowCount() - before;
    return new PrecisionBuilder(datasets, this)
        .title(
            "Bird strikes with training reports replayed into the serving feed (row and time overlap)",
            "one wildlife strike on an aircraft reported to the FAA, and whether it damaged the aircraft")
        .column(SuiteSources.DAMAGED, "STRING", null, SuiteSources.BIRDSTRIKES_DAMAGED)
        .file("train.csv", SuiteSources.TRAIN, "training data: 1999-2000")
        .file("test.csv", SuiteSources.TEST, "held-out test year: 2001")
        .file(
            "serving.csv",
            SuiteSources.SERVING,
            "served year 2002, followed by " + copies + " replayed training reports")
        .audit(SuiteSources.DAMAGED, "Flight Date", null, "forest", "month")
        .planted(
            copies
                + " training reports ("
                + Format.percent(REPLAYED)
                + " of them) sent again, unchanged, in the serving feed",
            "the last " + copies + " rows of `serving.csv`",
            List.of("DV-026", "DV-027"))
        .explained(
            "DV-023",
            null,
            "A consequence of the replay: the serving file's dates now run from 1999 to 2002, so its rows per day "
                + "fall far below training's.")
        .explained(
            "PL-057",
            null,
            "A consequence of the replay: the replayed reports make monitoring windows of the training years, each "
                + "with a few rows.")
        .sheet(
            """
            The control's files, except that the serving feed ends with reports from 1999-2000, field for field as in \
            training: a re-sync of the reporting system that replayed part of its history. They are exact copies of \
            training rows, and their dates lie inside the training period.
            """,
            """
            1. Read the reports of 1999-2002; derive `damaged`; drop the damage class and the costs (as in the control).
            2. Split by year as the control does.
            3. Copy each training report with probability %s to the end of the serving file, unchanged.
            """
                .formatted(Format.number(REPLAYED)),
            """
            Row overlap between files, and serving rows dated inside the training period.
            """)
        .build(data);
  }
}
