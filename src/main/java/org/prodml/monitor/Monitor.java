package org.prodml.monitor;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.prodml.evaluate.Evaluator;
import org.prodml.evaluate.Metrics;
import org.prodml.facts.ColumnComparisonFact;
import org.prodml.facts.MonitoringWindowFact;
import org.prodml.profile.DatasetProfile;
import org.prodml.profile.ProfileComparison;
import org.prodml.profile.ProfileOptions;
import org.prodml.profile.TableProfiler;
import org.prodml.train.Predictions;
import org.prodml.train.Task;
import org.prodml.train.TrainedModel;
import org.prodml.transform.Frame;
import org.prodml.work.Work;
import tech.tablesaw.api.Table;

/**
 * Replays served data through a model window by window, in time order, the way monitoring sees
 * production: each window's inputs are profiled and compared with the training profile (drift), its
 * volume, its predictions and their NaN/Inf count, the model's age, and, where labels have arrived,
 * the live quality next to the offline one.
 */
public final class Monitor {
  private Monitor() {}

  /** What the replay needs besides the data. */
  public record Setup(
      TrainedModel model,
      DatasetProfile trainingProfile,
      double trainingMeanPrediction,
      String mostFrequentClass,
      double offlineValue,
      WindowSpec window) {}

  /**
   * The mean-prediction measure of the model on training rows, and the class it counts
   * (multiclass).
   */
  public static Map.Entry<String, Double> trainingMeanPrediction(
      TrainedModel model, Table training) {
    Predictions p = model.predict(training);
    if (model.task() == Task.REGRESSION) {
      return Map.entry("", Metrics.mean(p.values()));
    }
    if (model.classes().size() == 2) {
      return Map.entry(model.classes().get(1), Metrics.mean(p.positive()));
    }
    long[] counts = new long[model.classes().size()];
    for (int c : p.predicted()) {
      if (c >= 0) {
        counts[c]++;
      }
    }
    int best = 0;
    for (int c = 1; c < counts.length; c++) {
      if (counts[c] > counts[best]) {
        best = c;
      }
    }
    return Map.entry(model.classes().get(best), (double) counts[best] / Math.max(1, p.rows()));
  }

  public static List<WindowResult> replay(
      Setup setup, Table serving, String timeColumn, Work work) {
    if (timeColumn == null || !serving.columnNames().contains(timeColumn)) {
      throw new IllegalArgumentException(
          "monitoring replays data in time windows; the data needs a time column");
    }
    TrainedModel model = setup.model();
    double[] seconds = Frame.of(serving, List.of(timeColumn)).numbers(timeColumn);
    LocalDate first = null;
    for (double s : seconds) {
      if (!Double.isNaN(s)) {
        LocalDate d = LocalDate.ofEpochDay(Math.floorDiv((long) s, 86_400L));
        first = first == null || d.isBefore(first) ? d : first;
      }
    }
    if (first == null) {
      throw new IllegalArgumentException("time column " + timeColumn + " has no values");
    }
    TreeMap<LocalDate, List<Integer>> windows = new TreeMap<>();
    for (int r = 0; r < seconds.length; r++) {
      if (!Double.isNaN(seconds[r])) {
        LocalDate d = LocalDate.ofEpochDay(Math.floorDiv((long) seconds[r], 86_400L));
        windows.computeIfAbsent(setup.window().start(first, d), k -> new ArrayList<>()).add(r);
      }
    }
    double meanRows = windows.values().stream().mapToInt(List::size).average().orElse(0);
    List<String> inputs = model.transforms().inputColumns();
    ProfileOptions options =
        ProfileOptions.defaults()
            .withTime(timeColumn)
            .withLabel(
                serving.columnNames().contains(model.label().column())
                    ? model.label().column()
                    : null);
    List<WindowResult> results = new ArrayList<>();
    int done = 0;
    for (Map.Entry<LocalDate, List<Integer>> w : windows.entrySet()) {
      work.checkCancelled();
      LocalDate start = w.getKey();
      LocalDate end = setup.window().end(start);
      String label = setup.window().label(start);
      Table rows = serving.rows(w.getValue().stream().mapToInt(Integer::intValue).toArray());
      rows.setName(serving.name() + " " + label);
      Frame raw = Frame.of(rows, inputs);
      long inputNonFinite = 0;
      for (String c : inputs) {
        if (!raw.isText(c)) {
          for (double v : raw.numbers(c)) {
            inputNonFinite += Double.isInfinite(v) ? 1 : 0;
          }
        }
      }
      Predictions p = model.predict(raw);
      Map<String, Double> shares = new LinkedHashMap<>();
      double meanPrediction;
      if (model.task() == Task.REGRESSION) {
        meanPrediction = Metrics.mean(p.values());
        shares.put("mean", meanPrediction);
      } else {
        long[] counts = new long[model.classes().size()];
        for (int c : p.predicted()) {
          if (c >= 0) {
            counts[c]++;
          }
        }
        for (int c = 0; c < counts.length; c++) {
          shares.put(model.classes().get(c), (double) counts[c] / Math.max(1, rows.rowCount()));
        }
        meanPrediction =
            model.classes().size() == 2
                ? Metrics.mean(p.positive())
                : shares.getOrDefault(setup.mostFrequentClass(), 0.0);
      }
      long labelled = 0;
      double live = Double.NaN;
      if (rows.columnNames().contains(model.label().column())) {
        labelled = rows.rowCount() - rows.column(model.label().column()).countMissing();
        if (labelled > 0) {
          live = Evaluator.headline(model, p, rows, null);
        }
      }
      boolean higher = Evaluator.higherIsBetter(model.task());
      double worsening =
          Double.isNaN(live) || Double.isNaN(setup.offlineValue())
              ? Double.NaN
              : higher ? setup.offlineValue() - live : live - setup.offlineValue();
      DatasetProfile profile = TableProfiler.profile(rows, options);
      ProfileComparison.Result comparison =
          ProfileComparison.compare(
              setup.trainingProfile(), "train", profile, "window " + label, "window");
      double maxJs = Double.NaN;
      String maxJsColumn = null;
      for (ColumnComparisonFact c : comparison.columns()) {
        if (inputs.contains(c.column())
            && !c.column().equals(timeColumn)
            && Double.isFinite(c.jsDivergence())
            && (Double.isNaN(maxJs) || c.jsDivergence() > maxJs)) {
          maxJs = c.jsDivergence();
          maxJsColumn = c.column();
        }
      }
      // Whole days from the last training day to the last day of the window.
      double age =
          Double.isNaN(model.trainingDataEndSeconds())
              ? Double.NaN
              : end.toEpochDay() - Math.floorDiv((long) model.trainingDataEndSeconds(), 86_400L);
      MonitoringWindowFact fact =
          new MonitoringWindowFact(
              model.id(),
              label,
              start.toString(),
              end.toString(),
              rows.rowCount(),
              meanRows == 0 ? Double.NaN : rows.rowCount() / meanRows,
              age,
              inputNonFinite,
              p.nonFinite(),
              meanPrediction,
              setup.trainingMeanPrediction(),
              labelled,
              Evaluator.headlineMetric(model.task()),
              live,
              setup.offlineValue(),
              worsening,
              maxJs,
              maxJsColumn);
      results.add(new WindowResult(fact, comparison, shares));
      work.report(++done / (double) windows.size());
    }
    return results;
  }
}
