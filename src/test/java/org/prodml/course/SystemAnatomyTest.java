package org.prodml.course;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.prodml.course.SystemAnatomy.PackagePart;
import org.prodml.course.SystemAnatomy.StagePart;
import org.prodml.pipeline.DataRoots;
import org.prodml.pipeline.Params;
import org.prodml.pipeline.Pipeline;
import org.prodml.pipeline.PipelineConfig;
import org.prodml.pipeline.PipelineState;
import org.prodml.pipeline.StageResult;
import org.prodml.pipeline.StageRun;
import org.prodml.render.Block;
import org.prodml.render.TableBlock;
import org.prodml.render.TextBlock;
import org.prodml.rules.Finding;
import org.prodml.rules.Severity;
import org.prodml.rules.Stage;
import org.prodml.rules.Topic;
import org.prodml.stages.Stages;
import org.prodml.work.Work;

/**
 * The course's Figure 1 measured: stage time, findings per stage and topic, lines of code per
 * package.
 */
class SystemAnatomyTest {

  static Finding finding(String rule, Stage stage, Topic topic) {
    return new Finding(rule, Severity.WARNING, topic, stage, "x", "m", Map.of(), "r");
  }

  @Test
  void codeLinesSkipBlankLinesAndCommentsButNotLiterals() {
    String java =
        """
        /**
         * A javadoc block.
         */
        package a; // trailing comment on a code line

        // a whole-line comment
        class A {
          String url = "http://example.org/*not a comment*/";
          /* one-line block */ int x = 1;
          char c = '"';
          String block = \"""
              // inside a text block
              \""";
        }
        """;
    // package, class, url, int x, char c, the 3 text-block lines, the closing brace
    assertEquals(9, SystemAnatomy.codeLines(java));
  }

  @Test
  void stagesShareTheRunTimeAndCountTheFindingsTheirParagraphsReported() {
    List<StageRun> runs =
        List.of(
            new StageRun("load", 100, 0),
            new StageRun("train", 300, 1),
            new StageRun("load", 100, 2));
    List<Finding> findings =
        List.of(
            finding("PL-020", Stage.TRAIN, Topic.REPRODUCIBILITY),
            finding("DV-001", Stage.VALIDATE, Topic.MISSINGNESS),
            finding("DV-001", Stage.VALIDATE, Topic.MISSINGNESS));
    List<StagePart> parts = SystemAnatomy.stages(runs);
    assertEquals(
        List.of(new StagePart("load", 2, 200, 0.4, 2), new StagePart("train", 1, 300, 0.6, 1)),
        parts);
    assertEquals("MISSINGNESS", SystemAnatomy.topics(findings).get(0).topic());
    assertEquals(2, SystemAnatomy.topics(findings).get(0).findings());
  }

  @Test
  void packagesAreMeasuredFromTheSourceFolderWithTheModelCodeMarked(@TempDir Path dir)
      throws Exception {
    Path root = Files.createDirectories(dir.resolve("src/main/java/org/prodml"));
    Files.createDirectories(root.resolve("train"));
    Files.createDirectories(root.resolve("data"));
    Files.writeString(root.resolve("train/Trainer.java"), "class Trainer {\n  // why\n}\n");
    Files.writeString(
        root.resolve("data/Loader.java"), "class Loader {\n\n  int a;\n  int b;\n}\n");
    Files.createDirectories(dir.resolve("rules"));
    assertEquals(root, SystemAnatomy.sourceRoot(List.of(dir.resolve("rules"))).orElseThrow());
    List<PackagePart> parts = SystemAnatomy.packages(root);
    assertEquals(
        List.of(
            new PackagePart("data", "data collection", 1, 4, 4 / 6.0),
            new PackagePart("train", "ML code", 1, 2, 2 / 6.0)),
        parts);
    assertTrue(parts.get(1).isModelCode());
  }

  @Test
  void thisCheckoutsModelCodeIsASmallPartOfTheLibrary() {
    Path root = SystemAnatomy.sourceRoot(List.of(Path.of("rules"))).orElseThrow();
    List<PackagePart> parts = SystemAnatomy.packages(root);
    PackagePart model = parts.stream().filter(PackagePart::isModelCode).findFirst().orElseThrow();
    assertTrue(model.lines() > 100 && model.share() < 0.25, model.toString());
    assertTrue(
        parts.stream().noneMatch(p -> p.role().equals("other")),
        "every package has a Figure 1 role: " + parts);
  }

  @Test
  void theStageSaysSoWhenThereAreNoSourcesToCount(@TempDir Path dir) throws Exception {
    Files.createDirectories(dir.resolve("install"));
    // A packaged install: the rules ship, the Java sources do not.
    Path rules = dir.resolve("install/rules");
    try (var files = Files.walk(Path.of("rules"))) {
      for (Path from : files.toList()) {
        Files.copy(from, rules.resolve(Path.of("rules").relativize(from).toString()));
      }
    }
    PipelineState state =
        new PipelineState(
            new PipelineConfig(
                DataRoots.of(Path.of("datasets")), List.of(rules), null, null, 50, 42));
    Pipeline pipeline = Stages.pipeline();
    pipeline.run(
        state,
        "load",
        Params.of(Map.of("file", "seattle-weather/spans/train-2012-2013.csv")),
        Work.NONE);
    StageResult result = pipeline.run(state, "anatomy", Params.of(Map.of()), Work.NONE);
    String summary = ((TextBlock) result.blocks().get(0)).text();
    assertTrue(summary.startsWith("This note ran 1 stage paragraphs"), summary);
    assertTrue(summary.contains("lines of code are not measured"), summary);
    TableBlock stages =
        (TableBlock)
            result.blocks().stream().filter(b -> b instanceof TableBlock).findFirst().orElseThrow();
    assertEquals("load", stages.rows().get(0).get(0));
    assertEquals("100%", stages.rows().get(0).get(3));
  }

  @Test
  void theStageMeasuresThisCheckout() {
    PipelineState state = new PipelineState(PipelineConfig.forHome(Path.of("").toAbsolutePath()));
    Pipeline pipeline = Stages.pipeline();
    pipeline.run(
        state,
        "load",
        Params.of(Map.of("file", "seattle-weather/spans/train-2012-2013.csv")),
        Work.NONE);
    pipeline.run(
        state,
        "train",
        Params.of(Map.of("model", "forest", "trees", "5", "seed", "none")),
        Work.NONE);
    StageResult result = pipeline.run(state, "anatomy", Params.of(Map.of()), Work.NONE);
    String summary = ((TextBlock) result.blocks().get(0)).text();
    assertTrue(summary.contains("the model code (package train) is "), summary);
    List<TableBlock> tables =
        result.blocks().stream()
            .filter(b -> b instanceof TableBlock)
            .map(b -> (TableBlock) b)
            .toList();
    assertEquals(List.of("train (model code)", "1"), tables.get(0).rows().get(1).subList(0, 2));
    assertEquals(
        "1", tables.get(0).rows().get(1).get(4), "the unseeded forest's finding judges training");
    assertTrue(
        tables.get(2).rows().stream().anyMatch(r -> r.get(0).equals("train (model code)")),
        tables.get(2).toString());
    assertTrue(
        result.blocks().stream().map(Block::toString).anyMatch(s -> s.contains("<svg")), "charts");
  }
}
