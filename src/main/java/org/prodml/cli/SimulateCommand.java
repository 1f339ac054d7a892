package org.prodml.cli;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.prodml.audit.AuditRun;
import org.prodml.audit.SimulationRequest;
import org.prodml.audit.SimulationResult;
import org.prodml.pipeline.DataRoots;
import org.prodml.pipeline.PipelineConfig;
import org.prodml.readiness.Verdict;
import org.prodml.render.TableBlock;
import org.prodml.render.TextTables;
import org.prodml.report.HtmlReport;
import org.prodml.report.Json;
import org.prodml.report.MarkdownReport;
import org.prodml.report.SimulationPage;
import org.prodml.rules.Severity;
import org.prodml.simulate.InferenceSimulationSpec;
import org.prodml.simulate.TrainingSimulationSpec;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code ./prodml simulate training|inference}: the course's paradigm choices replayed on real data
 * and judged, by the simulate stage a note runs; every option is that stage's parameter of the same
 * name.
 */
@Command(
    name = "simulate",
    mixinStandardHelpOptions = true,
    description = {
      "Replays time-ordered data to compare static with dynamic training, or static with dynamic inference.",
      "training: a model trained once on the first period against one retrained on schedule, scored period by"
          + " period (default data: seattle-weather).",
      "inference: a precomputed lookup table against per-request prediction on the same later requests"
          + " (default data: flights-20k, keyed by route: origin and destination).",
      "Prints the comparison, judges it with the rules of stage SIMULATE and writes simulation.json,"
          + " simulation.html and simulation.md.",
      "Exit code 1 when a CRITICAL finding is raised, 2 on bad input."
    })
public final class SimulateCommand implements Callable<Integer> {
  /** The data each paradigm simulates when no --data is given, and the route key of the flights. */
  static final String TRAINING_DATA = "datasets/seattle-weather/data.csv";

  static final String INFERENCE_DATA = "datasets/flights-20k/data.csv";
  static final List<String> ROUTE = List.of("origin", "destination");

  enum Paradigm {
    training,
    inference
  }

  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Mixin ModelOptions modelOptions;

  @Mixin RuleOptions ruleOptions;

  @Parameters(
      index = "0",
      paramLabel = "training|inference",
      description = "which paradigm choice to simulate")
  Paradigm paradigm;

  @Option(
      names = "--data",
      paramLabel = "FILE",
      description =
          "time-ordered data (default: "
              + TRAINING_DATA
              + " for training, "
              + INFERENCE_DATA
              + " for inference)")
  Path data;

  @Option(
      names = "--label",
      paramLabel = "COLUMN",
      description = "the label column (default: from dataset.json beside the data)")
  String label;

  @Option(
      names = "--time",
      paramLabel = "COLUMN",
      description = "the time column ordering the data (default: from dataset.json)")
  String time;

  @Option(
      names = "--initial",
      paramLabel = "DAYS",
      defaultValue = "" + TrainingSimulationSpec.DEFAULT_INITIAL_DAYS,
      description =
          "training: days of the first period, on which static trains once (default: ${DEFAULT-VALUE})")
  int initial;

  @Option(
      names = "--period",
      paramLabel = "DAYS",
      defaultValue = "" + TrainingSimulationSpec.DEFAULT_PERIOD_DAYS,
      description = "training: days per evaluation period (default: ${DEFAULT-VALUE})")
  int period;

  @Option(
      names = "--retrain",
      paramLabel = "DAYS",
      defaultValue = "" + TrainingSimulationSpec.DEFAULT_RETRAIN_DAYS,
      description = "training: dynamic retrains every this many days (default: ${DEFAULT-VALUE})")
  int retrain;

  @Option(
      names = "--window",
      paramLabel = "DAYS",
      defaultValue = "" + TrainingSimulationSpec.DEFAULT_WINDOW_DAYS,
      description =
          "training: dynamic trains on the last this many days; 0 = all data so far (default: ${DEFAULT-VALUE})")
  int window;

  @Option(
      names = "--tolerance",
      paramLabel = "X",
      defaultValue = "" + TrainingSimulationSpec.DEFAULT_TOLERANCE,
      description =
          "training: how much worse static may be in a period before it counts as behind (default: ${DEFAULT-VALUE})")
  double tolerance;

  @Option(
      names = "--train-days",
      paramLabel = "DAYS",
      defaultValue = "" + InferenceSimulationSpec.DEFAULT_TRAIN_DAYS,
      description =
          "inference: days of training data and of the static key space (default: ${DEFAULT-VALUE})")
  int trainDays;

  @Option(
      names = "--min-count",
      paramLabel = "N",
      defaultValue = "" + InferenceSimulationSpec.DEFAULT_MIN_COUNT,
      description =
          "inference: precompute keys seen at least this often (default: ${DEFAULT-VALUE})")
  int minCount;

  @Option(
      names = "--requests",
      paramLabel = "N",
      defaultValue = "" + InferenceSimulationSpec.DEFAULT_MAX_REQUESTS,
      description = "inference: serve at most this many later rows (default: ${DEFAULT-VALUE})")
  int requests;

  @Option(
      names = "--out",
      paramLabel = "DIR",
      defaultValue = "out/simulate",
      description = "where to write the report (default: ${DEFAULT-VALUE})")
  Path out;

  @Override
  public Integer call() {
    boolean training = paradigm == Paradigm.training;
    Path file =
        (data != null ? data : Home.get().resolve(training ? TRAINING_DATA : INFERENCE_DATA))
            .toAbsolutePath()
            .normalize();
    Map<String, String> simulation = new LinkedHashMap<>();
    modelOptions.putTrain(simulation);
    if (training) {
      simulation.put("initial", String.valueOf(initial));
      simulation.put("period", String.valueOf(period));
      simulation.put("retrain", String.valueOf(retrain));
      simulation.put("window", String.valueOf(window));
      simulation.put("tolerance", String.valueOf(tolerance));
    } else {
      // The flights' natural key is the route; on other data the first text feature, as the
      // simulate stage does.
      List<String> keySpace =
          modelOptions.keys != null ? modelOptions.keys : data == null ? ROUTE : null;
      ModelOptions.put(simulation, "keys", keySpace == null ? null : String.join(",", keySpace));
      simulation.put("trainDays", String.valueOf(trainDays));
      simulation.put("minCount", String.valueOf(minCount));
      simulation.put("requests", String.valueOf(requests));
    }
    SimulationRequest request =
        new SimulationRequest(
            paradigm.name(), file, label, time, simulation, ruleOptions.thresholds());
    Path folder = file.getParent() == null ? Path.of("").toAbsolutePath() : file.getParent();
    PipelineConfig config =
        new PipelineConfig(
            DataRoots.of(folder),
            ruleOptions.folders(),
            null,
            Home.get().resolve("notebooks"),
            PipelineConfig.DEFAULT_MAX_ROWS,
            PipelineConfig.DEFAULT_SEED,
            ruleOptions.limits());
    var w = spec.commandLine().getOut();
    SimulationResult result =
        AuditRun.simulate(
            request,
            config,
            f -> folder.relativize(f.toAbsolutePath().normalize()).toString(),
            Version.get(),
            w::println);
    write(result, out);
    w.println(result.summary());
    for (TableBlock table : SimulationPage.tables(result)) {
      w.println();
      w.print(TextTables.render(table, 60));
    }
    w.println();
    w.print(AuditCommand.findings(result.findings()));
    w.printf(
        "Verdict: %s (%d critical, %d warning, %d info)%n",
        result.verdict(),
        result.count(Severity.CRITICAL),
        result.count(Severity.WARNING),
        result.count(Severity.INFO));
    w.println(
        "Report: " + out.resolve("simulation.html") + " (also simulation.json, simulation.md)");
    w.flush();
    return result.verdict() == Verdict.READY ? ProdmlCommand.OK : ProdmlCommand.CRITICAL;
  }

  /** Writes simulation.json, simulation.md and simulation.html as one unit, as the audit's. */
  static void write(SimulationResult result, Path out) {
    Map<String, org.prodml.io.AtomicFiles.Content> files = new java.util.LinkedHashMap<>();
    files.put("simulation.json", stream -> Json.write(result, stream));
    files.put("simulation.md", AuditCommand.text(() -> MarkdownReport.render(result)));
    files.put("simulation.html", AuditCommand.text(() -> HtmlReport.render(result)));
    org.prodml.io.ReportFolder.write(out, files); // one unit, as the audit's
  }
}
