package org.prodml.stages;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.prodml.audit.ModelAudit;
import org.prodml.audit.ModelCard;
import org.prodml.data.ColumnRoles;
import org.prodml.facts.ModelFact;
import org.prodml.pipeline.Params;
import org.prodml.pipeline.PipelineState;
import org.prodml.pipeline.Progress;
import org.prodml.pipeline.Stage;
import org.prodml.pipeline.StageException;
import org.prodml.pipeline.StageResult;
import org.prodml.render.Tables;
import org.prodml.report.ModelTables;
import org.prodml.rules.Judgement;
import org.prodml.train.LabelSpec;
import org.prodml.train.ModelSpec;
import org.prodml.train.TrainedModel;
import org.prodml.train.Trainer;
import org.prodml.transform.FittedTransforms;
import tech.tablesaw.api.Table;

/**
 * Trains a model on the training table through the note's fitted transforms (or, when no transform
 * paragraph ran, the automatic plan for the model type, fitted here on the same rows). The model
 * that was current becomes the previous model, which the evaluation's quality gate compares with.
 */
public final class TrainStage implements Stage {
  /** Hyperparameters a paragraph may give, passed to the model type that takes them. */
  static final List<String> HYPERPARAMETERS = List.of("trees", "maxDepth", "maxNodes", "nodeSize", "mtry", "subsample",
      "shrinkage", "lambda", "iterations");

  @Override
  public String name() {
    return "train";
  }

  @Override
  public String summary() {
    return "train a model (logistic, linear, forest, gbt, baseline) with a seed; record hyperparameters and a fingerprint";
  }

  @Override
  public Map<String, String> parameters() {
    Map<String, String> p = new LinkedHashMap<>();
    p.put("model", "logistic, linear, forest, gbt or baseline (default: logistic for classes, linear for numbers)");
    p.put("label", "the label column (default: the data's label)");
    p.put("above", "derive a yes/no label: label > this number (e.g. above=15 for delayed flights)");
    p.put("on", "the table to train on (default: train if split, else data)");
    p.put("features", "raw feature columns when no transform paragraph ran (default: all non-role columns)");
    p.put("seed", "the seed (default: the note's seed; none = unseeded, recorded as such)");
    p.put("trees", "trees of a forest (default 50) or boosting rounds (default 100)");
    p.put("maxDepth", "tree depth limit (forest 20, gbt 6)");
    p.put("maxNodes", "leaf limit per tree (forest rows/5, gbt 6)");
    p.put("nodeSize", "smallest leaf (default 5)");
    p.put("mtry", "features tried per split in a forest (default √p, p/3 for regression)");
    p.put("subsample", "share of rows per tree (forest 1.0 = bootstrap, gbt 0.7)");
    p.put("shrinkage", "gbt learning rate (default 0.1)");
    p.put("lambda", "logistic regularization (default 0.01)");
    p.put("iterations", "logistic L-BFGS iterations (default 500)");
    p.put("thresholds", "rule threshold overrides, e.g. name:value");
    return p;
  }

  @Override
  public StageResult run(PipelineState state, Params params, Progress progress) {
    String on = params.string("on", StageKeys.trainingTable(state));
    Table table = state.requireTable(on, "%prodml.load(file=…)");
    ColumnRoles roles = StageKeys.roles(state);
    LabelSpec label = label(params, roles, table);
    ModelSpec spec = spec(params, state, label, table);
    FittedTransforms transforms = state.get(ModelKeys.TRANSFORMS).orElse(null);
    String transformsNote;
    if (transforms == null || !table.columnNames().containsAll(transforms.inputColumns())) {
      List<String> features = params.has("features") ? params.list("features")
          : roles.withLabel(label.column()).features(table.columnNames());
      ModelSpec chosen = spec;
      transforms = StageSupport.library(() -> ModelAudit.automaticTransforms(table, on, features, chosen.type()));
      state.put(ModelKeys.TRANSFORMS, transforms);
      state.put(ModelKeys.TRANSFORMS_FITTED_ON, on);
      state.setFacts("transform", transforms.facts());
      transformsNote = "the automatic " + spec.type().encoding().name().toLowerCase() + " plan, fitted here on '" + on + "'";
    } else {
      if (params.has("features")) {
        throw new StageException("the note's transform paragraph decides the features; change it there, or leave out features=");
      }
      transformsNote = "the note's transforms, fitted on '" + state.get(ModelKeys.TRANSFORMS_FITTED_ON).orElse("?") + "'";
    }
    FittedTransforms used = transforms;
    TrainedModel model = StageSupport.library(() -> Trainer.train(table, used, spec, roles.time(), StageSupport.work(progress)));
    state.get(ModelKeys.MODEL).ifPresent(previous -> state.put(ModelKeys.PREVIOUS_MODEL, previous));
    state.put(ModelKeys.MODEL, model);
    state.put(ModelKeys.TRAINED_ON, on);
    state.remove(ModelKeys.EVALUATION);
    // What was measured of the previous model (its evaluation, serving, monitoring and deployment
    // tests) does not describe this one; those stages must run again for it.
    for (String source : List.of("evaluate", "serve", "monitor", "deploy")) {
      state.clearFacts(source);
    }
    ModelFact fact = model.fact();
    state.setFacts("train", List.of(fact));
    Judgement judgement = StageSupport.judge(state, params, StageSupport.stage(org.prodml.rules.Stage.TRAIN));
    return StageResult.builder()
        .text("Trained " + model.id() + " on '" + on + "' (" + model.trainingRows() + " rows) in " + model.trainingMillis() + " ms"
            + (model.seeded() ? " with seed " + model.seed() : " without a seed") + "; " + StageSupport.findingsSummary(judgement.findings().size()) + ".")
        .table(Tables.findings("findings", judgement.findings()))
        .findings(judgement.findings())
        .table(ModelTables.card(ModelCard.of(model, on, null), transformsNote))
        .build();
  }

  static LabelSpec label(Params params, ColumnRoles roles, Table table) {
    String column = params.string("label", roles.label());
    if (column == null) {
      throw new StageException("no label: write %prodml.train(label=…) or name it in %prodml.load(label=…)");
    }
    if (!table.columnNames().contains(column)) {
      throw new StageException("no label column '" + column + "'; the data has " + String.join(", ", table.columnNames()));
    }
    Double above = params.has("above") ? params.decimal("above", 0) : null;
    return new LabelSpec(column, above);
  }

  static ModelSpec spec(Params params, PipelineState state, LabelSpec label, Table table) {
    Map<String, String> given = new LinkedHashMap<>();
    for (String h : HYPERPARAMETERS) {
      if (params.has(h)) {
        given.put(h, params.string(h, null));
      }
    }
    Long seed = StageSupport.seed(params, state);
    return StageSupport.library(() -> ModelAudit.modelSpec(table, label, params.string("model", null), seed, given));
  }
}
