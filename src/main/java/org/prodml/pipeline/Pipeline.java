package org.prodml.pipeline;

import org.prodml.work.Work;

/** Runs stages over a note's state: checks parameters, times the run, records it. */
public final class Pipeline {
  private final StageRegistry registry;

  public Pipeline(StageRegistry registry) {
    this.registry = registry;
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
