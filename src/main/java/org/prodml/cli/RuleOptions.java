package org.prodml.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.prodml.rules.EvaluationLimits;
import org.prodml.rules.Thresholds;
import picocli.CommandLine.Option;

/** Which rules judge, and with which thresholds: shared by every command that runs the rules. */
public final class RuleOptions {
  @Option(
      names = "--rules",
      paramLabel = "DIR",
      description = "rule folder (repeatable; default: rules/ of ProdML Lab)")
  List<Path> rules = new ArrayList<>();

  @Option(
      names = "--thresholds",
      paramLabel = "NAME=VALUE",
      split = ",",
      description =
          "override rule thresholds, e.g. skew.maxJsDivergence=0.2 (repeatable; see ./prodml rules list)")
  Map<String, Double> thresholds = new LinkedHashMap<>();

  @Option(
      names = "--rules-max-firings",
      paramLabel = "N",
      description =
          "the most rule firings in one rule run (default 200000); a run past it stops with an error naming the rule")
  Long maxFirings;

  @Option(
      names = "--rules-max-seconds",
      paramLabel = "S",
      description =
          "the longest one rule run may take, in seconds (default 120); a run past it stops with an error naming the rule")
  Double maxSeconds;

  /** The limits of one rule run: the given ones, else the defaults. */
  EvaluationLimits limits() {
    EvaluationLimits defaults = EvaluationLimits.DEFAULT;
    return EvaluationLimits.of(
        maxFirings != null ? maxFirings : defaults.maxFirings(),
        maxSeconds != null ? maxSeconds : defaults.maxTime().toMillis() / 1000.0);
  }

  /** The threshold overrides, each value checked now rather than after the data is read. */
  Map<String, Double> thresholds() {
    Thresholds.check(thresholds);
    return thresholds;
  }

  /** The rule folders: the given ones, else ProdML Lab's. */
  List<Path> folders() {
    return rules.isEmpty() ? List.of(Home.rules()) : rules;
  }
}
