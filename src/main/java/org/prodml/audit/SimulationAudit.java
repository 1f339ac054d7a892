package org.prodml.audit;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;
import org.prodml.data.ColumnRoles;
import org.prodml.data.DataInputException;
import org.prodml.data.DataLoader;
import org.prodml.data.DatasetSpec;
import org.prodml.facts.ParadigmComparisonFact;
import org.prodml.rules.Judgement;
import org.prodml.rules.RuleBase;
import org.prodml.rules.RuleFiles;
import org.prodml.rules.Stage;
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
import org.prodml.work.Work;
import tech.tablesaw.api.Table;

/**
 * Runs a paradigm simulation on a time-ordered file ({@code ./prodml simulate}) and judges its
 * comparison with the rules of stage SIMULATE: static against dynamic training period by period,
 * or static against dynamic inference on the same later requests. The file is only read.
 */
public final class SimulationAudit {
  private SimulationAudit() {}

  public static SimulationResult run(SimulationRequest request, String version, Consumer<String> log) {
    RuleBase rules = RuleFiles.compile(request.ruleFolders());
    rules.checkThresholds(request.thresholds());
    ColumnRoles roles = request.roles();
    String file = request.data().toString();
    if (roles.label() == null) {
      throw new IllegalArgumentException("no label: give --label COLUMN (no dataset.json beside " + file + " names one)");
    }
    if (roles.time() == null) {
      throw new IllegalArgumentException("simulations replay data in time order: give --time COLUMN (no dataset.json beside " + file + " names one)");
    }
    long start = System.nanoTime();
    Table table = DataLoader.load(request.data());
    roles.requireIn(file, table.columnNames());
    log.accept(String.format("loaded %s: %,d rows in %d ms", file, table.rowCount(), (System.nanoTime() - start) / 1_000_000));
    LabelSpec label = new LabelSpec(roles.label(), request.above());
    List<String> features = request.features() != null ? request.features() : roles.withLabel(label.column()).features(table.columnNames());
    for (String f : features) {
      if (!table.columnNames().contains(f)) {
        throw new DataInputException(file, -1, f, "no such feature column; the data has " + String.join(", ", table.columnNames()));
      }
    }
    ModelSpec model = ModelAudit.modelSpec(table, label, request.model(), request.seed(), request.hyperparameters());
    String dataset = DatasetSpec.forDataFile(request.data()).map(DatasetSpec::name).orElse(request.data().getFileName().toString());

    Map<String, String> parameters = new LinkedHashMap<>();
    parameters.put("model", model.type().label());
    parameters.put("seed", model.seed() == null ? "none" : String.valueOf(model.seed()));
    parameters.put("hyperparameters", String.join(", ", model.hyperparameters()));
    parameters.put("features", String.join(", ", features));
    start = System.nanoTime();
    ParadigmComparisonFact fact;
    String summary;
    TrainingSimulation training = null;
    SimulationResult.InferenceOutcome inference = null;
    if (request.paradigm().equals("training")) {
      SimulationRequest.TrainingSchedule s = request.training();
      TrainingSimulationSpec spec = new TrainingSimulationSpec(model, features, null, roles.time(), s.initialDays(), s.periodDays(),
          s.retrainEveryDays(), s.windowDays(), s.tolerance());
      training = TrainingParadigm.run(table, dataset, spec, Work.NONE);
      fact = training.fact();
      summary = training.summary();
      parameters.put("initial days", String.valueOf(s.initialDays()));
      parameters.put("period days", String.valueOf(s.periodDays()));
      parameters.put("retrain every days", String.valueOf(s.retrainEveryDays()));
      parameters.put("window", spec.windowKind());
      parameters.put("tolerance", String.valueOf(s.tolerance()));
    } else {
      SimulationRequest.InferenceSizes s = request.inference();
      List<String> keys = request.keys() != null ? request.keys() : KeySpace.firstText(table, features);
      if (keys.isEmpty()) {
        throw new IllegalArgumentException("no text feature to use as the static key space; give --keys COLUMN[,COLUMN]");
      }
      InferenceSimulationSpec spec = new InferenceSimulationSpec(model, features, null, roles.time(), s.trainDays(), keys,
          s.minCount(), s.maxRequests());
      InferenceSimulation r = InferenceParadigm.run(table, dataset, spec, Work.NONE);
      fact = r.fact();
      summary = r.summary();
      List<ServingResult> modes = List.of(r.staticResult(), r.dynamicResult());
      ServingReport serving = new ServingReport("requests after the first " + s.trainDays() + " days", r.dynamicResult().latencyMs().length,
          r.keyColumns(), r.staticResult().fact().servingPath(), modes.stream().map(ServingResult::fact).toList(),
          KeyBandCoverage.of(modes), LatencyDistribution.of(modes), List.of());
      inference = new SimulationResult.InferenceOutcome(r.model(), r.trainingRows(), r.precomputeMillis(), serving, r.weeks());
      parameters.put("keys", String.join(", ", keys));
      parameters.put("training days", String.valueOf(s.trainDays()));
      parameters.put("min count", String.valueOf(s.minCount()));
      parameters.put("max requests", String.valueOf(s.maxRequests()));
    }
    log.accept(String.format("simulated %s paradigms in %d ms", request.paradigm(), (System.nanoTime() - start) / 1_000_000));
    Judgement judgement = rules.evaluate(List.of(fact), request.thresholds(), r -> r.stage() == Stage.SIMULATE);
    Map<String, String> inputs = new LinkedHashMap<>();
    inputs.put("data", file);
    inputs.put("label", label.describe());
    inputs.put("time", roles.time());
    Map<String, Double> thresholds = new TreeMap<>(rules.thresholds());
    thresholds.putAll(request.thresholds());
    return new SimulationResult("ProdML Lab", version, request.paradigm(), judgement.hasCritical() ? Verdict.NOT_READY : Verdict.READY,
        inputs, parameters, summary, fact, training, inference, judgement.findings(), thresholds, rules.version());
  }
}
