package org.prodml.serve;

import java.util.Arrays;
import java.util.List;
import org.prodml.train.TrainedModel;
import org.prodml.transform.FittedTransforms;
import org.prodml.transform.Frame;
import tech.tablesaw.api.Table;

/**
 * Dynamic (online) inference: each request's raw values go through the transforms and the model
 * when it arrives. Any key can be answered, the long tail included, and the prediction is fresh;
 * the price is the computation (and its latency) on every request.
 */
public final class DynamicInference {
  private DynamicInference() {}

  /**
   * Serves every request (row) of the table one at a time, measuring each with {@link
   * System#nanoTime()} from the raw row to the prediction.
   *
   * @param keySpace the static key space, only to report coverage by key frequency; may be null
   */
  public static ServingResult serve(
      TrainedModel model, Table requests, ServingPath path, KeySpace keySpace, String timeColumn) {
    FittedTransforms transforms = transforms(model, requests, path);
    List<String> inputs = model.transforms().inputColumns();
    int n = requests.rowCount();
    for (int r = 0; r < Math.min(200, n); r++) {
      model.predictEncoded(transforms.apply(Frame.ofRow(requests, r, inputs)).row(0));
    }
    double[] latency = new double[n];
    boolean[] answered = new boolean[n];
    double[][] outputs = new double[n][];
    for (int r = 0; r < n; r++) {
      long t0 = System.nanoTime();
      double[] features = transforms.apply(Frame.ofRow(requests, r, inputs)).row(0);
      outputs[r] = model.predictEncoded(features);
      latency[r] = (System.nanoTime() - t0) / 1e6;
      answered[r] = true;
    }
    double[] age = new double[n];
    if (timeColumn == null || !requests.columnNames().contains(timeColumn)) {
      Arrays.fill(age, Double.NaN);
    }
    return Serving.result(
        model, "dynamic", path, requests, keySpace, latency, answered, outputs, age, n, 0);
  }

  /**
   * The transforms the serving path uses: the model's own, or recomputed from the serving batch.
   */
  public static FittedTransforms transforms(TrainedModel model, Table requests, ServingPath path) {
    return path == ServingPath.SHARED
        ? model.transforms()
        : model.transforms().servingReimplementation(requests);
  }
}
