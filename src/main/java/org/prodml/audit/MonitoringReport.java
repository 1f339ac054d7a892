package org.prodml.audit;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.prodml.facts.ColumnComparisonFact;
import org.prodml.facts.MonitoringConfigFact;
import org.prodml.facts.MonitoringWindowFact;

/**
 * Served data replayed through the model window by window: per window its drift against training,
 * volume, predictions, NaN/Inf, model age and live quality; the monitoring declared; and the share
 * of each predicted class per window (for regression, the mean prediction under "mean").
 *
 * @param window how the data was cut ("calendar month", "7-day")
 * @param task "classification" or "regression"
 * @param predictionShares per window label, the share of each predicted class
 * @param windowComparisons each window's columns compared with training (comparison "window", which
 *     the drift rules judge); left out of the JSON, whose windows name their most drifted input
 */
public record MonitoringReport(
    String window,
    String task,
    MonitoringConfigFact config,
    List<MonitoringWindowFact> windows,
    Map<String, Map<String, Double>> predictionShares,
    @JsonIgnore List<ColumnComparisonFact> windowComparisons) {

  public MonitoringReport {
    windows = List.copyOf(windows);
    windowComparisons = List.copyOf(windowComparisons);
  }

  /** The facts the monitoring and drift rules judge: the windows, their comparisons, the configuration. */
  public List<Object> facts() {
    List<Object> facts = new ArrayList<>(windows);
    facts.addAll(windowComparisons);
    facts.add(config);
    return facts;
  }
}
