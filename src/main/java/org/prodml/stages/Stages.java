package org.prodml.stages;

import java.util.List;
import org.prodml.pipeline.Pipeline;
import org.prodml.pipeline.Stage;
import org.prodml.pipeline.StageRegistry;

/**
 * The stages of ProdML Lab, in curriculum order. Each stage is a thin adapter from the note's
 * pipeline state to a library package (data, profile, transform, train …) that knows nothing of
 * notebooks. A new stage adds one line here.
 */
public final class Stages {
  private Stages() {}

  public static List<Stage> all() {
    return List.of(
        new LoadStage(),
        new ProfileStage(),
        new ValidateStage(),
        new TransformStage(),
        new SplitStage(),
        new TrainStage(),
        new EvaluateStage(),
        new ServeStage(),
        new MonitorStage(),
        new SimulateStage(),
        new DeployStage(),
        new AnatomyStage(),
        new AuditStage(),
        new AskStage(),
        new CheckStage());
  }

  public static StageRegistry registry() {
    return new StageRegistry(all());
  }

  public static Pipeline pipeline() {
    return new Pipeline(registry());
  }
}
