package org.prodml.facts;

import java.util.List;

/**
 * The monitoring a note declared for its model: which checks run on served data, with which limits,
 * and who is alerted.
 *
 * @param configured whether any monitoring was declared
 * @param checks the checks, e.g. drift, volume, nan, age, quality
 * @param thresholds "name=value" limits of those checks
 * @param alertOwner who is alerted (null when nobody)
 * @param windowDays the length of a monitoring window
 */
public record MonitoringConfigFact(
    boolean configured,
    List<String> checks,
    List<String> thresholds,
    String alertOwner,
    int windowDays) {}
