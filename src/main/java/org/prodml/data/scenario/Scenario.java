package org.prodml.data.scenario;

import java.nio.file.Path;

/**
 * A teaching dataset made from a shipped dataset with flaws planted on purpose, so a lesson can
 * show a flaw the real data does not have. Built with a fixed seed from files that are only read,
 * a scenario is the same bytes on every run.
 */
public interface Scenario {
  /** The folder name under {@code datasets/scenarios/}. */
  String name();

  /** The shipped dataset it is made from: a folder of {@code datasets/}. */
  String source();

  long seed();

  /** Builds the scenario's files from the shipped datasets below {@code datasets}. */
  ScenarioFolder build(Path datasets);
}
