package org.prodml.serve;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.prodml.facts.FeatureSkewFact;
import org.prodml.train.TrainedModel;
import org.prodml.transform.FeatureMatrix;
import org.prodml.transform.FittedTransforms;
import org.prodml.transform.Frame;
import tech.tablesaw.api.Table;

/**
 * Training–serving feature skew, per example: the same rows are encoded by the training code path
 * (the model's fitted transforms over the whole batch) and by the serving path (one request at a
 * time, with the transforms the serving side uses), and every encoded value is compared. The ML
 * Test Score's "training and serving features compute the same values", measured.
 */
public final class SkewCheck {
  /** Relative tolerance: a difference below it is floating-point noise, not skew. */
  static final double TOLERANCE = 1e-9;

  private SkewCheck() {}

  /** One fact per raw input (or cross) of the model, for at most {@code maxRows} requests. */
  public static List<FeatureSkewFact> compare(
      TrainedModel model, Table requests, ServingPath path, int maxRows) {
    int n = Math.min(maxRows, requests.rowCount());
    Table rows = n == requests.rowCount() ? requests : requests.first(n);
    FeatureMatrix training = model.transforms().apply(rows);
    FittedTransforms serving = DynamicInference.transforms(model, requests, path);
    List<String> inputs = model.transforms().inputColumns();
    List<String> names = model.transforms().featureNames();
    Map<String, List<Integer>> bySource = new LinkedHashMap<>();
    for (int c = 0; c < names.size(); c++) {
      bySource
          .computeIfAbsent(model.transforms().sourceOf(names.get(c)), s -> new ArrayList<>())
          .add(c);
    }
    double[][] servingRows = new double[n][];
    for (int r = 0; r < n; r++) {
      servingRows[r] = serving.apply(Frame.ofRow(rows, r, inputs)).row(0);
    }
    List<FeatureSkewFact> facts = new ArrayList<>();
    for (Map.Entry<String, List<Integer>> e : bySource.entrySet()) {
      long mismatched = 0;
      double max = 0;
      double sum = 0;
      long compared = 0;
      for (int r = 0; r < n; r++) {
        boolean differs = false;
        for (int c : e.getValue()) {
          double a = training.columns()[c][r];
          double b = servingRows[r][c];
          double d =
              Double.isNaN(a) && Double.isNaN(b)
                  ? 0
                  : Double.isNaN(a) || Double.isNaN(b) ? Double.POSITIVE_INFINITY : Math.abs(a - b);
          if (d > TOLERANCE * Math.max(1, Math.abs(a))) {
            differs = true;
          }
          if (Double.isFinite(d)) {
            max = Math.max(max, d);
            sum += d;
            compared++;
          }
        }
        mismatched += differs ? 1 : 0;
      }
      facts.add(
          new FeatureSkewFact(
              e.getKey(),
              path.label(),
              n,
              mismatched,
              n == 0 ? 0 : (double) mismatched / n,
              max,
              compared == 0 ? 0 : sum / compared));
    }
    return facts;
  }
}
