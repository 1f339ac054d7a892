package org.prodml.pipeline;

import org.prodml.work.Work;

/**
 * Runs stages over a note's state: checks parameters, times the run, records it. The time is the
 * stage's own work: the note's rules are compiled, and (when a warm-up is given) the code the
 * stages run is loaded and compiled once per process, before the clock starts, so a note's first
 * paragraphs are not charged for warming up the Java runtime.
 */
public final class Pipeline {
  private final StageRegistry registry;
  private final java.util.function.Consumer<PipelineConfig> warmUp;

  public Pipeline(StageRegistry registry) {
    this(registry, config -> {});
  }

  /**
   * @param warmUp runs before the first timed stage of each state (it must itself do its work once
   *     per process)
   */
  public Pipeline(StageRegistry registry, java.util.function.Consumer<PipelineConfig> warmUp) {
    this.registry = registry;
    this.warmUp = warmUp;
  }

  public StageRegistry registry() {
    return registry;
  }

  /** Runs one step, as a paragraph of its text would run. */
  public StageResult run(PipelineState state, Step step, Work work) {
    return run(state, step.stage(), step.toParams(), work);
  }

  public StageResult run(PipelineState state, String stageName, Params params, Work work) {
    Stage stage = registry.get(stageName);
    params.checkKnown(stageName, stage.parameterNames());
    warmUp.accept(state.config());
    try {
      state.rules(); // compiled once per rules version; a stage that judges would wait for it
    } catch (RuntimeException e) {
      // a rule that does not compile is the error of the paragraph that judges, not of this one
    }
    long start = System.nanoTime();
    StageResult result;
    state.running(work);
    try {
      result = stage.run(state, params, work);
    } finally {
      state.running(Work.NONE);
    }
    state.recordRun(
        new StageRun(stageName, (System.nanoTime() - start) / 1_000_000, result.findings().size()));
    return result;
  }
}
