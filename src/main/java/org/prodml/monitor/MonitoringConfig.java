package org.prodml.monitor;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.prodml.facts.MonitoringConfigFact;

/**
 * The monitoring declared for a model: the checks to run on served data ({@link MonitoringCheck}),
 * their limits, and who is alerted. No checks means no monitoring.
 */
public record MonitoringConfig(
    List<String> checks, Map<String, Double> thresholds, String owner, WindowSpec window) {

  public MonitoringConfig {
    checks = checks.stream().map(c -> MonitoringCheck.parse(c).label()).toList();
    thresholds = new TreeMap<>(thresholds);
  }

  public boolean configured() {
    return !checks.isEmpty();
  }

  public MonitoringConfigFact fact() {
    List<String> limits = new ArrayList<>();
    thresholds.forEach((k, v) -> limits.add(k + "=" + v));
    return new MonitoringConfigFact(
        configured(),
        checks,
        limits,
        owner == null || owner.isBlank() ? null : owner,
        window.lengthDays());
  }
}
