package org.prodml.zeppelin;

import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.prodml.pipeline.Parameter;
import org.prodml.pipeline.Params;
import org.prodml.pipeline.PipelineState;
import org.prodml.pipeline.Stage;
import org.prodml.pipeline.StageRegistry;
import org.prodml.pipeline.StageResult;
import org.prodml.stages.Stages;
import org.prodml.work.Work;

/**
 * Stages only tests register (in the Thrift test through the prodml.stages.extra property), so
 * interpreter behaviour (cancel, progress, forms, bugs) is tested without waiting for, or depending
 * on, the timing of the library's real stages.
 */
public final class TestStages {
  private TestStages() {}

  /** Works in 20 ms steps for up to a minute, reporting progress and checking for cancel. */
  public static final class Slow implements Stage {
    @Override
    public String name() {
      return "slow";
    }

    @Override
    public String summary() {
      return "a long computation (tests only)";
    }

    @Override
    public List<Parameter> parameters() {
      return List.of(Parameter.of("steps", "how many 20 ms steps (default 3000)"));
    }

    @Override
    public StageResult run(PipelineState state, Params params, Work work) {
      int steps = params.integer("steps", 3000);
      for (int i = 0; i < steps; i++) {
        work.checkCancelled();
        work.report((double) i / steps);
        try {
          Thread.sleep(20);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          work.checkCancelled();
        }
      }
      return StageResult.builder().text("done after " + steps + " steps").build();
    }
  }

  /** A "train" stage that says which model it was given (for the model drop-down). */
  static final class EchoTrain implements Stage {
    @Override
    public String name() {
      return "train";
    }

    @Override
    public String summary() {
      return "echoes its model parameter (tests only)";
    }

    @Override
    public List<Parameter> parameters() {
      return List.of(
          new Parameter(
              "model",
              "the model type",
              List.of("baseline", "logistic", "linear", "forest", "gbt")),
          Parameter.of("trees", "tree count"));
    }

    @Override
    public StageResult run(PipelineState state, Params params, Work work) {
      return StageResult.builder().text("model=" + params.string("model", "(none)")).build();
    }
  }

  /** A stage with a bug. */
  static final class Broken implements Stage {
    @Override
    public String name() {
      return "audit";
    }

    @Override
    public String summary() {
      return "fails with a NullPointerException (tests only)";
    }

    @Override
    public List<Parameter> parameters() {
      return List.of();
    }

    @Override
    public StageResult run(PipelineState state, Params params, Work work) {
      String missing = null;
      return StageResult.builder().text(missing.strip()).build();
    }
  }

  /** {@code %prodml.slow}, as a subclass per stage is written. */
  public static final class SlowInterpreter extends StageInterpreter {
    public SlowInterpreter(Properties properties) {
      super(properties, "slow");
    }
  }

  /**
   * The library's stages without train and audit (replaced by test stages) and without transform
   * (the example of a stage a build lacks), plus the test stages.
   */
  static StageRegistry registry() {
    List<Stage> stages = new ArrayList<>();
    for (Stage stage : Stages.all()) {
      if (!List.of("train", "audit", "transform").contains(stage.name())) {
        stages.add(stage);
      }
    }
    stages.add(new Slow());
    stages.add(new EchoTrain());
    stages.add(new Broken());
    return new StageRegistry(stages);
  }

  static TestGroup group() {
    Properties properties = TestGroup.properties();
    return TestGroup.create(properties, registry(), new SlowInterpreter(properties));
  }
}
