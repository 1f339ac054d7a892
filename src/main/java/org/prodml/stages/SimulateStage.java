package org.prodml.stages;

import java.time.LocalDate;
import java.time.ZoneOffset;
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
import org.prodml.render.TableBlock;
import org.prodml.render.Tables;
import org.prodml.rules.Judgement;
import org.prodml.serve.KeySpace;
import org.prodml.simulate.InferenceParadigm;
import org.prodml.simulate.InferenceSimulation;
import org.prodml.simulate.InferenceSimulationSpec;
import org.prodml.simulate.PeriodResult;
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
          params.integer("initial", 90), params.integer("period", 30), params.integer("retrain", 30), params.integer("window", 90),
          params.decimal("tolerance", 0.05)));
      TrainingSimulation result = StageSupport.library(() -> TrainingParadigm.run(table, dataset, sim, StageSupport.work(progress)));
      state.put(ModelKeys.TRAINING_SIMULATION, result);
      fact = result.fact();
      training(out, result, sim);
    } else {
      List<String> keys = params.has("keys") ? params.list("keys") : firstText(table, features);
      InferenceSimulationSpec sim = StageSupport.library(() -> new InferenceSimulationSpec(spec, features, plan, roles.time(),
          params.integer("trainDays", 31), keys, params.integer("minCount", 1), params.integer("requests", 20_000)));
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

  private static List<String> firstText(Table table, List<String> features) {
    for (String f : features) {
      if (org.prodml.transform.Frame.kindOf(table.column(f).type()) == org.prodml.transform.Frame.Kind.TEXT) {
        return List.of(f);
      }
    }
    throw new StageException("no text feature to use as the static key space; write keys=…");
  }

  private static void training(StageResult.Builder out, TrainingSimulation r, TrainingSimulationSpec spec) {
    ParadigmComparisonFact f = r.fact();
    out.text("Static trained once on " + r.firstPeriod() + "; dynamic retrained every " + spec.retrainEveryDays() + " days on a "
        + spec.windowKind() + " window. Over " + f.periods() + " periods of " + spec.periodDays() + " days, mean " + r.metric()
        + " static " + StageSupport.number(f.staticMean()) + " vs dynamic " + StageSupport.number(f.dynamicMean())
        + "; static was behind by more than " + StageSupport.number(spec.tolerance()) + " in " + f.periodsStaticBehind() + " periods"
        + (Double.isNaN(f.stalenessDays()) ? "" : ", first at model age " + StageSupport.number(f.stalenessDays()) + " days")
        + ". Cost: " + f.staticRuns() + " training (" + StageSupport.number(f.staticCostMs()) + " ms) vs " + f.dynamicRuns()
        + " (" + StageSupport.number(f.dynamicCostMs()) + " ms).");
    List<List<String>> rows = new ArrayList<>();
    Map<String, List<double[]>> series = new LinkedHashMap<>();
    List<double[]> stat = new ArrayList<>();
    List<double[]> dyn = new ArrayList<>();
    for (PeriodResult p : r.periods()) {
      rows.add(List.of(p.start() + " … " + p.end(), String.valueOf(p.rows()), StageSupport.number(p.staticValue()),
          StageSupport.number(p.dynamicValue()), StageSupport.number(p.staticAgeDays()), StageSupport.number(p.dynamicAgeDays()),
          p.retrained() ? "yes (" + p.dynamicTrainingRows() + " rows)" : ""));
      double x = LocalDate.parse(p.start()).atStartOfDay().toInstant(ZoneOffset.UTC).toEpochMilli();
      if (!Double.isNaN(p.staticValue())) {
        stat.add(new double[] {x, p.staticValue()});
      }
      if (!Double.isNaN(p.dynamicValue())) {
        dyn.add(new double[] {x, p.dynamicValue()});
      }
    }
    series.put("static (trained once)", stat);
    series.put("dynamic (retrained every " + spec.retrainEveryDays() + " days)", dyn);
    out.html(Charts.lines(r.metric() + " per period: static vs dynamic training", null, r.metric(), series, true));
    out.table(TableBlock.of("quality per period", List.of("period", "rows", "static " + r.metric(), "dynamic " + r.metric(),
        "static model age (days)", "dynamic model age (days)", "dynamic retrained"), rows));
    out.table(StageSupport.keyValues("summary", List.of(
        new String[] {"periods", String.valueOf(f.periods())},
        new String[] {"static mean / worst", StageSupport.number(f.staticMean()) + " / " + StageSupport.number(f.staticWorst())},
        new String[] {"dynamic mean / worst", StageSupport.number(f.dynamicMean()) + " / " + StageSupport.number(f.dynamicWorst())},
        new String[] {"periods static behind", String.valueOf(f.periodsStaticBehind())},
        new String[] {"largest gap", StageSupport.number(f.largestGap())},
        new String[] {"measured staleness (days)", Double.isNaN(f.stalenessDays()) ? "never fell behind" : StageSupport.number(f.stalenessDays())},
        new String[] {"trainings static / dynamic", f.staticRuns() + " / " + f.dynamicRuns()},
        new String[] {"training time static / dynamic", StageSupport.number(f.staticCostMs()) + " ms / " + StageSupport.number(f.dynamicCostMs()) + " ms"})));
  }

  private static void inference(StageResult.Builder out, InferenceSimulation r) {
    ParadigmComparisonFact f = r.fact();
    out.text("Trained " + r.model() + " on " + r.trainingRows() + " rows; static precomputed " + f.staticRuns() + " predictions (one per "
        + String.join("+", r.keyColumns()) + " seen) in " + r.precomputeMillis() + " ms. On " + f.dynamicRuns() + " later requests: static answered "
        + StageSupport.percent(f.staticCoverage()) + " (p99 " + StageSupport.number(f.staticP99Ms()) + " ms), dynamic "
        + StageSupport.percent(f.dynamicCoverage()) + " (p99 " + StageSupport.number(f.dynamicP99Ms()) + " ms); "
        + StageSupport.percent(f.tailRequestShare()) + " of requests had a key seen fewer than " + KeySpace.TAIL_BELOW + " times.");
    out.table(ServeStage.comparison(List.of(r.staticResult(), r.dynamicResult())));
    out.table(ServeStage.coverage(List.of(r.staticResult(), r.dynamicResult()), r.keyColumns()));
    List<List<String>> rows = new ArrayList<>();
    Map<String, List<double[]>> series = new LinkedHashMap<>();
    List<double[]> stat = new ArrayList<>();
    List<double[]> dyn = new ArrayList<>();
    for (InferenceSimulation.WeekCoverage w : r.weeks()) {
      rows.add(List.of(w.week(), String.valueOf(w.requests()), StageSupport.percent(w.staticCoverage()), StageSupport.percent(w.dynamicCoverage())));
      double x = LocalDate.parse(w.week()).atStartOfDay().toInstant(ZoneOffset.UTC).toEpochMilli();
      stat.add(new double[] {x, w.staticCoverage()});
      dyn.add(new double[] {x, w.dynamicCoverage()});
    }
    series.put("static", stat);
    series.put("dynamic", dyn);
    out.html(Charts.row(List.of(Charts.lines("coverage per week", null, "share answered", series, true),
        ServeStage.latencyChart(List.of(r.staticResult(), r.dynamicResult())))));
    out.table(TableBlock.of("coverage per week", List.of("week from", "requests", "static", "dynamic"), rows));
  }
}
