package org.prodml.render;

import java.util.ArrayList;
import java.util.List;
import org.prodml.evaluate.CalibrationBucket;
import org.prodml.evaluate.ClassMetrics;
import org.prodml.evaluate.ClassificationMetrics;
import org.prodml.evaluate.EvaluationResult;
import org.prodml.evaluate.RegressionMetrics;
import org.prodml.facts.DeploymentCheckFact;
import org.prodml.facts.FeatureImportanceFact;
import org.prodml.facts.FeatureSkewFact;
import org.prodml.facts.MonitoringWindowFact;
import org.prodml.facts.ParadigmComparisonFact;
import org.prodml.facts.ServingFact;
import org.prodml.facts.SliceMetricFact;
import org.prodml.serve.KeyBandCoverage;
import org.prodml.simulate.InferenceSimulation;
import org.prodml.simulate.PeriodResult;
import org.prodml.simulate.TrainingSimulation;
import org.prodml.text.Format;
import org.prodml.train.ModelCard;

/**
 * The tables of what a model's stages measured, shared by a note's paragraphs, the audit report
 * (HTML and Markdown) and the terminal: the model card, evaluation, serving, monitoring windows,
 * deployment tests and the paradigm simulations. A measure that does not apply (NaN) is blank.
 */
public final class ModelTables {
  private ModelTables() {}

  private static TableBlock keyValues(String title, List<String[]> pairs) {
    List<List<String>> rows = new ArrayList<>();
    for (String[] p : pairs) {
      rows.add(List.of(p[0], p[1]));
    }
    return TableBlock.of(title, List.of("what", "value"), rows);
  }

  /**
   * The model card.
   *
   * @param transforms how the inputs were transformed, in words (which plan, fitted on what)
   */
  public static TableBlock card(ModelCard card, String transforms) {
    List<String[]> rows = new ArrayList<>();
    rows.add(new String[] {"model", card.id()});
    rows.add(
        new String[] {
          "task",
          card.task()
              + (card.task().equals("classification")
                  ? " ("
                      + card.classes().size()
                      + " classes: "
                      + String.join(
                          ", ", card.classes().subList(0, Math.min(8, card.classes().size())))
                      + ")"
                  : "")
        });
    rows.add(new String[] {"label", card.label()});
    rows.add(
        new String[] {
          "seed",
          card.seed() != null
              ? String.valueOf(card.seed())
              : "none (unseeded: this model cannot be trained again)"
        });
    List<String> hyperparameters = new ArrayList<>();
    card.hyperparameters().forEach((k, v) -> hyperparameters.add(k + "=" + v));
    rows.add(new String[] {"hyperparameters", String.join(", ", hyperparameters)});
    rows.add(new String[] {"inputs", String.join(", ", card.features())});
    rows.add(new String[] {"features after transforms", String.valueOf(card.encodedFeatures())});
    rows.add(new String[] {"transforms", transforms + " (" + card.placement() + ")"});
    rows.add(new String[] {"training rows", String.valueOf(card.trainingRows())});
    rows.add(new String[] {"training time", card.trainingMillis() + " ms"});
    rows.add(
        new String[] {
          "training data ends",
          card.trainingDataEnd() == null ? "no time column" : card.trainingDataEnd()
        });
    rows.add(
        new String[] {
          "fingerprint", card.fingerprint() + " (hash of its answers on fixed training rows)"
        });
    rows.add(new String[] {"format", card.formatVersion()});
    return keyValues("model card", rows);
  }

  /**
   * The headline and secondary metrics of the model beside the baseline's and the previous model's.
   */
  public static TableBlock metrics(
      EvaluationResult r, EvaluationResult baseline, EvaluationResult previous) {
    List<String> header = new ArrayList<>(List.of("metric", r.model(), "baseline"));
    if (previous != null) {
      header.add("previous " + previous.model());
    }
    List<List<String>> rows = new ArrayList<>();
    for (String name : metricNames(r)) {
      List<String> row = new ArrayList<>(List.of(name, metric(r, name), metric(baseline, name)));
      if (previous != null) {
        row.add(metric(previous, name));
      }
      rows.add(row);
    }
    return TableBlock.of("quality on " + r.table(), header, rows);
  }

  static List<String> metricNames(EvaluationResult r) {
    return r.task().equals("classification")
        ? List.of(
            "accuracy",
            "macro F1",
            "ROC AUC",
            "log loss",
            "prediction bias",
            "calibration error",
            "NaN/Inf predictions")
        : List.of(
            "RMSE", "MAE", "R²", "bias (mean prediction − mean label)", "NaN/Inf predictions");
  }

  static String metric(EvaluationResult r, String name) {
    if (name.equals("NaN/Inf predictions")) {
      return String.valueOf(r.nonFinitePredictions());
    }
    if (r.metrics() instanceof ClassificationMetrics c) {
      return switch (name) {
        case "accuracy" -> Format.cell(c.accuracy());
        case "macro F1" -> Format.cell(c.macroF1());
        case "ROC AUC" -> Format.cell(c.auc());
        case "log loss" -> Format.cell(c.logLoss());
        case "prediction bias" ->
            Format.cell(c.predictionBias())
                + (c.biasClass() == null ? "" : " (" + c.biasClass() + ")");
        default -> Format.cell(c.calibrationError());
      };
    }
    RegressionMetrics m = (RegressionMetrics) r.metrics();
    return switch (name) {
      case "RMSE" -> Format.cell(m.rmse());
      case "MAE" -> Format.cell(m.mae());
      case "R²" -> Format.cell(m.r2());
      default -> Format.cell(m.bias());
    };
  }

  public static TableBlock perClass(ClassificationMetrics r) {
    List<List<String>> rows = new ArrayList<>();
    for (ClassMetrics c : r.perClass()) {
      rows.add(
          List.of(
              c.name(),
              Format.cell(c.precision()),
              Format.cell(c.recall()),
              Format.cell(c.f1()),
              String.valueOf(c.support())));
    }
    return TableBlock.of("per class", List.of("class", "precision", "recall", "F1", "rows"), rows);
  }

  public static TableBlock confusion(ClassificationMetrics r) {
    List<String> header = new ArrayList<>(List.of("true \\ predicted"));
    header.addAll(r.classes());
    List<List<String>> rows = new ArrayList<>();
    for (int i = 0; i < r.confusion().length; i++) {
      if (i == r.classes().size() && r.unknownLabels() == 0) {
        continue;
      }
      List<String> row =
          new ArrayList<>(
              List.of(i < r.classes().size() ? r.classes().get(i) : "(class unseen in training)"));
      for (long v : r.confusion()[i]) {
        row.add(String.valueOf(v));
      }
      rows.add(row);
    }
    return TableBlock.of("confusion matrix", header, rows);
  }

  public static TableBlock calibration(ClassificationMetrics r) {
    List<List<String>> rows = new ArrayList<>();
    for (CalibrationBucket b : r.calibration()) {
      rows.add(
          List.of(
              "[" + Format.cell(b.low()) + ", " + Format.cell(b.high()) + ")",
              String.valueOf(b.rows()),
              Format.cell(b.meanPredicted()),
              Format.cell(b.observedRate()),
              Format.cell(b.meanPredicted() - b.observedRate())));
    }
    return TableBlock.of(
        "calibration of "
            + r.calibrationOf()
            + " (prediction bias "
            + Format.cell(r.predictionBias())
            + ", expected calibration error "
            + Format.cell(r.calibrationError())
            + ")",
        List.of("bucket", "rows", "mean predicted", "observed", "gap"),
        rows);
  }

  public static TableBlock slices(List<SliceMetricFact> slices) {
    List<List<String>> rows = new ArrayList<>();
    for (SliceMetricFact s : slices) {
      rows.add(
          List.of(
              s.slice(),
              String.valueOf(s.rows()),
              Format.cell(s.sliceValue()),
              Format.cell(s.overallValue()),
              Format.cell(s.gap())));
    }
    SliceMetricFact first = slices.get(0);
    return TableBlock.of(
        first.metric() + " per slice of " + first.column(),
        List.of("slice", "rows", first.metric(), "all rows", "worse by"),
        rows);
  }

  public static TableBlock importance(List<FeatureImportanceFact> importance) {
    List<List<String>> rows = new ArrayList<>();
    for (FeatureImportanceFact f : importance) {
      rows.add(
          List.of(
              f.feature(),
              Format.cell(f.importance()),
              Format.cell(f.spread()),
              Format.cellPercent(f.relativeImportance())));
    }
    FeatureImportanceFact first = importance.get(0);
    return TableBlock.of(
        "permutation importance ("
            + first.repeats()
            + " shuffles per input, seed "
            + first.seed()
            + ")",
        List.of("input", first.metric() + " lost", "spread", "relative"),
        rows);
  }

  /** Static against dynamic inference, one column per mode. */
  public static TableBlock serving(List<ServingFact> modes) {
    List<String> header = new ArrayList<>(List.of("measure"));
    modes.forEach(f -> header.add(f.mode()));
    List<String> measures =
        List.of(
            "requests",
            "answered (coverage)",
            "latency p50 ms",
            "latency p99 ms",
            "latency mean ms",
            "prediction age, mean hours",
            "prediction age, max hours",
            "cost: predictions computed",
            "keys cached",
            "quality on answered requests",
            "NaN/Inf outputs");
    List<List<String>> rows = new ArrayList<>();
    for (String m : measures) {
      List<String> row = new ArrayList<>(List.of(m));
      for (ServingFact f : modes) {
        row.add(
            switch (m) {
              case "requests" -> String.valueOf(f.requests());
              case "answered (coverage)" ->
                  f.answered() + " (" + Format.cellPercent(f.coverage()) + ")";
              case "latency p50 ms" -> Format.cell(f.p50Ms());
              case "latency p99 ms" -> Format.cell(f.p99Ms());
              case "latency mean ms" -> Format.cell(f.meanMs());
              case "prediction age, mean hours" -> Format.cell(f.meanAgeHours());
              case "prediction age, max hours" -> Format.cell(f.maxAgeHours());
              case "cost: predictions computed" -> String.valueOf(f.predictionsComputed());
              case "keys cached" -> f.mode().equals("static") ? String.valueOf(f.cachedKeys()) : "";
              case "quality on answered requests" ->
                  Double.isNaN(f.quality())
                      ? "no labels"
                      : f.metric() + " " + Format.cell(f.quality());
              default -> String.valueOf(f.nonFiniteOutputs());
            });
      }
      rows.add(row);
    }
    return TableBlock.of("static vs dynamic inference on the same requests", header, rows);
  }

  /** Coverage per band of key frequency, one column per mode. */
  public static TableBlock coverage(List<KeyBandCoverage> bands, List<String> keys) {
    List<String> modes =
        bands.isEmpty() ? List.of() : List.copyOf(bands.get(0).answered().keySet());
    List<String> header = new ArrayList<>(List.of("key seen in training", "requests"));
    modes.forEach(m -> header.add(m + " answered"));
    List<List<String>> rows = new ArrayList<>();
    for (KeyBandCoverage b : bands) {
      List<String> row = new ArrayList<>(List.of(b.band(), String.valueOf(b.requests())));
      modes.forEach(m -> row.add(Format.cellPercent(b.coverage(m))));
      rows.add(row);
    }
    return TableBlock.of(
        "coverage by key frequency (key: " + String.join(", ", keys) + ")", header, rows);
  }

  public static TableBlock skew(List<FeatureSkewFact> skew) {
    List<List<String>> rows = new ArrayList<>();
    for (FeatureSkewFact s : skew) {
      rows.add(
          List.of(
              s.feature(),
              String.valueOf(s.rows()),
              s.mismatchedRows() + " (" + Format.cellPercent(s.mismatchShare()) + ")",
              Format.cell(s.maxAbsDifference()),
              Format.cell(s.meanAbsDifference())));
    }
    return TableBlock.of(
        "training–serving feature skew: the same rows encoded by the training path and the "
            + (skew.isEmpty() ? "" : skew.get(0).servingPath())
            + " serving path",
        List.of(
            "input", "rows compared", "rows that differ", "largest difference", "mean difference"),
        rows);
  }

  public static TableBlock windows(List<MonitoringWindowFact> windows) {
    List<List<String>> rows = new ArrayList<>();
    for (MonitoringWindowFact f : windows) {
      rows.add(
          List.of(
              f.window(),
              String.valueOf(f.rows()),
              Format.cell(f.volumeRatio()),
              Format.cell(f.modelAgeDays()),
              f.maxJsColumn() == null
                  ? ""
                  : f.maxJsColumn() + " " + Format.cell(f.maxJsDivergence()),
              Format.cell(f.meanPrediction())
                  + " (train "
                  + Format.cell(f.trainingMeanPrediction())
                  + ")",
              f.inputNonFinite() + " / " + f.outputNonFinite(),
              String.valueOf(f.labeledRows()),
              Format.cell(f.liveValue()),
              Format.cell(f.offlineValue())));
    }
    String metric = windows.isEmpty() ? "metric" : windows.get(0).metric();
    return TableBlock.of(
        "monitoring windows",
        List.of(
            "window",
            "rows",
            "volume vs mean",
            "model age (days)",
            "most drifted input (JS)",
            "mean prediction",
            "NaN/Inf in / out",
            "labelled",
            "live " + metric,
            "offline " + metric),
        rows);
  }

  /**
   * The static table's answers, checked before it is served: what static inference allows and
   * dynamic inference cannot, since a dynamic answer exists only once it is served.
   */
  public static TableBlock precomputed(org.prodml.serve.PrecomputedCheck c) {
    List<List<String>> rows = new ArrayList<>();
    rows.add(List.of("answers precomputed", String.valueOf(c.answers())));
    rows.add(List.of("NaN or infinite", String.valueOf(c.nonFinite())));
    rows.add(
        List.of(
            Double.isNaN(c.labelMin())
                ? "probabilities outside [0, 1] or not summing to 1"
                : "outside the training labels ("
                    + Format.cell(c.labelMin())
                    + " to "
                    + Format.cell(c.labelMax())
                    + ")",
            String.valueOf(c.impossible())));
    rows.add(
        List.of(
            Double.isNaN(c.labelMin()) ? "mean top probability" : "mean answer",
            Format.cell(c.meanPrediction())));
    return TableBlock.of(
        "the precomputed table, checked before it is served", List.of("check", "value"), rows);
  }

  /** The deployment tests and the quality gate, each with its outcome. */
  public static TableBlock deployment(List<DeploymentCheckFact> checks) {
    return deployment("deployment tests", checks);
  }

  public static TableBlock deployment(String title, List<DeploymentCheckFact> checks) {
    List<List<String>> rows = new ArrayList<>();
    for (DeploymentCheckFact f : checks) {
      // A quality gate compares one number with a reference; whether the difference fails the gate
      // is its rule's threshold, so the table says how far off the model is, not "0 failed".
      boolean gate = f.check().startsWith("quality-");
      String outcome;
      String items;
      if (!f.executed()) {
        outcome = "not run";
        items = "";
      } else if (gate) {
        outcome =
            f.worsening() > 0
                ? "worse by " + Format.cell(f.worsening()) + ": see findings"
                : "not worse";
        items =
            f.metric() + " " + Format.cell(f.observed()) + " against " + Format.cell(f.reference());
      } else {
        outcome = f.failures() == 0 ? "pass" : "see findings";
        items = f.checked() + " checked, " + f.failures() + " failed";
      }
      rows.add(List.of(f.check(), outcome, items, f.detail()));
    }
    return TableBlock.of(title, List.of("test", "outcome", "items", "what was found"), rows);
  }

  /** Static and dynamic training, period by period. */
  public static TableBlock trainingPeriods(TrainingSimulation r) {
    List<List<String>> rows = new ArrayList<>();
    for (PeriodResult p : r.periods()) {
      rows.add(
          List.of(
              p.start() + " … " + p.end(),
              String.valueOf(p.rows()),
              Format.cell(p.staticValue()),
              Format.cell(p.dynamicValue()),
              Format.cell(p.staticAgeDays()),
              Format.cell(p.dynamicAgeDays()),
              p.retrained() ? "yes (" + p.dynamicTrainingRows() + " rows)" : ""));
    }
    return TableBlock.of(
        "quality per period",
        List.of(
            "period",
            "rows",
            "static " + r.metric(),
            "dynamic " + r.metric(),
            "static model age (days)",
            "dynamic model age (days)",
            "dynamic retrained"),
        rows);
  }

  /** The training simulation in a few numbers. */
  public static TableBlock trainingSummary(ParadigmComparisonFact f) {
    return keyValues(
        "summary",
        List.of(
            new String[] {"periods", String.valueOf(f.periods())},
            new String[] {
              "static mean / worst",
              Format.cell(f.staticMean()) + " / " + Format.cell(f.staticWorst())
            },
            new String[] {
              "dynamic mean / worst",
              Format.cell(f.dynamicMean()) + " / " + Format.cell(f.dynamicWorst())
            },
            new String[] {"periods static behind", String.valueOf(f.periodsStaticBehind())},
            new String[] {"largest gap", Format.cell(f.largestGap())},
            new String[] {
              "measured staleness (days)",
              Double.isNaN(f.stalenessDays()) ? "never fell behind" : Format.cell(f.stalenessDays())
            },
            new String[] {"trainings static / dynamic", f.staticRuns() + " / " + f.dynamicRuns()},
            new String[] {
              "training time static / dynamic",
              Format.cell(f.staticCostMs()) + " ms / " + Format.cell(f.dynamicCostMs()) + " ms"
            }));
  }

  /** Requests per week and the share each mode answered. */
  public static TableBlock inferenceWeeks(List<InferenceSimulation.WeekCoverage> weeks) {
    List<List<String>> rows = new ArrayList<>();
    for (InferenceSimulation.WeekCoverage w : weeks) {
      rows.add(
          List.of(
              w.week(),
              String.valueOf(w.requests()),
              Format.cellPercent(w.staticCoverage()),
              Format.cellPercent(w.dynamicCoverage())));
    }
    return TableBlock.of(
        "coverage per week", List.of("week from", "requests", "static", "dynamic"), rows);
  }
}
