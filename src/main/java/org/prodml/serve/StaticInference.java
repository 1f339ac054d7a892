package org.prodml.serve;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.prodml.train.Predictions;
import org.prodml.train.Task;
import org.prodml.train.TrainedModel;
import org.prodml.transform.Frame;
import tech.tablesaw.api.Table;

/**
 * Static (offline, batch) inference: predictions computed ahead of time for every key of a known
 * key space and kept in a lookup table. Serving is a lookup: fast, and checkable before it goes
 * out, but a key that is not in the table is a miss, and every prediction is as old as the batch
 * run that made it.
 */
public final class StaticInference {
  private final TrainedModel model;
  private final KeySpace space;
  private final Map<String, double[]> table;
  private final double computedAtSeconds;

  private StaticInference(
      TrainedModel model, KeySpace space, Map<String, double[]> table, double computedAtSeconds) {
    this.model = model;
    this.space = space;
    this.table = table;
    this.computedAtSeconds = computedAtSeconds;
  }

  /**
   * Precomputes a prediction for each key seen at least {@code minCount} times in the key-space
   * data (at most {@code maxKeys}, most frequent first), from a representative row per key: the
   * median of each numeric input and the most frequent text among that key's rows. The batch runs
   * when the model's training data ends.
   */
  public static StaticInference precompute(
      TrainedModel model, Table keySpaceData, List<String> keyColumns, int minCount, int maxKeys) {
    KeySpace space = KeySpace.of(keySpaceData, keyColumns);
    List<String> keys = space.keys(Math.max(1, minCount), maxKeys);
    Map<String, double[]> table = new HashMap<>();
    if (!keys.isEmpty()) {
      Frame representatives =
          KeySpace.representatives(keySpaceData, space, keys, model.transforms().inputColumns());
      Predictions p = model.predict(representatives);
      for (int k = 0; k < keys.size(); k++) {
        table.put(
            keys.get(k),
            model.task() == Task.CLASSIFICATION
                ? p.probabilities()[k]
                : new double[] {p.values()[k]});
      }
    }
    return new StaticInference(model, space, table, model.trainingDataEndSeconds());
  }

  /**
   * Every answer of the table checked before it is served: NaN or infinite values, and values no
   * label in the training data could have.
   */
  public PrecomputedCheck check(Table training) {
    double min = Double.NaN;
    double max = Double.NaN;
    boolean classification = model.task() == Task.CLASSIFICATION;
    if (!classification) {
      String label = model.label().column();
      for (double v : Frame.of(training, List.of(label)).numbers(label)) {
        if (Double.isFinite(v)) {
          min = Double.isNaN(min) ? v : Math.min(min, v);
          max = Double.isNaN(max) ? v : Math.max(max, v);
        }
      }
    }
    return PrecomputedCheck.of(table.values(), classification, min, max);
  }

  public int size() {
    return table.size();
  }

  public KeySpace keySpace() {
    return space;
  }

  /** Serves every request (row) of the table by lookup, measuring each lookup. */
  public ServingResult serve(Table requests, String timeColumn) {
    int n = requests.rowCount();
    // Warm the lookup path first (JIT, caches), so the latencies are the service's, not the JVM's.
    for (int r = 0; r < Math.min(200, n); r++) {
      table.get(space.key(requests, r));
    }
    double[] latency = new double[n];
    boolean[] answered = new boolean[n];
    double[][] outputs = new double[n][];
    for (int r = 0; r < n; r++) {
      long t0 = System.nanoTime();
      double[] hit = table.get(space.key(requests, r));
      latency[r] = (System.nanoTime() - t0) / 1e6;
      answered[r] = hit != null;
      outputs[r] = hit;
    }
    double[] age = ages(requests, timeColumn, answered, computedAtSeconds);
    return Serving.result(
        model,
        "static",
        ServingPath.SHARED,
        requests,
        space,
        latency,
        answered,
        outputs,
        age,
        table.size(),
        table.size());
  }

  static double[] ages(
      Table requests, String timeColumn, boolean[] answered, double computedAtSeconds) {
    double[] age = new double[requests.rowCount()];
    Arrays.fill(age, Double.NaN);
    if (timeColumn == null
        || !requests.columnNames().contains(timeColumn)
        || Double.isNaN(computedAtSeconds)) {
      return age;
    }
    double[] t = Frame.of(requests, List.of(timeColumn)).numbers(timeColumn);
    for (int r = 0; r < t.length; r++) {
      if (answered[r] && !Double.isNaN(t[r])) {
        age[r] = Math.max(0, (t[r] - computedAtSeconds) / 3600.0);
      }
    }
    return age;
  }
}
