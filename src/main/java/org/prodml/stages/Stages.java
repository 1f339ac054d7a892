package org.prodml.stages;

import java.util.List;
import org.prodml.pipeline.Pipeline;
import org.prodml.pipeline.PipelineConfig;
import org.prodml.pipeline.PipelineState;
import org.prodml.pipeline.Stage;
import org.prodml.pipeline.StageRegistry;
import org.prodml.work.Work;

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

  private static boolean warm;

  /**
   * Runs a small pipeline once per process on made-up rows (transform, split, two trainings,
   * evaluation, serving), so the classes the stages use are loaded and compiled before any stage is
   * timed: a note's anatomy then measures work, not the Java runtime warming up. Best effort:
   * whatever fails here fails again, with its message, in the paragraph that needs it.
   */
  public static synchronized void warmUp(PipelineConfig config) {
    if (warm) {
      return;
    }
    warm = true;
    java.util.Random random = new java.util.Random(1);
    int rows = 80;
    double[] a = new double[rows];
    double[] b = new double[rows];
    String[] y = new String[rows];
    for (int i = 0; i < rows; i++) {
      a[i] = random.nextGaussian();
      b[i] = random.nextGaussian();
      y[i] = a[i] + b[i] > 0 ? "yes" : "no";
    }
    tech.tablesaw.api.Table table =
        tech.tablesaw.api.Table.create(
            "warm-up",
            tech.tablesaw.api.DoubleColumn.create("a", a),
            tech.tablesaw.api.DoubleColumn.create("b", b),
            tech.tablesaw.api.StringColumn.create("y", y));
    PipelineState state = new PipelineState(config);
    state.putTable("data", table);
    state.put(
        StageKeys.ROLES,
        new org.prodml.data.ColumnRoles(
            "y", null, null, null, java.util.Set.of(), java.util.Set.of(), java.util.Set.of()));
    Pipeline pipeline = pipeline();
    for (String[] step :
        new String[][] {
          {"profile"},
          {"transform"},
          {"split", "method", "random", "seed", "1"},
          {"train", "model", "logistic"},
          {"evaluate", "importance", "false"},
          {"train", "model", "forest", "trees", "3"},
          {"serve", "mode", "dynamic"}
        }) {
      java.util.Map<String, String> params = new java.util.LinkedHashMap<>();
      for (int i = 1; i + 1 < step.length; i += 2) {
        params.put(step[i], step[i + 1]);
      }
      try {
        pipeline.run(state, step[0], new org.prodml.pipeline.Params(params, ""), Work.NONE);
      } catch (RuntimeException e) {
        return;
      }
    }
  }
}
