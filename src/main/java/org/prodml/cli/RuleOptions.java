package org.prodml.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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

  /** The rule folders: the given ones, else ProdML Lab's. */
  List<Path> folders() {
    return rules.isEmpty() ? List.of(Home.rules()) : rules;
  }
}
