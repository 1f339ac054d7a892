package org.prodml.data.scenario;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.prodml.data.CsvDamage;

/**
 * A clean control on Gapminder's country figures: countries, not rows, are split between training
 * and test (about one in five to test), nothing planted. Held out while the rules were changed.
 */
public final class GapminderSplitByCountryScenario extends PrecisionScenario {
  static final String NAME = "gapminder-split-by-country";
  static final double TEST_SHARE = 0.2;

  GapminderSplitByCountryScenario() {
    super(
        NAME,
        "gapminder",
        15001,
        "nothing: a clean control split by country (groups)",
        Kind.CONTROL,
        true);
  }

  @Override
  public ScenarioFolder build(Path datasets) {
    Map<String, String> side = new HashMap<>();
    CsvDamage data =
        readSource(datasets)
            .derive(
                PrecisionBuilder.SPLIT,
                (row, random) ->
                    side.computeIfAbsent(
                        row.get("country"),
                        c ->
                            random.nextDouble() < TEST_SHARE
                                ? SuiteSources.TEST
                                : SuiteSources.TRAIN));
    return new PrecisionBuilder(datasets, this)
        .title(
            "Gapminder split by country, nothing planted (control)",
            "one country in one year: population, life expectancy and fertility")
        .file("train.csv", SuiteSources.TRAIN, "training countries, every year")
        .file("test.csv", SuiteSources.TEST, "test countries, every year")
        .audit("life_expect", null, "country", "forest", null)
        .sheet(
            """
            Every row of the source. Each country is a group of eleven rows (1955-2005); a model tested on countries it \
            trained on would be tested on memory.
            """,
            """
            1. Read the 682 rows in their order.
            2. The first time a country appears, draw its side: test with probability %s, else training. Every row of \
            the country goes to that side.
            """
                .formatted(TEST_SHARE),
            """
            A control for split leakage: no country is on both sides, so no group finding may be raised; the test \
            countries are, by design, values training never saw.
            """)
        .build(data);
  }
}
