package org.prodml.stages;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.prodml.data.ColumnRoles;
import org.prodml.facts.TransformFact;
import org.prodml.pipeline.Parameter;
import org.prodml.pipeline.Params;
import org.prodml.pipeline.PipelineState;
import org.prodml.pipeline.Stage;
import org.prodml.pipeline.StageResult;
import org.prodml.render.TableBlock;
import org.prodml.render.Tables;
import org.prodml.rules.Judgement;
import org.prodml.stats.FiniteValues;
import org.prodml.text.Format;
import org.prodml.transform.Encoding;
import org.prodml.transform.FeatureMatrix;
import org.prodml.transform.FitScope;
import org.prodml.transform.FittedTransforms;
import org.prodml.transform.Placement;
import org.prodml.transform.TransformKind;
import org.prodml.transform.TransformPlan;
import org.prodml.work.Work;
import tech.tablesaw.api.Table;

/**
 * Declares the feature transforms (one per line in the paragraph's body, or an automatic plan for
 * the model family) and fits them on the training table; then shows what the fitted transforms do
 * to every table of the note. Fitted on training rows, a standardized feature has mean 0 there and
 * not elsewhere, which is drift made visible; fitted per batch, every table looks centered and the
 * drift is hidden from the model.
 */
public final class TransformStage implements Stage {
  @Override
  public String name() {
    return "transform";
  }

  @Override
  public String summary() {
    return "declare feature transforms (standardize, bucketize, one-hot, hash, cross …) and fit them on training data";
  }

  @Override
  public List<Parameter> parameters() {
    return List.of(
        Parameter.of(Parameter.ON, "the table to fit on (default: train if split, else data)"),
        Parameter.of(
            "for",
            "the model family automatic encodings are chosen for (default linear)",
            Encoding.class,
            e -> e.name().toLowerCase(java.util.Locale.ROOT)),
        Parameter.of(
            "fit",
            "fit once on training rows (default) or refit on every batch (the per-batch mistake)",
            FitScope.class,
            FitScope::label),
        Parameter.of(
            "placement",
            "applied before training (default) or travelling with the model",
            Placement.class,
            Placement::label),
        Parameter.of(
            "features",
            "the raw feature columns, comma-separated (default: every column that is not label, time, group or id)"),
        StageSupport.thresholdsParameter("skew.maxMismatchShare:0.05"));
  }

  @Override
  public StageResult run(PipelineState state, Params params, Work work) {
    String of = params.string(Parameter.ON, StageSupport.trainingTable(state));
    Table table = state.requireTable(of, "%prodml.load(file=…)");
    ColumnRoles roles = StageSupport.roles(state);
    List<String> features =
        params.has("features") ? params.list("features") : roles.features(table.columnNames());
    Encoding encoding =
        params.choice("for", "linear", parameter("for").get().choices()).equals("tree")
            ? Encoding.TREE
            : Encoding.LINEAR;
    FitScope scope = StageSupport.library(() -> FitScope.parse(params.string("fit", "training")));
    Placement placement =
        StageSupport.library(() -> Placement.parse(params.string("placement", "materialized")));
    for (String f : features) {
      if (!table.columnNames().contains(f)) {
        throw new org.prodml.pipeline.StageException(
            "no column '"
                + f
                + "' in "
                + of
                + "; it has "
                + String.join(", ", table.columnNames()));
      }
    }
    boolean declared = !params.body().isBlank();
    FittedTransforms fitted =
        StageSupport.library(
            () -> {
              TransformPlan plan =
                  declared
                      ? TransformPlan.parse(
                          table, features, params.body(), encoding, placement, scope)
                      : TransformPlan.auto(table, features, encoding, placement, scope);
              return plan.fit(table, of);
            });
    state.put(StageKeys.TRANSFORMS, fitted);
    state.put(StageKeys.TRANSFORMS_FITTED_ON, of);
    state.setFacts("transform", fitted.facts());
    Judgement judgement =
        StageSupport.judge(state, params, StageSupport.stage(org.prodml.rules.Stage.TRANSFORM));

    StageResult.Builder result =
        StageResult.builder()
            .text(
                "Fitted "
                    + fitted.steps().size()
                    + " transform"
                    + (fitted.steps().size() == 1 ? "" : "s")
                    + (declared
                        ? ""
                        : " (automatic plan for " + encoding.name().toLowerCase() + " models)")
                    + " on '"
                    + of
                    + "' ("
                    + table.rowCount()
                    + " rows), fit "
                    + scope.label()
                    + ", "
                    + fitted.placement()
                    + ": "
                    + fitted.featureNames().size()
                    + " features from "
                    + fitted.inputColumns().size()
                    + " columns; "
                    + StageSupport.findingsSummary(judgement.findings().size())
                    + ".")
            .table(Tables.findings("findings", judgement.findings()))
            .findings(judgement.findings())
            .table(transforms(fitted))
            .table(effect(state, fitted));
    FeatureMatrix preview = fitted.apply(table.first(Math.min(5, table.rowCount())));
    result.table(preview(preview));
    result.table(kinds());
    return result.build();
  }

  static TableBlock transforms(FittedTransforms fitted) {
    List<List<String>> rows = new ArrayList<>();
    for (TransformFact f : fitted.facts()) {
      rows.add(
          List.of(
              f.transform(),
              f.column(),
              f.outputs().size() <= 3
                  ? String.join(", ", f.outputs())
                  : f.outputs().size() + " columns",
              f.fitScope(),
              f.placement(),
              f.parameters(),
              Format.cell(f.outputMin()),
              Format.cell(f.outputMax()),
              String.valueOf(f.nonFinite())));
    }
    return TableBlock.of(
        "fitted transforms",
        List.of(
            "transform",
            "column",
            "outputs",
            "fit",
            "placement",
            "fitted parameters",
            "min out",
            "max out",
            "NaN/Inf made"),
        rows);
  }

  /**
   * Mean and standard deviation of each numeric feature (not one-hot indicators) after the
   * transforms, on every table of the note: what the model will see from each.
   */
  static TableBlock effect(PipelineState state, FittedTransforms fitted) {
    Map<String, FeatureMatrix> byTable = new LinkedHashMap<>();
    for (var e : state.tables().entrySet()) {
      if (e.getValue().columnNames().containsAll(fitted.inputColumns())) {
        byTable.put(e.getKey(), fitted.apply(e.getValue()));
      }
    }
    List<String> header = new ArrayList<>(List.of("feature"));
    byTable.keySet().forEach(t -> header.add(t + " mean ± sd"));
    List<List<String>> rows = new ArrayList<>();
    for (String f : fitted.featureNames()) {
      if (f.contains("=") || f.contains("#") || f.contains("_bucket")) {
        continue; // indicator columns: their means are shares, shown by profile and validate
      }
      List<String> row = new ArrayList<>(List.of(f));
      for (FeatureMatrix m : byTable.values()) {
        double[] v = m.column(f);
        double mean = FiniteValues.mean(v);
        double sd = FiniteValues.sampleSd(v);
        // A column centered on these very rows sums to rounding noise (1e-15), not to a mean worth
        // 20 digits.
        row.add(Format.cell(centered(mean, sd)) + " ± " + Format.cell(sd));
      }
      rows.add(row);
    }
    return TableBlock.of("features after the transforms, per table", header, rows);
  }

  /**
   * The mean, or 0 when it is rounding noise next to the spread (a column standardized on its own
   * rows).
   */
  static double centered(double mean, double sd) {
    return Math.abs(mean) < 1e-9 * (Double.isFinite(sd) ? Math.max(1, sd) : 1) ? 0 : mean;
  }

  private static TableBlock preview(FeatureMatrix m) {
    List<List<String>> rows = new ArrayList<>();
    for (int r = 0; r < m.rows(); r++) {
      List<String> row = new ArrayList<>();
      for (int c = 0; c < m.width(); c++) {
        row.add(Format.cell(m.columns()[c][r]));
      }
      rows.add(row);
    }
    return TableBlock.of("first rows as the model sees them", m.names(), rows);
  }

  private static TableBlock kinds() {
    List<List<String>> rows = new ArrayList<>();
    for (TransformKind k : TransformKind.values()) {
      rows.add(List.of(k.keyword(), k.description()));
    }
    return TableBlock.of(
        "transforms a body line can declare (e.g. 'standardize temp_max', 'bucketize wind buckets=4')",
        List.of("transform", "what it does"),
        rows);
  }
}
