package org.prodml.facts;

import java.util.List;

/**
 * One inference mode serving the same requests (rows of a table, in time order).
 *
 * @param model the model's id
 * @param mode "static" (predictions precomputed for a known key space, served by lookup; a key not
 *     in the table is a miss) or "dynamic" (transforms and model run per request)
 * @param servingPath "shared" (serving reuses the fitted transforms) or "reimplemented" (serving
 *     recomputes them its own way)
 * @param requests requests served
 * @param answered requests that got a prediction
 * @param coverage answered / requests
 * @param p50Ms median latency per request, measured, milliseconds
 * @param p99Ms 99th percentile latency per request, milliseconds
 * @param meanMs mean latency per request, milliseconds
 * @param meanAgeHours mean age of the served predictions at request time: 0 when computed on
 *     demand; for a precomputed table, request time minus the time it was computed
 * @param maxAgeHours largest such age
 * @param predictionsComputed the cost: predictions the mode computed (the whole table for static,
 *     one per request for dynamic)
 * @param keyColumns the columns of the static key space (empty for dynamic)
 * @param distinctKeys distinct keys among the requests
 * @param cachedKeys keys in the precomputed table (0 for dynamic)
 * @param tailRequestShare share of requests whose key had fewer than 5 training rows (incl. unseen)
 * @param metric the quality metric's name
 * @param quality the metric on answered requests that have a label (NaN without labels)
 * @param nonFiniteOutputs predictions that were NaN or infinite
 * @param table the table whose rows were the requests ("test", "serving" …; empty in a simulation)
 */
public record ServingFact(
    String model,
    String mode,
    String servingPath,
    long requests,
    long answered,
    double coverage,
    double p50Ms,
    double p99Ms,
    double meanMs,
    double meanAgeHours,
    double maxAgeHours,
    long predictionsComputed,
    List<String> keyColumns,
    long distinctKeys,
    long cachedKeys,
    double tailRequestShare,
    String metric,
    double quality,
    long nonFiniteOutputs,
    String table) {

  /** The same measures, of the requests in that table. */
  public ServingFact withTable(String requests) {
    return new ServingFact(
        model,
        mode,
        servingPath,
        this.requests,
        answered,
        coverage,
        p50Ms,
        p99Ms,
        meanMs,
        meanAgeHours,
        maxAgeHours,
        predictionsComputed,
        keyColumns,
        distinctKeys,
        cachedKeys,
        tailRequestShare,
        metric,
        quality,
        nonFiniteOutputs,
        requests);
  }
}
