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
  /** What a scenario is for. */
  public enum Kind {
    /** A clean, honest split with nothing planted: no finding may be CRITICAL. */
    CONTROL,
    /** Flaws planted on purpose, each to be found. */
    PLANTED,
    /**
     * An honest split whose real data holds anomalies nobody planted, documented from outside the
     * data: its findings are explained, and it counts neither for recall nor as a control.
     */
    REAL;

    public String label() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }
  }

  private final Kind kind;
  private final boolean heldOut;

  /**
   * @param heldOut kept out of sight while the rules were changed, then checked
   */
  PrecisionScenario(
      String name, String source, long seed, String planted, Kind kind, boolean heldOut) {
    super(name, source, "data.csv", seed, planted);
    this.kind = kind;
    this.heldOut = heldOut;
  }

  public final Kind kind() {
    return kind;
  }

  public final boolean control() {
    return kind == Kind.CONTROL;
  }

  public final boolean heldOut() {
    return heldOut;
  }
}
