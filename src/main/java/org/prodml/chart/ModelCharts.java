package org.prodml.chart;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.prodml.evaluate.CalibrationBucket;
import org.prodml.evaluate.ClassificationMetrics;
import org.prodml.evaluate.EvaluationResult;
import org.prodml.evaluate.ModelEvaluation;
import org.prodml.evaluate.RegressionMetrics;
import org.prodml.facts.FeatureImportanceFact;
import org.prodml.facts.MonitoringWindowFact;
import org.prodml.facts.SliceMetricFact;
import org.prodml.monitor.MonitoringReport;
import org.prodml.serve.KeyBandCoverage;
import org.prodml.serve.LatencyDistribution;
import org.prodml.simulate.InferenceSimulation;
import org.prodml.simulate.PeriodResult;
import org.prodml.simulate.TrainingSimulation;

/**
 * The charts of what a model's stages measured (inline SVG through {@link Charts}), shared by a
 * note's paragraphs and the reports: calibration, slices, importance, the baseline comparison,
 * latency and coverage of the inference modes, monitoring over time, and the simulations.
 */
public final class ModelCharts {
  private ModelCharts() {}

  /** Epoch milliseconds of an ISO date, for a time axis. */
  static double day(String isoDate) {
    return LocalDate.parse(isoDate).atStartOfDay().toInstant(ZoneOffset.UTC).toEpochMilli();
  }

  /**
   * The calibration curve of a classifier's probabilities; null when it has no probability buckets.
   */
  public static String calibration(EvaluationResult r) {
    ClassificationMetrics c = r.classification();
    if (c == null || c.calibration().isEmpty()) {
      return null;
    }
    List<double[]> curve = new ArrayList<>();
    for (CalibrationBucket b : c.calibration()) {
      curve.add(new double[] {b.meanPredicted(), b.observedRate()});
    }
    return Charts.calibrationCurve("calibration: " + c.calibrationOf(), r.model(), curve);
  }

  public static String slices(List<SliceMetricFact> slices) {
    Map<String, Map<String, Double>> bars = new LinkedHashMap<>();
    for (SliceMetricFact s : slices) {
      Map<String, Double> v = new LinkedHashMap<>();
      v.put("slice", s.sliceValue());
      v.put("all rows", s.overallValue());
      bars.put(s.slice(), v);
    }
    SliceMetricFact first = slices.get(0);
    return Charts.groupedBars(first.metric() + " by " + first.column(), first.metric(), bars);
  }

  public static String importance(List<FeatureImportanceFact> importance) {
    Map<String, Double> bars = new LinkedHashMap<>();
    importance.stream()
        .sorted((a, b) -> Double.compare(b.importance(), a.importance()))
        .forEach(f -> bars.put(f.feature(), f.importance()));
    String metric = importance.get(0).metric();
    return Charts.horizontalBars(
        "permutation importance: " + metric + " lost when shuffled", metric + " lost", bars);
  }

  /**
   * The model's measures beside the baseline's (and the previous model's): accuracy, macro F1 and
   * ROC AUC for classes (higher is better), RMSE and MAE for numbers (lower is better).
   */
  public static String againstBaseline(ModelEvaluation e) {
    boolean classification = e.model().task().equals("classification");
    List<String> names =
        classification ? List.of("accuracy", "macro F1", "ROC AUC") : List.of("RMSE", "MAE");
    Map<String, Map<String, Double>> bars = new LinkedHashMap<>();
    for (String name : names) {
      Map<String, Double> v = new LinkedHashMap<>();
      v.put(e.model().model(), value(e.model(), name));
      v.put("baseline", value(e.baseline(), name));
      if (e.previous() != null) {
        v.put("previous " + e.previous().model(), value(e.previous(), name));
      }
      bars.put(name, v);
    }
    return Charts.groupedBars(
        classification
            ? "against the majority baseline (higher is better)"
            : "against the mean baseline (lower is better)",
        classification ? "score" : "error",
        bars);
  }

  private static double value(EvaluationResult r, String name) {
    double v;
    if (r.metrics() instanceof ClassificationMetrics c) {
      v =
          switch (name) {
            case "accuracy" -> c.accuracy();
            case "macro F1" -> c.macroF1();
            default -> c.auc();
          };
    } else {
      RegressionMetrics m = (RegressionMetrics) r.metrics();
      v = name.equals("RMSE") ? m.rmse() : m.mae();
    }
    return Double.isNaN(v) ? 0 : v;
  }

  public static String latency(LatencyDistribution latency) {
    Map<String, Map<String, Double>> bars = new LinkedHashMap<>();
    for (int b = 0; b < latency.bands().size(); b++) {
      Map<String, Double> v = new LinkedHashMap<>();
      for (Map.Entry<String, List<Double>> e : latency.shares().entrySet()) {
        v.put(e.getKey(), e.getValue().get(b));
      }
      bars.put(latency.bands().get(b), v);
    }
    return Charts.groupedBars("latency per request", "share of requests", bars);
  }

  public static String coverage(List<KeyBandCoverage> bands) {
    Map<String, Map<String, Double>> bars = new LinkedHashMap<>();
    for (KeyBandCoverage b : bands) {
      Map<String, Double> v = new LinkedHashMap<>();
      b.answered().keySet().forEach(mode -> v.put(mode, b.requests() == 0 ? 0 : b.coverage(mode)));
      bars.put(b.band(), v);
    }
    return Charts.groupedBars(
        "coverage by how often the key was seen in training", "share answered", bars);
  }

  /**
   * Live quality against offline, drift against training, and predictions, each over the windows.
   */
  public static List<String> monitoring(MonitoringReport report) {
    Map<String, List<double[]>> quality = new LinkedHashMap<>();
    Map<String, List<double[]>> predictions = new LinkedHashMap<>();
    List<double[]> live = new ArrayList<>();
    List<double[]> offline = new ArrayList<>();
    List<double[]> js = new ArrayList<>();
    for (MonitoringWindowFact f : report.windows()) {
      double x = day(f.start());
      if (!Double.isNaN(f.liveValue())) {
        live.add(new double[] {x, f.liveValue()});
      }
      if (!Double.isNaN(f.offlineValue())) {
        offline.add(new double[] {x, f.offlineValue()});
      }
      if (!Double.isNaN(f.maxJsDivergence())) {
        js.add(new double[] {x, f.maxJsDivergence()});
      }
      for (var e : report.predictionShares().getOrDefault(f.window(), Map.of()).entrySet()) {
        predictions
            .computeIfAbsent(e.getKey(), k -> new ArrayList<>())
            .add(new double[] {x, e.getValue()});
      }
    }
    List<String> charts = new ArrayList<>();
    if (!live.isEmpty()) {
      quality.put("live", live);
      if (!offline.isEmpty()) {
        quality.put("offline (evaluation)", offline);
      }
      String metric = report.windows().get(0).metric();
      charts.add(Charts.lines("live " + metric + " per window", null, metric, quality, true));
    }
    if (!js.isEmpty()) {
      charts.add(
          Charts.lines(
              "drift against training",
              null,
              "JS divergence",
              Map.of("largest JS divergence of an input", js),
              true));
    }
    if (!predictions.isEmpty()) {
      boolean regression = report.task().equals("regression");
      charts.add(
          Charts.lines(
              regression ? "mean prediction per window" : "predicted class shares per window",
              null,
              regression ? "mean prediction" : "share of predictions",
              predictions,
              true));
    }
    return charts;
  }

  /** Quality per period of the model trained once against the one retrained on schedule. */
  public static String training(TrainingSimulation r) {
    List<double[]> stat = new ArrayList<>();
    List<double[]> dyn = new ArrayList<>();
    for (PeriodResult p : r.periods()) {
      double x = day(p.start());
      if (!Double.isNaN(p.staticValue())) {
        stat.add(new double[] {x, p.staticValue()});
      }
      if (!Double.isNaN(p.dynamicValue())) {
        dyn.add(new double[] {x, p.dynamicValue()});
      }
    }
    Map<String, List<double[]>> series = new LinkedHashMap<>();
    series.put("static (trained once)", stat);
    series.put("dynamic (retrained every " + r.spec().retrainEveryDays() + " days)", dyn);
    return Charts.lines(
        r.metric() + " per period: static vs dynamic training", null, r.metric(), series, true);
  }

  /** Coverage per week of both inference modes. */
  public static String inferenceWeeks(List<InferenceSimulation.WeekCoverage> weeks) {
    List<double[]> stat = new ArrayList<>();
    List<double[]> dyn = new ArrayList<>();
    for (InferenceSimulation.WeekCoverage w : weeks) {
      double x = day(w.week());
      stat.add(new double[] {x, w.staticCoverage()});
      dyn.add(new double[] {x, w.dynamicCoverage()});
    }
    Map<String, List<double[]>> series = new LinkedHashMap<>();
    series.put("static", stat);
    series.put("dynamic", dyn);
    return Charts.lines("coverage per week", null, "share answered", series, true);
  }
}
