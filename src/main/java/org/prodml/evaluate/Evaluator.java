package org.prodml.evaluate;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.prodml.facts.FeatureImportanceFact;
import org.prodml.facts.SliceMetricFact;
import org.prodml.split.Splitter;
import org.prodml.stats.FiniteValues;
import org.prodml.text.Format;
import org.prodml.train.Predictions;
import org.prodml.train.Task;
import org.prodml.train.TrainedModel;
import org.prodml.transform.Frame;
import org.prodml.work.Work;
import tech.tablesaw.api.Table;

/**
 * Measures a model on labelled rows. The headline metric is accuracy for classification and RMSE
 * for regression; every other measure is there to say where the headline hides something: a class
 * the model never gets right, probabilities that do not mean what they say, a slice far below the
 * rest, a feature the model does not use.
 */
public final class Evaluator {
  /** Equal-width probability buckets for calibration. */
  static final int BUCKETS = 10;

  /** Slices shown for a categorical column: the most frequent values. */
  static final int MAX_SLICES = 30;

  private Evaluator() {}

  /** The name of a task's headline metric. */
  public static String headlineMetric(Task task) {
    return task == Task.CLASSIFICATION ? "accuracy" : "rmse";
  }

  public static boolean higherIsBetter(Task task) {
    return task == Task.CLASSIFICATION;
  }

  /** Evaluates the model on the table's labelled rows. */
  public static EvaluationResult evaluate(TrainedModel model, Table table, String tableName) {
    return evaluate(model, model.predict(table), table, tableName);
  }

  /** Evaluates predictions the model already made for the table's rows. */
  public static EvaluationResult evaluate(
      TrainedModel model, Predictions p, Table table, String tableName) {
    if (model.task() == Task.REGRESSION) {
      double[] y = model.label().values(table);
      double[] pred = p.values();
      long rows = Arrays.stream(y).filter(Double::isFinite).count();
      double rmse = Metrics.rmse(pred, y);
      // The bias is the mean error over the rows with a finite label and prediction: a missing or
      // infinite one makes the difference non-finite, and the mean leaves it out.
      double[] error = new double[y.length];
      for (int i = 0; i < y.length; i++) {
        error[i] = pred[i] - y[i];
      }
      double bias = FiniteValues.mean(error);
      return new EvaluationResult(
          model.id(),
          tableName,
          rows,
          "rmse",
          rmse,
          false,
          p.nonFinite(),
          new RegressionMetrics(rmse, Metrics.mae(pred, y), Metrics.r2(pred, y), bias));
    }
    List<String> classes = model.classes();
    int k = classes.size();
    int[] y = model.label().classIndex(table, classes);
    long[][] confusion = new long[k + 1][k];
    long rows = 0;
    long correct = 0;
    long unknown = 0;
    for (int i = 0; i < y.length; i++) {
      if (y[i] == -1) {
        continue;
      }
      rows++;
      int predicted = p.predicted()[i];
      if (y[i] == -2) {
        unknown++;
        if (predicted >= 0) {
          confusion[k][predicted]++;
        }
        continue;
      }
      if (predicted >= 0) {
        confusion[y[i]][predicted]++;
      }
      correct += predicted == y[i] ? 1 : 0;
    }
    double accuracy = rows == 0 ? Double.NaN : (double) correct / rows;
    List<ClassMetrics> perClass = new ArrayList<>();
    double f1Sum = 0;
    int f1Classes = 0;
    double recallSum = 0;
    int recallClasses = 0;
    for (int c = 0; c < k; c++) {
      long tp = confusion[c][c];
      long predictedC = 0;
      long actualC = 0;
      for (int r = 0; r <= k; r++) {
        predictedC += confusion[r][c];
      }
      for (int j = 0; j < k; j++) {
        actualC += confusion[c][j];
      }
      double precision = predictedC == 0 ? 0 : (double) tp / predictedC;
      double recall = actualC == 0 ? 0 : (double) tp / actualC;
      double f1 = precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
      perClass.add(new ClassMetrics(classes.get(c), precision, recall, f1, actualC));
      if (actualC > 0) {
        recallSum += recall;
        recallClasses++;
      }
      // A class neither present nor predicted in these rows says nothing about them.
      if (actualC > 0 || predictedC > 0) {
        f1Sum += f1;
        f1Classes++;
      }
    }
    // Probability measures need a known true class.
    List<Integer> known = new ArrayList<>();
    for (int i = 0; i < y.length; i++) {
      if (y[i] >= 0 && p.predicted()[i] >= 0) {
        known.add(i);
      }
    }
    double logLoss = 0;
    for (int i : known) {
      logLoss -= Math.log(Math.max(1e-15, Math.min(1, p.probabilities()[i][y[i]])));
    }
    logLoss = known.isEmpty() ? Double.NaN : logLoss / known.size();
    double brier = 0;
    for (int i : known) {
      double[] probabilities = p.probabilities()[i];
      for (int c = 0; c < k; c++) {
        double e = probabilities[c] - (c == y[i] ? 1 : 0);
        brier += e * e;
      }
    }
    brier = known.isEmpty() ? Double.NaN : brier / known.size();
    double auc = auc(p, y, known, k);
    Calibration cal = calibration(p, y, known, k, classes);
    return new EvaluationResult(
        model.id(),
        tableName,
        rows,
        "accuracy",
        accuracy,
        true,
        p.nonFinite(),
        new ClassificationMetrics(
            accuracy,
            recallClasses == 0 ? Double.NaN : recallSum / recallClasses,
            perClass,
            f1Classes == 0 ? Double.NaN : f1Sum / f1Classes,
            auc,
            logLoss,
            brier,
            classes,
            confusion,
            unknown,
            cal.buckets,
            cal.of,
            cal.bias,
            cal.biasClass,
            cal.error));
  }

  private static double auc(Predictions p, int[] y, List<Integer> known, int k) {
    if (k < 2 || known.isEmpty()) {
      return Double.NaN;
    }
    double[] score = new double[known.size()];
    boolean[] positive = new boolean[known.size()];
    if (k == 2) {
      for (int j = 0; j < known.size(); j++) {
        score[j] = p.probabilities()[known.get(j)][1];
        positive[j] = y[known.get(j)] == 1;
      }
      return Metrics.auc(score, positive);
    }
    double sum = 0;
    int counted = 0;
    for (int c = 0; c < k; c++) {
      for (int j = 0; j < known.size(); j++) {
        score[j] = p.probabilities()[known.get(j)][c];
        positive[j] = y[known.get(j)] == c;
      }
      double a = Metrics.auc(score, positive);
      if (!Double.isNaN(a)) {
        sum += a;
        counted++;
      }
    }
    return counted == 0 ? Double.NaN : sum / counted;
  }

  private record Calibration(
      List<CalibrationBucket> buckets, String of, double bias, String biasClass, double error) {}

  /**
   * Binary: buckets of P(positive) against the positive rate, and bias = mean P(positive) minus the
   * positive rate. Multiclass: buckets of the top probability against how often the top class is
   * right, and bias for the class whose mean probability is furthest from its frequency.
   */
  private static Calibration calibration(
      Predictions p, int[] y, List<Integer> known, int k, List<String> classes) {
    if (known.isEmpty() || k < 2) {
      return new Calibration(List.of(), null, Double.NaN, null, Double.NaN);
    }
    double[] score = new double[known.size()];
    boolean[] event = new boolean[known.size()];
    for (int j = 0; j < known.size(); j++) {
      int i = known.get(j);
      if (k == 2) {
        score[j] = p.probabilities()[i][1];
        event[j] = y[i] == 1;
      } else {
        score[j] = p.probabilities()[i][p.predicted()[i]];
        event[j] = y[i] == p.predicted()[i];
      }
    }
    long[] count = new long[BUCKETS];
    double[] sumScore = new double[BUCKETS];
    long[] events = new long[BUCKETS];
    for (int j = 0; j < score.length; j++) {
      int b = Math.min(BUCKETS - 1, Math.max(0, (int) Math.floor(score[j] * BUCKETS)));
      count[b]++;
      sumScore[b] += score[j];
      events[b] += event[j] ? 1 : 0;
    }
    List<CalibrationBucket> buckets = new ArrayList<>();
    double error = 0;
    for (int b = 0; b < BUCKETS; b++) {
      if (count[b] == 0) {
        continue;
      }
      double meanPredicted = sumScore[b] / count[b];
      double rate = (double) events[b] / count[b];
      buckets.add(
          new CalibrationBucket(
              (double) b / BUCKETS, (double) (b + 1) / BUCKETS, count[b], meanPredicted, rate));
      error += (double) count[b] / score.length * Math.abs(meanPredicted - rate);
    }
    double bias;
    String biasClass;
    if (k == 2) {
      bias = Metrics.mean(score) - (double) Arrays.stream(toInts(event)).sum() / event.length;
      biasClass = classes.get(1);
    } else {
      bias = 0;
      biasClass = null;
      for (int c = 0; c < k; c++) {
        double meanP = 0;
        double freq = 0;
        for (int i : known) {
          meanP += p.probabilities()[i][c];
          freq += y[i] == c ? 1 : 0;
        }
        double b = (meanP - freq) / known.size();
        if (biasClass == null || Math.abs(b) > Math.abs(bias)) {
          bias = b;
          biasClass = classes.get(c);
        }
      }
    }
    return new Calibration(
        buckets,
        k == 2 ? "P(" + classes.get(1) + ")" : "top-class probability",
        bias,
        biasClass,
        error);
  }

  private static int[] toInts(boolean[] b) {
    int[] out = new int[b.length];
    for (int i = 0; i < b.length; i++) {
      out[i] = b[i] ? 1 : 0;
    }
    return out;
  }

  /** The headline metric of predictions on the given rows of the table (all rows when null). */
  public static double headline(TrainedModel model, Predictions p, Table table, int[] rows) {
    if (model.task() == Task.REGRESSION) {
      double[] y = model.label().values(table);
      double ss = 0;
      long n = 0;
      for (int i : rows == null ? all(y.length) : rows) {
        if (Double.isFinite(y[i]) && Double.isFinite(p.values()[i])) {
          ss += (p.values()[i] - y[i]) * (p.values()[i] - y[i]);
          n++;
        }
      }
      return n == 0 ? Double.NaN : Math.sqrt(ss / n);
    }
    int[] y = model.label().classIndex(table, model.classes());
    long n = 0;
    long correct = 0;
    for (int i : rows == null ? all(y.length) : rows) {
      if (y[i] == -1) {
        continue;
      }
      n++;
      correct += y[i] >= 0 && p.predicted()[i] == y[i] ? 1 : 0;
    }
    return n == 0 ? Double.NaN : (double) correct / n;
  }

  private static int[] all(int n) {
    int[] rows = new int[n];
    for (int i = 0; i < n; i++) {
      rows[i] = i;
    }
    return rows;
  }

  /**
   * The headline metric per slice of a column: each of its most frequent values, or, for a numeric
   * column, its quartiles. Rows without a label are left out; a missing value is its own slice.
   */
  public static List<SliceMetricFact> slices(
      TrainedModel model, Predictions p, Table table, String column, EvaluationResult overall) {
    if (!table.columnNames().contains(column)) {
      throw new IllegalArgumentException(
          "no column '"
              + column
              + "' to slice by; the data has "
              + String.join(", ", table.columnNames()));
    }
    Frame frame = Frame.of(table, List.of(column));
    Map<String, List<Integer>> groups = new LinkedHashMap<>();
    if (frame.isText(column)) {
      String[] v = frame.texts(column);
      Map<String, List<Integer>> all = new LinkedHashMap<>();
      for (int i = 0; i < v.length; i++) {
        all.computeIfAbsent(v[i] == null ? "(missing)" : v[i], x -> new ArrayList<>()).add(i);
      }
      all.entrySet().stream()
          .sorted((a, b) -> Integer.compare(b.getValue().size(), a.getValue().size()))
          .limit(MAX_SLICES)
          .forEach(e -> groups.put(e.getKey(), e.getValue()));
    } else {
      double[] v = frame.numbers(column);
      double[] finite = FiniteValues.sorted(v);
      if (finite.length == 0) {
        return List.of();
      }
      double[] edges = {
        FiniteValues.quantileOfSorted(finite, 0.25),
        FiniteValues.quantileOfSorted(finite, 0.5),
        FiniteValues.quantileOfSorted(finite, 0.75)
      };
      String[] names = new String[4];
      double lo = finite[0];
      for (int q = 0; q < 4; q++) {
        double hi = q < 3 ? edges[q] : finite[finite.length - 1];
        names[q] = "q" + (q + 1) + " [" + Format.number(lo) + ", " + Format.number(hi) + "]";
        lo = hi;
      }
      for (int i = 0; i < v.length; i++) {
        String key;
        if (Double.isNaN(v[i])) {
          key = "(missing)";
        } else {
          int q = 0;
          while (q < 3 && v[i] > edges[q]) {
            q++;
          }
          key = names[q];
        }
        groups.computeIfAbsent(key, x -> new ArrayList<>()).add(i);
      }
    }
    List<SliceMetricFact> facts = new ArrayList<>();
    for (Map.Entry<String, List<Integer>> e : groups.entrySet()) {
      int[] rows = e.getValue().stream().mapToInt(Integer::intValue).toArray();
      long labelled = labelledRows(model, table, rows);
      if (labelled == 0) {
        continue;
      }
      double value = headline(model, p, table, rows);
      double gap = overall.higherIsBetter() ? overall.value() - value : value - overall.value();
      facts.add(
          new SliceMetricFact(
              model.id(),
              column,
              e.getKey(),
              labelled,
              overall.metric(),
              value,
              overall.value(),
              gap,
              overall.higherIsBetter()));
    }
    return facts;
  }

  private static long labelledRows(TrainedModel model, Table table, int[] rows) {
    long n = 0;
    if (model.task() == Task.REGRESSION) {
      double[] y = model.label().values(table);
      for (int i : rows) {
        n += Double.isFinite(y[i]) ? 1 : 0;
      }
    } else {
      int[] y = model.label().classIndex(table, model.classes());
      for (int i : rows) {
        n += y[i] != -1 ? 1 : 0;
      }
    }
    return n;
  }

  /** Whether the column holds at most one distinct value (missing values aside) in the frame. */
  private static boolean singleValued(Frame raw, String column) {
    if (raw.isText(column)) {
      return Arrays.stream(raw.texts(column)).filter(java.util.Objects::nonNull).distinct().count()
          <= 1;
    }
    return Arrays.stream(raw.numbers(column)).filter(v -> !Double.isNaN(v)).distinct().count() <= 1;
  }

  /**
   * The proper score importance and the gate use: the Brier score for classes, RMSE for numbers.
   */
  public static String scoreName(Task task) {
    return task == Task.REGRESSION ? "rmse" : "Brier score";
  }

  /**
   * The proper score of predictions on the table's labelled rows (lower is better): the Brier score
   * (mean squared error of the probability vector) for classes, RMSE for numbers.
   */
  public static double score(TrainedModel model, Predictions p, Table table) {
    if (model.task() == Task.REGRESSION) {
      return headline(model, p, table, null);
    }
    return FiniteValues.mean(rowScores(model, p, table));
  }

  /**
   * Each row's loss under the proper score, NaN where the row has no label or no prediction: the
   * squared error of the probability vector for classes (its mean is the Brier score), the squared
   * error for numbers (the root of its mean is the RMSE). Two models' losses on the same rows can
   * be compared row by row.
   */
  public static double[] rowScores(TrainedModel model, Predictions p, Table table) {
    if (model.task() == Task.REGRESSION) {
      double[] y = model.label().values(table);
      double[] losses = new double[y.length];
      for (int i = 0; i < y.length; i++) {
        double e = p.values()[i] - y[i];
        losses[i] = Double.isFinite(e) ? e * e : Double.NaN;
      }
      return losses;
    }
    int[] y = model.label().classIndex(table, model.classes());
    double[] losses = new double[y.length];
    for (int i = 0; i < y.length; i++) {
      if (y[i] < 0 || p.predicted()[i] < 0) {
        losses[i] = Double.NaN;
        continue;
      }
      double[] q = p.probabilities()[i];
      double sum = 0;
      for (int c = 0; c < q.length; c++) {
        double e = q[c] - (c == y[i] ? 1 : 0);
        sum += e * e;
      }
      losses[i] = sum;
    }
    return losses;
  }

  /**
   * Permutation importance of each raw input column: its values are shuffled among the rows
   * (seeded), the transforms and the model run again, and the worsening of the proper score ({@link
   * #score}) is averaged over {@code repeats} shuffles. A column whose shuffling costs nothing is a
   * column the model does not use: the course's "is each feature helpful?". The score is the Brier
   * score, not accuracy: on a rare label accuracy barely moves whatever is shuffled, and every
   * input would look unused.
   */
  public static List<FeatureImportanceFact> permutationImportance(
      TrainedModel model, Table table, int repeats, long seed, Work work) {
    List<String> inputs = model.transforms().inputColumns();
    Frame raw = Frame.of(table, inputs);
    double base = score(model, model.predict(raw), table);
    double[] importance = new double[inputs.size()];
    double[] spread = new double[inputs.size()];
    for (int c = 0; c < inputs.size(); c++) {
      String column = inputs.get(c);
      if (singleValued(raw, column)) {
        // Shuffling one value changes nothing, whether the model uses the input or not.
        importance[c] = Double.NaN;
        spread[c] = Double.NaN;
        continue;
      }
      double[] worsening = new double[repeats];
      for (int r = 0; r < repeats; r++) {
        work.checkCancelled();
        SplittableRandom random = new SplittableRandom(seed * 31 + c * 1_000_003L + r);
        Frame shuffled = raw.copy();
        int[] order = Splitter.shuffled(raw.rows(), random);
        if (shuffled.isText(column)) {
          String[] v = raw.texts(column);
          String[] out = new String[v.length];
          for (int i = 0; i < v.length; i++) {
            out[i] = v[order[i]];
          }
          shuffled.putTexts(column, out);
        } else {
          double[] v = raw.numbers(column);
          double[] out = new double[v.length];
          for (int i = 0; i < v.length; i++) {
            out[i] = v[order[i]];
          }
          if (raw.isTime(column)) {
            shuffled.putTime(column, out);
          } else {
            shuffled.putNumbers(column, out);
          }
        }
        worsening[r] = score(model, model.predict(shuffled), table) - base;
        work.report((c * repeats + r + 1.0) / (inputs.size() * repeats));
      }
      // One shuffle gives no spread: 0, not undefined, so the facts stay comparable.
      importance[c] = repeats == 0 ? 0 : FiniteValues.mean(worsening);
      spread[c] = repeats < 2 ? 0 : FiniteValues.sampleSd(worsening);
    }
    double max = Arrays.stream(importance).filter(Double::isFinite).max().orElse(0);
    List<FeatureImportanceFact> facts = new ArrayList<>();
    for (int c = 0; c < inputs.size(); c++) {
      facts.add(
          new FeatureImportanceFact(
              model.id(),
              inputs.get(c),
              scoreName(model.task()),
              importance[c],
              spread[c],
              Double.isNaN(importance[c]) ? Double.NaN : max > 0 ? importance[c] / max : 0,
              repeats,
              seed));
    }
    return facts;
  }
}
