package org.prodml.data.scenario;

/**
 * A scenario of the precision suite: real rows of a public table that ProdML Lab's rules were never
 * written against, split into training, test and serving files the way a team would split them,
 * either honestly (a clean control) or with flaws planted on purpose. Its folder holds the files, a
 * DATASHEET.md and {@code expectations.json}: how to audit it and which findings the audit must
 * raise (planted flaws) or may raise (findings true of the real data, each explained). The files
 * carry no {@code dataset.json}: the audit infers every type, as it would for a new user's files.
 */
public abstract class PrecisionScenario extends Scenario {
  private final boolean control;
  private final boolean heldOut;

  /**
   * @param control a clean, honest split with nothing planted
   * @param heldOut kept out of sight while the rules were changed, then checked
   */
  PrecisionScenario(
      String name, String source, long seed, String planted, boolean control, boolean heldOut) {
    super(name, source, "data.csv", seed, planted);
    this.control = control;
    this.heldOut = heldOut;
  }

  public final boolean control() {
    return control;
  }

  public final boolean heldOut() {
    return heldOut;
  }
}
