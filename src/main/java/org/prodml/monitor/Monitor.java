package org.prodml.monitor;

import java.time.LocalDate;
import java.time.Month;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.prodml.evaluate.Evaluator;
import org.prodml.evaluate.Metrics;
import org.prodml.facts.ColumnComparisonFact;
import org.prodml.facts.MonitoringWindowFact;
import org.prodml.profile.DatasetProfile;
import org.prodml.profile.ProfileComparison;
import org.prodml.profile.ProfileOptions;
import org.prodml.profile.TableProfiler;
import org.prodml.stats.Significance;
import org.prodml.train.Predictions;
import org.prodml.train.Task;
import org.prodml.train.TrainedModel;
import org.prodml.transform.Frame;
import org.prodml.work.Work;
import tech.tablesaw.api.ColumnType;
import tech.tablesaw.api.Table;

/**
 * Replays served data through a model window by window, in time order, the way monitoring sees
 * production: each window's inputs are profiled and compared with the training data (drift), its
 * volume, its predictions against training's and against the labels that arrived, NaN/Inf counts,
 * the model's age, and, where labels have arrived, the live quality next to the offline one.
 *
 * <p>Two things keep a window from crying wolf. When the training data spans a whole year, a window
 * is compared with the same months of training ({@link Seasons}), so a July is not called drift for
 * being unlike January; the expected volume follows the same season. And every measure comes with
 * the p-value of "nothing changed" given the window's size, so the rules can leave alone a change
 * that thirty rows cannot tell from noise.
 */
public final class Monitor {
  private Monitor() {}

  /**
   * What the replay needs besides the data.
   *
   * @param training the rows the model was trained on (its seasons are the windows' reference)
   * @param trainingProfile their profile, the reference when the training data is not a whole year
   * @param offlineValue the model's offline metric (NaN when not evaluated)
   */
  public record Setup(
      TrainedModel model,
      Table training,
      DatasetProfile trainingProfile,
      double offlineValue,
      WindowSpec window) {}

  static LocalDate day(double seconds) {
    return LocalDate.ofEpochDay(Math.floorDiv((long) seconds, 86_400L));
  }

  /** One window's rows and what was measured on them before the volume of all windows is known. */
  private record Measured(
      LocalDate start,
      LocalDate end,
      String label,
      int rows,
      double coveredDays,
      double seasonIndex,
      String reference,
      long inputNonFinite,
      Predictions predictions,
      Shift drift,
      Shift bias,
      long labelled,
      double live,
      double livePValue,
      ProfileComparison.Result comparison,
      Map<String, Double> shares) {}

  /**
   * A mean prediction against another mean, for the class where they differ most (classification)
   * or for the value (regression), with the p-value of the difference.
   */
  private record Shift(String of, double mean, double against, double pValue) {
    static final Shift NONE = new Shift("", Double.NaN, Double.NaN, Double.NaN);
  }

  public static List<WindowResult> replay(
      Setup setup, Table serving, String timeColumn, Work work) {
    if (timeColumn == null || !serving.columnNames().contains(timeColumn)) {
      throw new IllegalArgumentException(
          "monitoring replays data in time windows; the data needs a time column");
    }
    TrainedModel model = setup.model();
    double[] seconds = Frame.of(serving, List.of(timeColumn)).numbers(timeColumn);
    double firstSecond = Double.NaN;
    double lastSecond = Double.NaN;
    for (double s : seconds) {
      if (!Double.isNaN(s)) {
        firstSecond = Double.isNaN(firstSecond) ? s : Math.min(firstSecond, s);
        lastSecond = Double.isNaN(lastSecond) ? s : Math.max(lastSecond, s);
      }
    }
    if (Double.isNaN(firstSecond)) {
      throw new IllegalArgumentException("time column " + timeColumn + " has no values");
    }
    // A date stands for its whole day; a date-time for its instant.
    boolean daysOnly = serving.column(timeColumn).type() == ColumnType.LOCAL_DATE;
    double dataEnd = daysOnly ? lastSecond + 86_400 : lastSecond;
    LocalDate first = day(firstSecond);
    TreeMap<LocalDate, List<Integer>> windows = new TreeMap<>();
    for (int r = 0; r < seconds.length; r++) {
      if (!Double.isNaN(seconds[r])) {
        windows
            .computeIfAbsent(setup.window().start(first, day(seconds[r])), k -> new ArrayList<>())
            .add(r);
      }
    }
    Table training = setup.training();
    Seasons seasons =
        training.columnNames().contains(timeColumn)
            ? Seasons.of(Frame.of(training, List.of(timeColumn)).numbers(timeColumn))
            : Seasons.of(new double[0]);
    Predictions trainingPredictions = model.predict(training);
    List<String> inputs = model.transforms().inputColumns();
    ProfileOptions options =
        ProfileOptions.defaults()
            .withTime(timeColumn)
            .withLabel(
                serving.columnNames().contains(model.label().column())
                    ? model.label().column()
                    : null);
    Map<Set<Month>, DatasetProfile> seasonProfiles = new HashMap<>();
    List<Measured> measured = new ArrayList<>();
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
      double windowStart = start.toEpochDay() * 86_400.0;
      double windowEnd = end.plusDays(1).toEpochDay() * 86_400.0;
      double covered =
          Math.max(
              1.0 / 1440,
              (Math.min(windowEnd, dataEnd) - Math.max(windowStart, firstSecond)) / 86_400);
      Set<Month> months =
          Seasons.months(
              day(Math.max(windowStart, firstSecond)), day(Math.min(windowEnd, dataEnd) - 1));
      int[] seasonRows = seasons.rows(months);
      boolean seasonal = seasons.fullCycle() && seasonRows.length >= 2;
      String reference = seasonal ? seasons.reference(months) : "train";
      DatasetProfile referenceProfile =
          seasonal
              ? seasonProfiles.computeIfAbsent(
                  months,
                  m ->
                      TableProfiler.profile(
                          training.rows(seasonRows),
                          ProfileOptions.defaults()
                              .withTime(timeColumn)
                              .withLabel(
                                  training.columnNames().contains(model.label().column())
                                      ? model.label().column()
                                      : null)))
              : setup.trainingProfile();
      int[] referenceRows = seasonal ? seasonRows : allRows(training.rowCount());
      Shift drift = drift(model, p, trainingPredictions, referenceRows);
      long labelled = 0;
      double live = Double.NaN;
      double livePValue = Double.NaN;
      Shift bias = Shift.NONE;
      if (rows.columnNames().contains(model.label().column())) {
        labelled = rows.rowCount() - rows.column(model.label().column()).countMissing();
        if (labelled > 0) {
          live = Evaluator.headline(model, p, rows, null);
          livePValue = livePValue(model, p, rows, setup.offlineValue());
          bias = bias(model, p, rows);
        }
      }
      DatasetProfile profile = TableProfiler.profile(rows, options);
      ProfileComparison.Result comparison =
          ProfileComparison.compare(
              referenceProfile, reference, profile, "window " + label, "window");
      measured.add(
          new Measured(
              start,
              end,
              label,
              rows.rowCount(),
              covered,
              seasons.index(months),
              reference,
              inputNonFinite,
              p,
              drift,
              bias,
              labelled,
              live,
              livePValue,
              comparison,
              shares(model, p, rows.rowCount())));
      work.report(++done / (double) windows.size());
    }
    // The volume a window should hold: the replay's rows per day, scaled by the season and by how
    // much of the window the data covers (a last window cut short by the end of the data is not a
    // drop in volume).
    double rowsTotal = 0;
    double weightedDays = 0;
    for (Measured m : measured) {
      rowsTotal += m.rows();
      weightedDays += m.coveredDays() * m.seasonIndex();
    }
    double perDay = weightedDays == 0 ? Double.NaN : rowsTotal / weightedDays;
    boolean higher = Evaluator.higherIsBetter(model.task());
    List<WindowResult> results = new ArrayList<>();
    for (Measured m : measured) {
      double expected = perDay * m.coveredDays() * m.seasonIndex();
      double worsening =
          Double.isNaN(m.live()) || Double.isNaN(setup.offlineValue())
              ? Double.NaN
              : higher ? setup.offlineValue() - m.live() : m.live() - setup.offlineValue();
      double maxJs = Double.NaN;
      String maxJsColumn = null;
      for (ColumnComparisonFact c : m.comparison().columns()) {
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
              : m.end().toEpochDay()
                  - Math.floorDiv((long) model.trainingDataEndSeconds(), 86_400L);
      MonitoringWindowFact fact =
          new MonitoringWindowFact(
              model.id(),
              m.label(),
              m.start().toString(),
              m.end().toString(),
              m.rows(),
              expected,
              expected > 0 ? m.rows() / expected : Double.NaN,
              expected > 0 ? Significance.poissonTwoSided(m.rows(), expected) : Double.NaN,
              age,
              m.inputNonFinite(),
              m.predictions().nonFinite(),
              m.reference(),
              m.drift().of(),
              m.drift().mean(),
              m.drift().against(),
              m.drift().pValue(),
              m.bias().of(),
              m.bias().mean(),
              m.bias().against(),
              m.bias().pValue(),
              m.labelled(),
              Evaluator.headlineMetric(model.task()),
              m.live(),
              setup.offlineValue(),
              worsening,
              m.livePValue(),
              maxJs,
              maxJsColumn);
      results.add(new WindowResult(fact, m.comparison(), m.shares()));
    }
    return results;
  }

  private static int[] allRows(int n) {
    int[] rows = new int[n];
    for (int i = 0; i < n; i++) {
      rows[i] = i;
    }
    return rows;
  }

  /** The share of each predicted class (for regression, the mean prediction under "mean"). */
  private static Map<String, Double> shares(TrainedModel model, Predictions p, int rows) {
    Map<String, Double> shares = new LinkedHashMap<>();
    if (model.task() == Task.REGRESSION) {
      shares.put("mean", Metrics.mean(p.values()));
      return shares;
    }
    long[] counts = new long[model.classes().size()];
    for (int c : p.predicted()) {
      if (c >= 0) {
        counts[c]++;
      }
    }
    for (int c = 0; c < counts.length; c++) {
      shares.put(model.classes().get(c), (double) counts[c] / Math.max(1, rows));
    }
    return shares;
  }

  /**
   * Prediction drift: the window's predictions against the reference rows' — for classes, the share
   * of rows predicted as each class (the class whose share moved most, with the p-value of a
   * two-proportion test, Bonferroni over the classes); for numbers, the mean prediction (a
   * two-sample z test).
   */
  private static Shift drift(
      TrainedModel model, Predictions window, Predictions training, int[] referenceRows) {
    if (model.task() == Task.REGRESSION) {
      Moments w = Moments.of(window.values(), null);
      Moments t = Moments.of(training.values(), referenceRows);
      return new Shift("", w.mean(), t.mean(), w.differencePValue(t, 1));
    }
    int k = model.classes().size();
    long[] inWindow = new long[k];
    long windowRows = 0;
    for (int c : window.predicted()) {
      if (c >= 0) {
        inWindow[c]++;
        windowRows++;
      }
    }
    long[] inReference = new long[k];
    long referenceCount = 0;
    for (int r : referenceRows) {
      int c = training.predicted()[r];
      if (c >= 0) {
        inReference[c]++;
        referenceCount++;
      }
    }
    if (windowRows == 0 || referenceCount == 0) {
      return Shift.NONE;
    }
    Shift best = Shift.NONE;
    for (int c = 0; c < k; c++) {
      double w = (double) inWindow[c] / windowRows;
      double t = (double) inReference[c] / referenceCount;
      if (Double.isNaN(best.mean()) || Math.abs(w - t) > Math.abs(best.mean() - best.against())) {
        best =
            new Shift(
                model.classes().get(c),
                w,
                t,
                Significance.shareChangePValue(
                    inReference[c], referenceCount, inWindow[c], windowRows, k));
      }
    }
    return best;
  }

  /**
   * Prediction bias: the window's predictions against the labels of the same rows — for classes,
   * the mean predicted probability of each class against the share labelled so (the class where
   * they differ most; a z test of the count of the class against the predicted probabilities' sum,
   * Bonferroni over the classes), as PL-031 measures it offline: a weak model that predicts the
   * majority class on most rows is not biased if its probabilities average out to the label mix;
   * for numbers, the mean prediction against the mean label (a z test of the mean error).
   */
  private static Shift bias(TrainedModel model, Predictions p, Table rows) {
    if (model.task() == Task.REGRESSION) {
      double[] y = model.label().values(rows);
      double[] errors = new double[y.length];
      double predicted = 0;
      double observed = 0;
      int n = 0;
      for (int i = 0; i < y.length; i++) {
        if (Double.isFinite(y[i]) && Double.isFinite(p.values()[i])) {
          errors[n++] = p.values()[i] - y[i];
          predicted += p.values()[i];
          observed += y[i];
        }
      }
      if (n < 2) {
        return Shift.NONE;
      }
      Moments e = Moments.of(java.util.Arrays.copyOf(errors, n), null);
      double se = Math.sqrt(e.variance() / n);
      double pValue =
          se == 0
              ? (e.mean() == 0 ? 1 : 0)
              : Math.min(1, 2 * Significance.normalUpperTail(Math.abs(e.mean()) / se));
      return new Shift("", predicted / n, observed / n, pValue);
    }
    List<String> classes = model.classes();
    int k = classes.size();
    int[] y = model.label().classIndex(rows, classes);
    double[][] q = p.probabilities();
    Shift best = Shift.NONE;
    for (int c = 0; c < k; c++) {
      // If the model were right on average, each row's label would be a coin with the predicted
      // probability: the count of the class has mean Σq and variance Σq(1 − q). The rows' own
      // spread would understate it for a rare class (few labels, nearly all zero).
      double predicted = 0;
      double observed = 0;
      double variance = 0;
      int n = 0;
      for (int i = 0; i < y.length; i++) {
        if (y[i] == -1 || p.predicted()[i] < 0 || !Double.isFinite(q[i][c])) {
          continue;
        }
        predicted += q[i][c];
        observed += y[i] == c ? 1 : 0;
        variance += q[i][c] * (1 - q[i][c]);
        n++;
      }
      if (n < 2) {
        continue;
      }
      double gap = Math.abs(observed - predicted);
      double pValue =
          variance <= 0
              ? (gap < 0.5 ? 1 : 0)
              : Math.min(1, 2 * k * Significance.normalUpperTail(gap / Math.sqrt(variance)));
      double w = predicted / n;
      double o = observed / n;
      if (Double.isNaN(best.mean()) || Math.abs(w - o) > Math.abs(best.mean() - best.against())) {
        best = new Shift(classes.get(c), w, o, pValue);
      }
    }
    return best;
  }

  /**
   * The p-value of live quality at least as bad as measured if the model still performed as
   * offline: for accuracy, a binomial tail of the correct predictions at the offline accuracy; for
   * RMSE, a chi-squared tail of the squared errors at the offline mean squared error.
   */
  private static double livePValue(TrainedModel model, Predictions p, Table rows, double offline) {
    if (Double.isNaN(offline)) {
      return Double.NaN;
    }
    if (model.task() == Task.REGRESSION) {
      double[] y = model.label().values(rows);
      double sse = 0;
      int n = 0;
      for (int i = 0; i < y.length; i++) {
        double e = p.values()[i] - y[i];
        if (Double.isFinite(e)) {
          sse += e * e;
          n++;
        }
      }
      return n == 0 || offline <= 0
          ? Double.NaN
          : Significance.chiSquareUpperTail(sse / (offline * offline), n);
    }
    int[] y = model.label().classIndex(rows, model.classes());
    long n = 0;
    long correct = 0;
    for (int i = 0; i < y.length; i++) {
      if (y[i] != -1) {
        n++;
        correct += p.predicted()[i] == y[i] ? 1 : 0;
      }
    }
    return n == 0 ? Double.NaN : Significance.binomialLowerTail(correct, n, offline);
  }

  /** Mean and variance of some values (finite ones), for a two-sample z test of their means. */
  private record Moments(double mean, double variance, long n) {
    static Moments of(double[] values, int[] rows) {
      double sum = 0;
      double sumSq = 0;
      long n = 0;
      int count = rows == null ? values.length : rows.length;
      for (int j = 0; j < count; j++) {
        double v = values[rows == null ? j : rows[j]];
        if (Double.isFinite(v)) {
          sum += v;
          sumSq += v * v;
          n++;
        }
      }
      if (n == 0) {
        return new Moments(Double.NaN, Double.NaN, 0);
      }
      double mean = sum / n;
      return new Moments(mean, Math.max(0, sumSq / n - mean * mean), n);
    }

    double differencePValue(Moments other, int comparisons) {
      if (n == 0 || other.n == 0) {
        return Double.NaN;
      }
      double se = Math.sqrt(variance / n + other.variance / other.n);
      double gap = Math.abs(mean - other.mean);
      if (se == 0) {
        return gap == 0 ? 1 : 0;
      }
      return Math.min(1, 2 * comparisons * Significance.normalUpperTail(gap / se));
    }
  }
}
