package org.prodml.audit;

import java.util.List;
import java.util.Map;

/**
 * The model an audit trains and how it is served and watched.
 *
 * @param model logistic, linear, forest, gbt or baseline; null for logistic (classes) or linear (numbers)
 * @param above when set, the label is "label > above" (a yes/no question about a numeric column)
 * @param features the raw feature columns; null for every column that has no other role
 * @param seed the seed of the training, the split and every sample; null for an unseeded run (recorded as such)
 * @param hyperparameters given hyperparameters, e.g. trees=20
 * @param keys the static table's key space; null for the model's first text input
 * @param window monitoring windows: month, week or a number of days ("14d")
 * @param monitoringChecks the monitoring declared (drift, volume, nan, age, quality); empty when none is
 * @param alertOwner who is alerted when a monitoring check fails, or null
 */
public record ModelAuditRequest(
    String model,
    Double above,
    List<String> features,
    Long seed,
    Map<String, String> hyperparameters,
    List<String> keys,
    String window,
    List<String> monitoringChecks,
    String alertOwner) {

  public ModelAuditRequest {
    features = features == null ? null : List.copyOf(features);
    hyperparameters = Map.copyOf(hyperparameters);
    keys = keys == null ? null : List.copyOf(keys);
    monitoringChecks = List.copyOf(monitoringChecks);
  }
}
