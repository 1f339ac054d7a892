package org.prodml.stages;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.prodml.chart.Charts;
import org.prodml.data.ColumnRoles;
import org.prodml.facts.ParadigmComparisonFact;
import org.prodml.pipeline.Params;
import org.prodml.pipeline.PipelineState;
import org.prodml.pipeline.Progress;
import org.prodml.pipeline.Stage;
import org.prodml.pipeline.StageException;
import org.prodml.pipeline.StageResult;
import org.prodml.render.Tables;
import org.prodml.report.ModelCharts;
import org.prodml.report.ModelTables;
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
import org.prodml.transform.TransformPlan;
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

  @Override
  public Map<String, String> parameters() {
    Map<String, String> p = new LinkedHashMap<>();
    p.put("paradigm", "training (default) or inference");
    p.put("of", "the time-ordered table (default: data)");
    p.put("model", "logistic, linear, forest, gbt or baseline (default: logistic for classes, linear for numbers)");
    p.put("label", "the label column (default: the data's label)");
    p.put("above", "derive a yes/no label: label > this number");
    p.put("seed", "the seed of every training (default: the note's seed)");
    p.put("trees", "trees of a forest / boosting rounds");
    p.put("initial", "training: days of the first period, on which static trains once (default 90)");
    p.put("period", "training: days per evaluation period (default 30)");
    p.put("retrain", "training: dynamic retrains every this many days (default 30)");
    p.put("window", "training: dynamic trains on the last this many days; 0 = all data so far (default 90)");
    p.put("tolerance", "training: how much worse static may be before it counts as behind (default 0.05)");
    p.put("trainDays", "inference: days of training data and of the static key space (default 31)");
    p.put("keys", "inference: the static key space (default: the first text feature)");
    p.put("minCount", "inference: precompute keys seen at least this often (default 1)");
    p.put("requests", "inference: serve at most this many later rows (default 20000)");
    p.put("thresholds", "rule threshold overrides");
    return p;
  }

  @Override
  public StageResult run(PipelineState state, Params params, Progress progress) {
    String of = params.string("of", "data");
    Table table = state.requireTable(of, "%prodml.load(file=…)");
    ColumnRoles roles = StageKeys.roles(state);
    if (roles.time() == null || !table.columnNames().contains(roles.time())) {
      throw new StageException("simulations replay data in time order; '" + of + "' has no time column (name it in %prodml.load(time=…))");
    }
    LabelSpec label = TrainStage.label(params, roles, table);
    ModelSpec spec = TrainStage.spec(params, state, label, table);
    List<String> features = roles.withLabel(label.column()).features(table.columnNames());
    TransformPlan plan = state.get(ModelKeys.TRANSFORMS).map(t -> t.plan())
        .filter(p -> table.columnNames().containsAll(p.inputColumns()) && !p.inputColumns().contains(label.column()))
        .orElse(null);
    String dataset = table.name();
    String paradigm = params.choice("paradigm", "training", List.of("training", "inference"));
    StageResult.Builder out = StageResult.builder();
    ParadigmComparisonFact fact;
    if (paradigm.equals("training")) {
      TrainingSimulationSpec sim = StageSupport.library(() -> new TrainingSimulationSpec(spec, features, plan, roles.time(),
          params.integer("initial", TrainingSimulationSpec.DEFAULT_INITIAL_DAYS), params.integer("period", TrainingSimulationSpec.DEFAULT_PERIOD_DAYS),
          params.integer("retrain", TrainingSimulationSpec.DEFAULT_RETRAIN_DAYS), params.integer("window", TrainingSimulationSpec.DEFAULT_WINDOW_DAYS),
          params.decimal("tolerance", TrainingSimulationSpec.DEFAULT_TOLERANCE)));
      TrainingSimulation result = StageSupport.library(() -> TrainingParadigm.run(table, dataset, sim, StageSupport.work(progress)));
      state.put(ModelKeys.TRAINING_SIMULATION, result);
      fact = result.fact();
      training(out, result);
    } else {
      List<String> keys = params.has("keys") ? params.list("keys") : KeySpace.firstText(table, features);
      if (keys.isEmpty()) {
        throw new StageException("no text feature to use as the static key space; write keys=…");
      }
      InferenceSimulationSpec sim = StageSupport.library(() -> new InferenceSimulationSpec(spec, features, plan, roles.time(),
          params.integer("trainDays", InferenceSimulationSpec.DEFAULT_TRAIN_DAYS), keys,
          params.integer("minCount", InferenceSimulationSpec.DEFAULT_MIN_COUNT), params.integer("requests", InferenceSimulationSpec.DEFAULT_MAX_REQUESTS)));
      InferenceSimulation result = StageSupport.library(() -> InferenceParadigm.run(table, dataset, sim, StageSupport.work(progress)));
      state.put(ModelKeys.INFERENCE_SIMULATION, result);
      fact = result.fact();
      inference(out, result);
    }
    List<Object> facts = new ArrayList<>();
    state.factsBySource().getOrDefault("simulate", List.of()).stream()
        .filter(f -> !(f instanceof ParadigmComparisonFact p && p.paradigm().equals(paradigm)))
        .forEach(facts::add);
    facts.add(fact);
    state.setFacts("simulate", facts);
    Judgement judgement = StageSupport.judge(state, params, StageSupport.stage(org.prodml.rules.Stage.SIMULATE));
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
    out.html(Charts.row(List.of(ModelCharts.inferenceWeeks(r.weeks()), ModelCharts.latency(LatencyDistribution.of(modes)))));
    out.table(ModelTables.inferenceWeeks(r.weeks()));
  }
}
