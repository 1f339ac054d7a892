package org.prodml.monitor;

import java.util.Map;
import org.prodml.facts.MonitoringWindowFact;
import org.prodml.profile.ProfileComparison;

/**
 * One replayed window: its fact, the comparison of its profile with the training data (its same
 * season when training spans a year; facts named "window", which the drift rules judge), and the
 * share of each predicted class (or, for regression, the mean prediction under the key "mean").
 */
public record WindowResult(
    MonitoringWindowFact fact,
    ProfileComparison.Result comparison,
    Map<String, Double> predictionShares) {}
