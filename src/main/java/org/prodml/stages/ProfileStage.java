package org.prodml.stages;

import java.util.ArrayList;
import java.util.List;
import org.prodml.chart.Charts;
import org.prodml.pipeline.ArtifactKey;
import org.prodml.pipeline.Parameter;
import org.prodml.pipeline.Params;
import org.prodml.pipeline.PipelineState;
import org.prodml.pipeline.Stage;
import org.prodml.pipeline.StageResult;
import org.prodml.profile.ColumnProfile;
import org.prodml.profile.DatasetProfile;
import org.prodml.render.Tables;
import org.prodml.work.Work;

/**
 * Measures a table: per column counts, missing and invalid values, distinct values, range,
 * quantiles and a histogram or the most frequent values. The profile is also the data's inferred
 * schema, and its facts are what validation rules judge.
 */
public final class ProfileStage implements Stage {
  /**
   * Charts a paragraph draws at most, one per column from the first: a note page of a table of
   * thousands of columns must still open (the table, and {@code audit.json}, have every column).
   */
  static final int MAX_CHARTS = 12;

  @Override
  public String name() {
    return "profile";
  }

  @Override
  public String summary() {
    return "measure a table: missing values, ranges, distributions (its inferred schema)";
  }

  @Override
  public List<Parameter> parameters() {
    return List.of(
        Parameter.of(Parameter.ON, "the table to profile (default: data, else the training table)"),
        Parameter.of(
            "charts",
            "draw a chart per column, for the first " + MAX_CHARTS + " columns (default true)"));
  }

  @Override
  public StageResult run(PipelineState state, Params params, Work work) {
    String name =
        params.string(
            Parameter.ON, state.hasTable("data") ? "data" : StageSupport.trainingTable(state));
    DatasetProfile profile = StageSupport.profile(state, name);
    boolean charts = params.bool("charts", true);
    ArtifactKey<Rendered> key = ArtifactKey.of("profile view of " + name, Rendered.class);
    var shown = state.get(key);
    if (shown.isPresent() && shown.get().profile() == profile && shown.get().charts() == charts) {
      return shown.get().result(); // the same measured profile: the same tables and charts
    }
    StageResult.Builder result =
        StageResult.builder()
            .text(
                "Profiled '"
                    + name
                    + "': "
                    + profile.rows()
                    + " rows, "
                    + profile.columns().size()
                    + " columns"
                    + (profile.duplicateRows() > 0
                        ? ", "
                            + profile.duplicateRows()
                            + (profile.duplicatesExact() ? "" : " (estimated)")
                            + " duplicate rows"
                        : "")
                    + ".")
            .table(Tables.profile("profile of " + name, profile));
    if (charts) {
      List<String> svgs = new ArrayList<>();
      for (ColumnProfile c : profile.columns()) {
        if (svgs.size() == MAX_CHARTS) {
          result.text(
              "Charts for the first "
                  + MAX_CHARTS
                  + " of "
                  + profile.columns().size()
                  + " columns; the table has them all.");
          break;
        }
        svgs.add(Charts.distribution(c));
      }
      result.html(Charts.row(svgs));
    }
    StageResult built = result.build();
    state.put(key, new Rendered(profile, charts, built));
    return built;
  }

  /** What a profile paragraph showed for a profile, kept so re-running it does not redraw. */
  record Rendered(DatasetProfile profile, boolean charts, StageResult result) {}
}
