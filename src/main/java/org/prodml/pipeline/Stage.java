package org.prodml.pipeline;

import java.util.Set;

/**
 * One step of the ML lifecycle, run as a notebook paragraph or from the command line: it reads
 * its inputs from the pipeline state, does real work, stores artifacts and facts back, and returns
 * what to show. A stage never calls another stage.
 */
public interface Stage {
  /** The name used in {@code %prodml.<name>}. */
  String name();

  /** One line: what the stage does. */
  String summary();

  /** The local-property keys the stage accepts, with their meaning, for help and completion. */
  java.util.Map<String, String> parameters();

  StageResult run(PipelineState state, Params params, Progress progress);

  default Set<String> parameterNames() {
    return parameters().keySet();
  }
}
