package org.prodml.data.scenario;

import java.nio.file.Path;
import org.prodml.data.CsvDamage;

/**
 * A teaching dataset made from a shipped dataset with flaws planted on purpose, so a lesson can
 * show a flaw the real data does not have. Built with a fixed seed from files that are only read,
 * a scenario is the same bytes on every run.
 */
public abstract class Scenario {
  private final String name;
  private final String source;
  private final long seed;

  Scenario(String name, String source, long seed) {
    this.name = name;
    this.source = source;
    this.seed = seed;
  }

  /** The folder name under {@code datasets/scenarios/}. */
  public final String name() {
    return name;
  }

  /** The shipped dataset it is made from: a folder of {@code datasets/}. */
  public final String source() {
    return source;
  }

  public final long seed() {
    return seed;
  }

  /** Builds the scenario's files from the shipped datasets below {@code datasets}. */
  public abstract ScenarioFolder build(Path datasets);

  /** The source's data.csv (only read), with every random draw from this scenario's seed. */
  final CsvDamage readSource(Path datasets) {
    return CsvDamage.of(datasets.resolve(source).resolve("data.csv"), seed);
  }
}
