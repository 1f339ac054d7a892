package org.prodml.audit;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;
import org.prodml.data.TablesawStartup;
import org.prodml.note.NoteFiles;
import org.prodml.pipeline.Pipeline;
import org.prodml.pipeline.PipelineConfig;
import org.prodml.pipeline.PipelineState;
import org.prodml.pipeline.StageResult;
import org.prodml.pipeline.Step;
import org.prodml.render.TextBlock;
import org.prodml.rules.RuleFiles;
import org.prodml.stages.Stages;
import org.prodml.work.Work;

/**
 * Runs a command-line audit or simulation as a headless note: its steps go through the registered
 * stages on one pipeline state, exactly as the paragraphs of a note would, and the report is read
 * from that state. Input files are only read.
 */
public final class AuditRun {
  private AuditRun() {}

  /** An audit's report, and the pipeline it ran (for a note of it). */
  public record Audited(AuditResult result, List<Step> steps) {}

  /**
   * Audits as asked.
   *
   * @param fileName how a file is named in a step's {@code file=} parameter, resolvable by the
   *     configuration's data roots
   */
  public static Audited audit(
      AuditRequest request,
      PipelineConfig config,
      Function<Path, String> fileName,
      String version,
      Consumer<String> log) {
    List<Step> steps = request.steps(fileName);
    PipelineState state = new PipelineState(config);
    run(state, steps, log);
    Map<String, String> inputs = new LinkedHashMap<>();
    inputs.put("train", request.train().toString());
    if (request.test() != null) {
      inputs.put("test", request.test().toString());
    }
    if (request.serving() != null) {
      inputs.put("serving", request.serving().toString());
    }
    return new Audited(AuditResult.of(state, inputs, version), steps);
  }

  /** Simulates as asked. */
  public static SimulationResult simulate(
      SimulationRequest request,
      PipelineConfig config,
      Function<Path, String> fileName,
      String version,
      Consumer<String> log) {
    List<Step> steps = request.steps(fileName);
    PipelineState state = new PipelineState(config);
    StageResult last = run(state, steps, log);
    Map<String, String> inputs = new LinkedHashMap<>();
    inputs.put("data", request.data().toString());
    return SimulationResult.of(
        state, inputs, steps.get(steps.size() - 1), last, request.thresholds(), version);
  }

  /**
   * Runs the steps in order on the state, the rules compiling meanwhile; logs each step's paragraph
   * line, time and first sentence. Returns the last step's result.
   */
  static StageResult run(PipelineState state, List<Step> steps, Consumer<String> log) {
    TablesawStartup.load(); // before the rules' thread starts: it sets a system property
    // Drools builds the rules while the first stages read and profile the files.
    RuleFiles.compileAsync(state.config().ruleFolders());
    Pipeline pipeline = Stages.pipeline();
    StageResult result = null;
    for (Step step : steps) {
      long start = System.nanoTime();
      result = pipeline.run(state, step, Work.NONE);
      String said =
          result.blocks().stream()
              .filter(b -> b instanceof TextBlock)
              .map(b -> ((TextBlock) b).text())
              .findFirst()
              .orElse("");
      log.accept(
          String.format(
              "%s (%d ms) %s",
              step.paragraphText().lines().findFirst().orElse(""),
              (System.nanoTime() - start) / 1_000_000,
              said));
    }
    return result;
  }

  /**
   * The steps as a Zeppelin note that {@code ./prodml run} reproduces: an introduction saying what
   * ran and how to run it again, then one titled paragraph per step.
   *
   * @param introduction Markdown: what the note is and the command that runs it again
   */
  public static String note(String id, String name, String introduction, List<Step> steps) {
    List<NoteFiles.Paragraph> paragraphs = new java.util.ArrayList<>();
    paragraphs.add(new NoteFiles.Paragraph("", "%md\n" + introduction));
    for (Step step : steps) {
      paragraphs.add(new NoteFiles.Paragraph(title(step), step.paragraphText()));
    }
    return NoteFiles.write(NoteFiles.build(id, name, paragraphs));
  }

  private static String title(Step step) {
    return switch (step.stage()) {
      case "load" -> "Load " + step.params().getOrDefault("as", "data");
      case "ask" -> "Answer the readiness questions";
      default -> Character.toUpperCase(step.stage().charAt(0)) + step.stage().substring(1);
    };
  }
}
