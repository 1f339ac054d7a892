package org.prodml.monitor;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.prodml.facts.ColumnComparisonFact;
import org.prodml.facts.MonitoringConfigFact;
import org.prodml.facts.MonitoringWindowFact;
import org.prodml.profile.DatasetProfile;
import org.prodml.train.TrainedModel;
import org.prodml.work.Work;
import tech.tablesaw.api.Table;

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

  /**
   * Replays served data through the model in time windows, each compared with the training profile,
   * and records the monitoring declared for it.
   *
   * @param offlineValue the model's offline metric, which live quality is compared with (NaN if
   *     unknown)
   */
  public static MonitoringReport replay(
      TrainedModel model,
      Table training,
      DatasetProfile trainingProfile,
      Table served,
      String timeColumn,
      MonitoringConfig config,
      double offlineValue,
      Work work) {
    List<WindowResult> windows =
        Monitor.replay(
            new Monitor.Setup(model, training, trainingProfile, offlineValue, config.window()),
            served,
            timeColumn,
            work);
    Map<String, Map<String, Double>> shares = new LinkedHashMap<>();
    List<ColumnComparisonFact> comparisons = new ArrayList<>();
    for (WindowResult w : windows) {
      shares.put(w.fact().window(), w.predictionShares());
      comparisons.addAll(w.comparison().columns());
    }
    return new MonitoringReport(
        config.window().describe(),
        model.task().label(),
        config.fact(),
        windows.stream().map(WindowResult::fact).toList(),
        shares,
        comparisons);
  }

  public MonitoringReport {
    windows = List.copyOf(windows);
    windowComparisons = List.copyOf(windowComparisons);
  }

  /**
   * The facts the monitoring and drift rules judge: the windows, their comparisons, the
   * configuration.
   */
  public List<Object> facts() {
    List<Object> facts = new ArrayList<>(windows);
    facts.addAll(windowComparisons);
    facts.add(config);
    return facts;
  }
}
