package org.prodml.stages;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.prodml.facts.FeatureCorrelationFact;
import org.prodml.pipeline.DataRoots;
import org.prodml.pipeline.Params;
import org.prodml.pipeline.PipelineConfig;
import org.prodml.pipeline.PipelineState;
import org.prodml.pipeline.StageResult;
import org.prodml.profile.RowSample;
import org.prodml.rules.Finding;
import org.prodml.work.Work;

/**
 * A training file larger than any in-memory limit is judged like a small one: its near copies are
 * found on the row sample its streaming profile gathered (correlations once needed the whole file
 * loaded, and files over 64 MB got none), and the validation never loads its rows.
 */
class LargeFileStagesTest {
  @TempDir Path dir;

  @Test
  void aFileOverSixtyFourMegabytesGetsItsCorrelationFinding() throws Exception {
    Path file = dir.resolve("large.csv");
    Random random = new Random(64);
    long rows = 0;
    try (BufferedWriter w = Files.newBufferedWriter(file)) {
      w.write("reading,reading_copy,other,label\n");
      StringBuilder line = new StringBuilder();
      while (rows % 100_000 != 0 || Files.size(file) <= 65L << 20) {
        int reading = random.nextInt(1_000_000);
        line.setLength(0);
        line.append(reading)
            .append(',')
            .append(reading * 2 + random.nextInt(1000))
            .append(',')
            .append(random.nextInt(1_000_000))
            .append(',')
            .append(random.nextBoolean() ? "yes" : "no")
            .append('\n');
        w.append(line);
        rows++;
        if (rows % 100_000 == 0) {
          w.flush();
        }
      }
    }
    assertTrue(Files.size(file) > 64L << 20, "over the old limit: " + Files.size(file));

    PipelineState state =
        new PipelineState(
            new PipelineConfig(
                DataRoots.of(dir),
                List.of(Path.of("rules")),
                null,
                null,
                PipelineConfig.DEFAULT_MAX_ROWS,
                PipelineConfig.DEFAULT_SEED));
    var pipeline = Stages.pipeline();
    pipeline.run(state, "load", Params.of(Map.of("file", "large.csv")), Work.NONE);
    StageResult result = pipeline.run(state, "validate", Params.of(Map.of()), Work.NONE);

    Finding copy =
        result.findings().stream()
            .filter(f -> f.ruleId().equals("FL-010"))
            .findFirst()
            .orElseThrow(() -> new AssertionError("no FL-010: " + result.findings()));
    assertEquals("reading", copy.subject());
    assertEquals("reading_copy", copy.evidence().get("other"));
    assertEquals(
        "a seeded sample of " + RowSample.ROWS + " of its " + rows + " rows",
        copy.evidence().get("sample"));
    FeatureCorrelationFact fact =
        state.facts().stream()
            .filter(FeatureCorrelationFact.class::isInstance)
            .map(FeatureCorrelationFact.class::cast)
            .findFirst()
            .orElseThrow();
    assertTrue(fact.value() > 0.99, "reading_copy nearly copies reading: " + fact.value());
    assertTrue(state.hasTable("data"));
    assertTrue(!state.isLoaded("data"), "validation needs no rows: the file was only streamed");
  }
}
