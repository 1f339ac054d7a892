package org.prodml.pipeline;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.prodml.work.Work;

/**
 * One step of the ML lifecycle, run as a notebook paragraph or from the command line: it reads its
 * inputs from the pipeline state, does real work, stores artifacts and facts back, and returns what
 * to show. A stage never calls another stage; what stages share lives in their support class.
 */
public interface Stage {
  /** The name used in {@code %prodml.<name>}. */
  String name();

  /** One line: what the stage does. */
  String summary();

  /** The parameters the stage accepts, in the order help shows them. */
  List<Parameter> parameters();

  StageResult run(PipelineState state, Params params, Work work);

  default Set<String> parameterNames() {
    return parameters().stream()
        .map(Parameter::name)
        .collect(Collectors.toCollection(java.util.LinkedHashSet::new));
  }

  default Optional<Parameter> parameter(String name) {
    return parameters().stream().filter(p -> p.name().equals(name)).findFirst();
  }
}
