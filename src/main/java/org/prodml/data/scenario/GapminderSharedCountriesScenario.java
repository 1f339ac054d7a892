package org.prodml.data.scenario;

import java.nio.file.Path;
import java.util.List;
import org.prodml.data.CsvDamage;
import org.prodml.text.Format;

/**
 * Split leakage by group on Gapminder's country figures: rows, not countries, are split at random,
 * so nearly every test country's other years are in training; and the export added a running record
 * number, which the team left among the features.
 */
public final class GapminderSharedCountriesScenario extends PrecisionScenario {
  static final String NAME = "gapminder-shared-countries";
  static final String RECORD = "record";
  static final double TEST_SHARE = 0.2;

  GapminderSharedCountriesScenario() {
    super(
        NAME,
        "gapminder",
        15002,
        "rows split at random, so countries are on both sides; a running record number among the features",
        Kind.PLANTED,
        false);
  }

  @Override
  public ScenarioFolder build(Path datasets) {
    CsvDamage data =
        readSource(datasets)
            .derive(RECORD, (row, random) -> String.valueOf(row.index() + 1))
            .derive(
                PrecisionBuilder.SPLIT,
                (row, random) ->
                    random.nextDouble() < TEST_SHARE ? SuiteSources.TEST : SuiteSources.TRAIN);
    return new PrecisionBuilder(datasets, this)
        .title(
            "Gapminder split by row, with a record number (split leakage by group, an identifier)",
            "one country in one year: population, life expectancy and fertility")
        .column(RECORD, "INTEGER", null, "Running number of the row in the export (1, 2, 3 …).")
        .file("train.csv", SuiteSources.TRAIN, "a random 80% of the rows")
        .file("test.csv", SuiteSources.TEST, "the other rows")
        .audit("life_expect", null, "country", "forest", null)
        .planted(
            "rows split at random: the test countries' other years are in training",
            "`train.csv` and `test.csv`",
            List.of("DV-020"),
            "country")
        .planted(
            "`record`, a running row number, left among the features",
            "every file",
            List.of("DV-006"),
            RECORD)
        .sheet(
            """
            The source's rows with a running record number, split the quick way: every row goes to test with \
            probability %s, whatever its country.
            """
                .formatted(Format.number(TEST_SHARE)),
            """
            1. Read the 682 rows in their order; add `record` = 1, 2, 3 ….
            2. Each row goes to `test.csv` with probability %s, else to `train.csv`.
            """
                .formatted(Format.number(TEST_SHARE)),
            """
            Groups on both sides of a split, and an identifier that sorts like the data.
            """)
        .build(data);
  }
}
