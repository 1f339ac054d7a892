package org.prodml.stages;

import java.util.ArrayList;
import java.util.List;
import org.prodml.chart.Charts;
import org.prodml.chart.ModelCharts;
import org.prodml.data.ColumnRoles;
import org.prodml.facts.ParadigmComparisonFact;
import org.prodml.pipeline.Parameter;
import org.prodml.pipeline.Params;
import org.prodml.pipeline.PipelineState;
import org.prodml.pipeline.Stage;
import org.prodml.pipeline.StageException;
import org.prodml.pipeline.StageResult;
import org.prodml.render.ModelTables;
import org.prodml.render.Tables;
import org.prodml.rules.Judgement;
import org.prodml.serve.KeyBandCoverage;
import org.prodml.serve.KeySpace;
import org.prodml.serve.LatencyDistribution;
import org.prodml.serve.ServingResult;
import org.prodml.simulate.InferenceParadigm;
import org.prodml.simulate.InferenceSimulation;
import org.prodml.simulate.InferenceSimulationSpec;
import org.prodml.simulate.TrainingParadigm;
import org.prodml.simulate.TrainingSimulation;
import org.prodml.simulate.TrainingSimulationSpec;
import org.prodml.train.LabelSpec;
import org.prodml.train.ModelSpec;
import org.prodml.train.ModelType;
import org.prodml.transform.TransformPlan;
import org.prodml.work.Work;
import tech.tablesaw.api.Table;

/**
 * Simulates the course's paradigm choices on the note's time-ordered data. Training: a model
 * trained once on the first period against one retrained every few days, scored period by period.
 * Inference: a precomputed lookup table against per-request prediction on the same requests.
 */
public final class SimulateStage implements Stage {
  @Override
  public String name() {
    return "simulate";
  }

  @Override
  public String summary() {
    return "simulate static vs dynamic training (staleness) or static vs dynamic inference (coverage, latency) on time-ordered data";
  }

  /** The paradigm choices of the course a simulation replays. */
  enum Paradigm {
    TRAINING,
    INFERENCE;

    String label() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }
  }

  @Override
  public List<Parameter> parameters() {
    return List.of(
        Parameter.of(
            "paradigm",
            "which choice to simulate (default training)",
            Paradigm.class,
            Paradigm::label),
        Parameter.of(Parameter.ON, "the time-ordered table (default: data)"),
        Parameter.of(
            "model",
            "the model type (default: logistic for classes, linear for numbers)",
            ModelType.class,
            ModelType::label),
        Parameter.of("label", "the label column (default: the data's label)"),
        Parameter.of("above", "derive a yes/no label: label > this number"),
        Parameter.of(
            "features",
            "the model's input columns, comma-separated (default: every column without another role)"),
        StageSupport.seedParameter("every training"),
        Parameter.of("trees", "trees of a forest / boosting rounds"),
        Parameter.of(
            "initial",
            "training: days of the first period, on which static trains once (default "
                + TrainingSimulationSpec.DEFAULT_INITIAL_DAYS
                + ")"),
        Parameter.of(
            "period",
            "training: days per evaluation period (default "
                + TrainingSimulationSpec.DEFAULT_PERIOD_DAYS
                + ")"),
        Parameter.of(
            "retrain",
            "training: dynamic retrains every this many days (default "
                + TrainingSimulationSpec.DEFAULT_RETRAIN_DAYS
                + ")"),
        Parameter.of(
            "window",
            "training: dynamic trains on the last this many days; 0 = all data so far (default "
                + TrainingSimulationSpec.DEFAULT_WINDOW_DAYS
                + ")"),
        Parameter.of(
            "tolerance",
            "training: how much worse static may be before it counts as behind (default "
                + TrainingSimulationSpec.DEFAULT_TOLERANCE
                + ")"),
        Parameter.of(
            "trainDays",
            "inference: days of training data and of the static key space (default "
                + InferenceSimulationSpec.DEFAULT_TRAIN_DAYS
                + ")"),
        Parameter.of("keys", "inference: the static key space (default: the first text feature)"),
        Parameter.of(
            "minCount",
            "inference: precompute keys seen at least this often (default "
                + InferenceSimulationSpec.DEFAULT_MIN_COUNT
                + ")"),
        Parameter.of(
            "requests",
            "inference: serve at most this many later rows (default "
                + InferenceSimulationSpec.DEFAULT_MAX_REQUESTS
                + ")"),
        StageSupport.thresholdsParameter("serve.minCoverage:0.9"));
  }

  @Override
  public StageResult run(PipelineState state, Params params, Work work) {
    String of = params.string(Parameter.ON, "data");
    Table table = state.requireTable(of, "%prodml.load(file=…)");
    ColumnRoles roles = StageSupport.roles(state);
    if (roles.time() == null || !table.columnNames().contains(roles.time())) {
      throw new StageException(
          "simulations replay data in time order; '"
              + of
              + "' has no time column (name it in %prodml.load(time=…))");
    }
    LabelSpec label = StageSupport.label(params, roles, table);
    ModelSpec spec = StageSupport.spec(params, state, label, table);
    List<String> features =
        params.has("features")
            ? params.list("features")
            : roles.withLabel(label.column()).features(table.columnNames());
    StageSupport.requireColumns(table, of, "features", features);
    TransformPlan plan =
        state
            .get(StageKeys.TRANSFORMS)
            .map(t -> t.plan())
            .filter(
                p ->
                    table.columnNames().containsAll(p.inputColumns())
                        && !p.inputColumns().contains(label.column()))
            .orElse(null);
    String dataset = table.name();
    String paradigm =
        params.choice("paradigm", Paradigm.TRAINING.label(), parameter("paradigm").get().choices());
    StageResult.Builder out = StageResult.builder();
    ParadigmComparisonFact fact;
    if (paradigm.equals("training")) {
      TrainingSimulationSpec sim =
          StageSupport.library(
              () ->
                  new TrainingSimulationSpec(
                      spec,
                      features,
                      plan,
                      roles.time(),
                      params.integer("initial", TrainingSimulationSpec.DEFAULT_INITIAL_DAYS),
                      params.integer("period", TrainingSimulationSpec.DEFAULT_PERIOD_DAYS),
                      params.integer("retrain", TrainingSimulationSpec.DEFAULT_RETRAIN_DAYS),
                      params.integer("window", TrainingSimulationSpec.DEFAULT_WINDOW_DAYS),
                      params.decimal("tolerance", TrainingSimulationSpec.DEFAULT_TOLERANCE)));
      TrainingSimulation result =
          StageSupport.library(() -> TrainingParadigm.run(table, dataset, sim, work));
      state.put(StageKeys.TRAINING_SIMULATION, result);
      fact = result.fact();
      training(out, result);
    } else {
      List<String> keys =
          params.has("keys") ? params.list("keys") : KeySpace.firstText(table, features);
      if (keys.isEmpty()) {
        throw new StageException(
            "no text feature to use as the static key space; name the key columns with keys (e.g. keys=origin)");
      }
      InferenceSimulationSpec sim =
          StageSupport.library(
              () ->
                  new InferenceSimulationSpec(
                      spec,
                      features,
                      plan,
                      roles.time(),
                      params.integer("trainDays", InferenceSimulationSpec.DEFAULT_TRAIN_DAYS),
                      keys,
                      params.integer("minCount", InferenceSimulationSpec.DEFAULT_MIN_COUNT),
                      params.integer("requests", InferenceSimulationSpec.DEFAULT_MAX_REQUESTS)));
      InferenceSimulation result =
          StageSupport.library(() -> InferenceParadigm.run(table, dataset, sim, work));
      state.put(StageKeys.INFERENCE_SIMULATION, result);
      fact = result.fact();
      inference(out, result);
    }
    List<Object> facts = new ArrayList<>();
    state.factsBySource().getOrDefault("simulate", List.of()).stream()
        .filter(f -> !(f instanceof ParadigmComparisonFact p && p.paradigm().equals(paradigm)))
        .forEach(facts::add);
    facts.add(fact);
    state.setFacts("simulate", facts);
    Judgement judgement =
        StageSupport.judge(state, params, StageSupport.stage(org.prodml.rules.Stage.SIMULATE));
    StageResult built = out.build();
    List<org.prodml.render.Block> blocks = new ArrayList<>();
    blocks.add(built.blocks().get(0));
    blocks.add(Tables.findings("findings", judgement.findings()));
    blocks.addAll(built.blocks().subList(1, built.blocks().size()));
    return new StageResult(blocks, judgement.findings());
  }

  private static void training(StageResult.Builder out, TrainingSimulation r) {
    out.text(r.summary());
    out.html(ModelCharts.training(r));
    out.table(ModelTables.trainingPeriods(r));
    out.table(ModelTables.trainingSummary(r.fact()));
  }

  private static void inference(StageResult.Builder out, InferenceSimulation r) {
    List<ServingResult> modes = List.of(r.staticResult(), r.dynamicResult());
    out.text(r.summary());
    out.table(ModelTables.serving(modes.stream().map(ServingResult::fact).toList()));
    out.table(ModelTables.coverage(KeyBandCoverage.of(modes), r.keyColumns()));
    out.html(
        Charts.row(
            List.of(
                ModelCharts.inferenceWeeks(r.weeks()),
                ModelCharts.latency(LatencyDistribution.of(modes)))));
    out.table(ModelTables.inferenceWeeks(r.weeks()));
  }
}
