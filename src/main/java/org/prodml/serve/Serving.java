package org.prodml.serve;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.prodml.evaluate.Evaluator;
import org.prodml.evaluate.Metrics;
import org.prodml.facts.ServingFact;
import org.prodml.train.Predictions;
import org.prodml.train.Task;
import org.prodml.train.TrainedModel;
import tech.tablesaw.api.Table;

/** What both inference modes report, computed the same way for both. */
final class Serving {
  private Serving() {}

  static ServingResult result(
      TrainedModel model,
      String mode,
      ServingPath path,
      Table requests,
      KeySpace space,
      double[] latency,
      boolean[] answered,
      double[][] outputs,
      double[] age,
      long computed,
      long cachedKeys) {
    int n = requests.rowCount();
    Task task = model.task();
    int k = model.classes().size();
    double[][] probabilities = task == Task.CLASSIFICATION ? new double[n][] : null;
    int[] predicted = task == Task.CLASSIFICATION ? new int[n] : null;
    double[] values = task == Task.REGRESSION ? new double[n] : null;
    long nonFinite = 0;
    List<Integer> answeredRows = new ArrayList<>();
    for (int r = 0; r < n; r++) {
      double[] out = outputs[r];
      boolean finite = out != null;
      if (out != null) {
        for (double v : out) {
          finite &= Double.isFinite(v);
        }
        nonFinite += finite ? 0 : 1;
        answeredRows.add(r);
      }
      if (task == Task.CLASSIFICATION) {
        probabilities[r] = out != null ? out : new double[k];
        int best = -1;
        if (finite) {
          best = 0;
          for (int c = 1; c < out.length; c++) {
            if (out[c] > out[best]) {
              best = c;
            }
          }
        }
        predicted[r] = best;
      } else {
        values[r] = out != null ? out[0] : Double.NaN;
      }
    }
    Predictions predictions =
        new Predictions(task, model.classes(), probabilities, predicted, values, nonFinite);
    long answeredCount = answeredRows.size();
    double quality = Double.NaN;
    if (requests.columnNames().contains(model.label().column()) && !answeredRows.isEmpty()) {
      quality =
          Evaluator.headline(
              model,
              predictions,
              requests,
              answeredRows.stream().mapToInt(Integer::intValue).toArray());
    }
    Map<String, long[]> bands = KeySpace.emptyBands();
    long tail = 0;
    Set<String> distinct = new HashSet<>();
    if (space != null) {
      for (int r = 0; r < n; r++) {
        String key = space.key(requests, r);
        distinct.add(key);
        long[] band = bands.get(space.band(key));
        band[0]++;
        band[1] += answered[r] ? 1 : 0;
        tail += space.count(key) < KeySpace.TAIL_BELOW ? 1 : 0;
      }
    }
    double meanAge = Metrics.mean(age);
    double maxAge = Double.NaN;
    for (double a : age) {
      if (!Double.isNaN(a)) {
        maxAge = Double.isNaN(maxAge) ? a : Math.max(maxAge, a);
      }
    }
    ServingFact fact =
        new ServingFact(
            model.id(),
            mode,
            path.label(),
            n,
            answeredCount,
            n == 0 ? 0 : (double) answeredCount / n,
            Metrics.quantile(latency, 0.5),
            Metrics.quantile(latency, 0.99),
            Metrics.mean(latency),
            meanAge,
            maxAge,
            computed,
            space == null ? List.of() : space.columns(),
            distinct.size(),
            cachedKeys,
            space == null || n == 0 ? Double.NaN : (double) tail / n,
            Evaluator.headlineMetric(task),
            quality,
            nonFinite,
            "");
    return new ServingResult(
        mode, fact, latency, answered, predictions, age, space == null ? Map.of() : bands);
  }
}
