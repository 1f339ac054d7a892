package org.prodml.stages;

import org.prodml.data.ColumnRoles;
import org.prodml.pipeline.ArtifactKey;
import org.prodml.pipeline.PipelineState;

/** Artifacts several stages share. */
public final class StageKeys {
  private StageKeys() {}

  /** What each column of the note's data is for (label, time, group …). */
  public static final ArtifactKey<ColumnRoles> ROLES = ArtifactKey.of("column roles", ColumnRoles.class);

  public static ColumnRoles roles(PipelineState state) {
    return state.get(ROLES).orElse(ColumnRoles.none());
  }

  /** The rule role of a table name: the loaded "data" and the "train" split are training data. */
  public static String role(String table) {
    return switch (table) {
      case "data", "train" -> "train";
      default -> table;
    };
  }

  /** The training table: the "train" split when there is one, else the loaded "data". */
  public static String trainingTable(PipelineState state) {
    return state.table("train").isPresent() ? "train" : "data";
  }
}
