package org.prodml.data.scenario;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.prodml.data.CsvDamage;
import org.prodml.text.Format;

/**
 * Split leakage by group, the course's 18th-century-literature flaw, on the Palmer penguins: every
 * bird is measured on several visits, so the rows of one bird share its body the way the sentences
 * of one author share a style. A random split puts visits of the same bird in training and test,
 * and a flexible model scores by recognising birds it has seen rather than by learning what tells
 * the sexes apart.
 */
public final class RemeasuredPenguinsScenario extends Scenario {
  static final String NAME = "penguins-remeasured";
  static final String SOURCE = "penguins";
  static final long SEED = 6002;
  static final int VISITS = 5;
  static final String BIRD_ID = "PAL-%03d";
  static final String[] MEASUREMENTS = {
    "Beak Length (mm)", "Beak Depth (mm)", "Flipper Length (mm)", "Body Mass (g)"
  };

  /** Standard deviation of the difference between two visits' measurements of one bird. */
  static Map<String, Double> visitNoise() {
    Map<String, Double> noise = new LinkedHashMap<>();
    noise.put("Beak Length (mm)", 0.2);
    noise.put("Beak Depth (mm)", 0.1);
    noise.put("Flipper Length (mm)", 1.0);
    noise.put("Body Mass (g)", 50.0);
    return noise;
  }

  RemeasuredPenguinsScenario() {
    super(
        NAME,
        SOURCE,
        "data.csv",
        SEED,
        "every bird measured on five visits; group column `penguin` (split leakage by group)",
        6);
  }

  @Override
  public ScenarioFolder build(Path datasets) {
    CsvDamage data = readSource(datasets);
    int sourceRows = data.rowCount();
    data.keepRows(
        row -> {
          String sex = row.get("Sex");
          if (!sex.equals("MALE") && !sex.equals("FEMALE")) {
            return false;
          }
          for (String m : MEASUREMENTS) {
            if (row.get(m).isEmpty()) {
              return false;
            }
          }
          return true;
        });
    int birds = data.rowCount();
    data.remeasure("penguin", BIRD_ID, VISITS, visitNoise());

    // How often a seeded random 80/20 split of visits (what a shuffle of rows gives) puts the same
    // bird on both sides: measured here so the datasheet states it.
    List<String> ids = data.column("penguin");
    Random shuffle = new Random(1);
    Set<String> train = new LinkedHashSet<>();
    Set<String> test = new LinkedHashSet<>();
    for (String id : ids) {
      (shuffle.nextDouble() < 0.2 ? test : train).add(id);
    }
    long shared = test.stream().filter(train::contains).count();
    StringBuilder noise = new StringBuilder();
    visitNoise()
        .forEach(
            (column, sd) ->
                noise
                    .append("`")
                    .append(column)
                    .append("` ")
                    .append(Format.number(sd))
                    .append(", "));

    return new ScenarioBuilder(datasets, this)
        .title(
            "Palmer penguins measured on several visits (split leakage by group)",
            "one visit to one adult penguin of the Palmer Archipelago: species, island, the visit's body measurements, sex, and which bird it was")
        .roles("Sex", "classification", null, "penguin")
        .sourceColumns(
            "Species",
            "Island",
            "Beak Length (mm)",
            "Beak Depth (mm)",
            "Flipper Length (mm)",
            "Body Mass (g)",
            "Sex")
        .column("Sex", "STRING", null, "Sex of the bird, the same on every visit. Label.", true)
        .column(
            "penguin",
            "STRING",
            null,
            "Which bird was measured: the same id on each of its "
                + VISITS
                + " visits. The group column: all rows of one bird must land on one side of a split.",
            false)
        .sheet(
            """
            Each of the %d penguins of the source with a known sex and all four measurements appears %d times, as if \
            measured on %d visits during a season. A bird's visits share its species, island, sex and nearly the same \
            body measurements — like the sentences of one author in the course's 18th-century-literature example, which \
            share the author's style and the author's politics.
            """
                .formatted(birds, VISITS, VISITS),
            """
            1. Read penguins' %d rows; keep the %d birds whose `Sex` is MALE or FEMALE and whose four measurements are present.
            2. With `CsvDamage.remeasure`, write each bird %d times (all first visits, then all second visits …), add the \
            group column `penguin` (`PAL-001` … `PAL-%03d`, in source order), and add to each visit's measurement an \
            independent Gaussian visit-to-visit difference with standard deviation %swritten with the decimals of the \
            original value (whole millimetres and grams stay whole).
            """
                .formatted(sourceRows, birds, VISITS, birds, noise),
            """
            - **Split leakage by group (the course's 18th-century-literature flaw).** %d rows, %d birds, %d rows per bird. \
            A random 80/20 split of the rows (seeded shuffle, seed 1, as measured by the generator) leaves %d of the %d birds \
            with rows in the test side also in training. A model that recognises a bird from its measurements scores \
            much better on such a test set than on birds it has never seen. Rule DV-020 fires on a random or stratified split \
            (at the split, and in the audit) because dataset.json declares `penguin` as the group column.
            - The fix the lessons expect: split by group (`%%prodml.split(method=group)`), so that all visits of one bird \
            are on one side; the test score then measures what a model knows about new birds.
            - Nothing else is changed: the measurements are the real ones plus the visit noise; the rows with unknown sex \
            (and the `.` placeholder) are dropped.
            """
                .formatted(data.rowCount(), birds, VISITS, shared, test.size()),
            """
            Course note 6, *Flaws in real-world models*: the 18th-century-literature section and its fix-the-pipeline \
            exercise (split by group until the audit has no split-leakage finding and the test accuracy on unseen birds \
            reaches a bar).
            """)
        .build(data);
  }
}
