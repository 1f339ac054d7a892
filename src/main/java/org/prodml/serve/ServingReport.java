package org.prodml.serve;

import java.util.ArrayList;
import java.util.List;
import org.prodml.facts.FeatureSkewFact;
import org.prodml.facts.ServingFact;
import org.prodml.train.TrainedModel;
import org.prodml.work.Work;
import tech.tablesaw.api.Table;

/**
 * The same requests served both ways, side by side: per inference mode its coverage, latency,
 * freshness and cost (the facts), coverage by how often a request's key was seen, how latencies
 * spread, and the training–serving skew of the serving path.
 *
 * @param requests the data the requests came from ("serving", "test")
 * @param requestRows requests served (at most {@link #MAX_REQUESTS} of the data's rows)
 * @param keyColumns the static table's key space; empty when only dynamic inference ran
 * @param servingPath "shared" (serving reuses the fitted transforms) or "reimplemented"
 * @param modes one fact per mode served: "static", "dynamic"
 * @param coverageByKeyFrequency per band of key frequency; empty without a key space
 * @param precomputed the static table's answers, checked before serving; null without one
 */
public record ServingReport(
    String requests,
    long requestRows,
    List<String> keyColumns,
    String servingPath,
    List<ServingFact> modes,
    List<KeyBandCoverage> coverageByKeyFrequency,
    LatencyDistribution latency,
    List<FeatureSkewFact> skew,
    PrecomputedCheck precomputed) {

  /**
   * Requests served at most per serving run: enough for steady latency percentiles, quick on any
   * data.
   */
  public static final int MAX_REQUESTS = 5000;

  /** Rows whose encoding the skew check compares between the training and the serving path. */
  static final int SKEW_ROWS = 1000;

  /**
   * How requests are served.
   *
   * @param keys the static table's key space; null for the model's first text input, empty for none
   * @param staticMode serve from a table precomputed for the keys seen in training
   * @param dynamicMode run the transforms and the model per request
   * @param path how the serving side encodes a request
   * @param minCount precompute keys seen at least this often in training
   * @param limit serve at most this many requests (the first ones)
   */
  public record Options(
      List<String> keys,
      boolean staticMode,
      boolean dynamicMode,
      ServingPath path,
      int minCount,
      int limit) {}

  /**
   * Serves the requests (rows of a table) with the model in the modes asked for, measuring each
   * request, and checks the serving path for training–serving skew on the same rows.
   */
  public static ServingReport measure(
      TrainedModel model,
      Table training,
      Table all,
      String requestsName,
      String timeColumn,
      Options options,
      Work work) {
    Table requests =
        all.rowCount() > Math.max(1, options.limit())
            ? all.first(Math.max(1, options.limit()))
            : all;
    if (options.path() == ServingPath.REIMPLEMENTED
        && model.transforms().placement().equals("in-model")) {
      throw new IllegalArgumentException(
          "the model's transforms are placed in the model, so serving cannot reimplement them: it runs them as they are; use path=shared");
    }
    List<String> keys =
        options.keys() != null
            ? options.keys()
            : KeySpace.firstText(requests, model.transforms().inputColumns());
    for (String k : keys) {
      if (!requests.columnNames().contains(k) || !training.columnNames().contains(k)) {
        throw new IllegalArgumentException(
            "key column '" + k + "' must be in both the training table and '" + requestsName + "'");
      }
    }
    if (options.staticMode() && keys.isEmpty()) {
      throw new IllegalArgumentException(
          "static inference needs a key space: write keys=… (e.g. keys=origin), or mode=dynamic");
    }
    String time =
        timeColumn != null && requests.columnNames().contains(timeColumn) ? timeColumn : null;
    KeySpace space = keys.isEmpty() ? null : KeySpace.of(training, keys);
    List<ServingResult> results = new ArrayList<>();
    PrecomputedCheck precomputed = null;
    if (options.staticMode()) {
      StaticInference table =
          StaticInference.precompute(model, training, keys, options.minCount(), Integer.MAX_VALUE);
      precomputed = table.check(training);
      results.add(table.serve(requests, time));
      work.report(0.4);
    }
    if (options.dynamicMode()) {
      work.checkCancelled();
      results.add(DynamicInference.serve(model, requests, options.path(), space, time));
      work.report(0.8);
    }
    work.checkCancelled();
    List<FeatureSkewFact> skew = SkewCheck.compare(model, requests, options.path(), SKEW_ROWS);
    return new ServingReport(
        requestsName,
        requests.rowCount(),
        keys,
        options.path().label(),
        results.stream().map(r -> r.fact().withTable(requestsName)).toList(),
        KeyBandCoverage.of(results),
        LatencyDistribution.of(results),
        skew,
        precomputed);
  }

  public ServingReport {
    keyColumns = List.copyOf(keyColumns);
    modes = List.copyOf(modes);
    coverageByKeyFrequency = List.copyOf(coverageByKeyFrequency);
    skew = List.copyOf(skew);
  }

  /** The facts the serving rules judge: one per mode, then the skew of each input. */
  public List<Object> facts() {
    List<Object> facts = new ArrayList<>(modes);
    facts.addAll(skew);
    return facts;
  }

  /** The fact of a mode, or null when that mode did not run. */
  public ServingFact mode(String mode) {
    return modes.stream().filter(m -> m.mode().equals(mode)).findFirst().orElse(null);
  }
}
