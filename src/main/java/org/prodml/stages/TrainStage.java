package org.prodml.stages;

import java.util.List;
import org.prodml.data.ColumnRoles;
import org.prodml.evaluate.TrainingGroups;
import org.prodml.facts.ModelFact;
import org.prodml.pipeline.Parameter;
import org.prodml.pipeline.Params;
import org.prodml.pipeline.PipelineState;
import org.prodml.pipeline.Stage;
import org.prodml.pipeline.StageException;
import org.prodml.pipeline.StageResult;
import org.prodml.render.ModelTables;
import org.prodml.render.Tables;
import org.prodml.rules.Judgement;
import org.prodml.train.LabelSpec;
import org.prodml.train.ModelCard;
import org.prodml.train.ModelSpec;
import org.prodml.train.ModelType;
import org.prodml.train.TrainedModel;
import org.prodml.train.Trainer;
import org.prodml.transform.FittedTransforms;
import org.prodml.work.Work;
import tech.tablesaw.api.Table;

/**
 * Trains a model on the training table through the note's fitted transforms (or, when no transform
 * paragraph ran, the automatic plan for the model type, fitted here on the same rows). The model
 * that was current becomes the previous model, which the evaluation's quality gate compares with.
 */
public final class TrainStage implements Stage {
  @Override
  public String name() {
    return "train";
  }

  @Override
  public String summary() {
    return "train a model with a seed; record hyperparameters and a fingerprint";
  }

  @Override
  public List<Parameter> parameters() {
    return List.of(
        Parameter.of(
            "model",
            "the model type (default: logistic for classes, linear for numbers)",
            ModelType.class,
            ModelType::label),
        Parameter.of("label", "the label column (default: the data's label)"),
        Parameter.of(
            "above",
            "derive a yes/no label: label > this number (e.g. above=15 for delayed flights)"),
        Parameter.of(Parameter.ON, "the table to train on (default: train if split, else data)"),
        Parameter.of(
            "features",
            "raw feature columns when no transform paragraph ran (default: all non-role columns)"),
        StageSupport.seedParameter("the training"),
        Parameter.of("trees", "trees of a forest (default 50) or boosting rounds (default 100)"),
        Parameter.of("maxDepth", "tree depth limit (forest 20, gbt 6)"),
        Parameter.of("maxNodes", "leaf limit per tree (forest rows/5, gbt 6)"),
        Parameter.of("nodeSize", "smallest leaf (default 5)"),
        Parameter.of(
            "mtry", "features tried per split in a forest (default √p, p/3 for regression)"),
        Parameter.of("subsample", "share of rows per tree (forest 1.0 = bootstrap, gbt 0.7)"),
        Parameter.of("shrinkage", "gbt learning rate (default 0.1)"),
        Parameter.of("lambda", "logistic regularization (default 0.01)"),
        Parameter.of("iterations", "logistic L-BFGS iterations (default 500)"),
        StageSupport.thresholdsParameter("importance.minRelative:0.02"));
  }

  @Override
  public StageResult run(PipelineState state, Params params, Work work) {
    String on = params.string(Parameter.ON, StageSupport.trainingTable(state));
    Table table = state.requireTable(on, "%prodml.load(file=…)");
    ColumnRoles roles = StageSupport.roles(state);
    LabelSpec label = StageSupport.label(params, roles, table);
    ModelSpec spec = StageSupport.spec(params, state, label, table);
    FittedTransforms transforms = state.get(StageKeys.TRANSFORMS).orElse(null);
    String transformsNote;
    if (transforms == null || !table.columnNames().containsAll(transforms.inputColumns())) {
      List<String> features =
          params.has("features")
              ? params.list("features")
              : roles.withLabel(label.column()).features(table.columnNames());
      StageSupport.requireColumns(table, on, "features", features);
      if (features.contains(label.column())) {
        throw new StageException("the label " + label.column() + " cannot be one of the features");
      }
      ModelSpec chosen = spec;
      transforms =
          StageSupport.library(
              () -> Trainer.automaticTransforms(table, on, features, chosen.type()));
      state.put(StageKeys.TRANSFORMS, transforms);
      state.put(StageKeys.TRANSFORMS_FITTED_ON, on);
      state.setFacts("transform", transforms.facts());
      transformsNote =
          "the automatic "
              + spec.type().encoding().name().toLowerCase()
              + " plan, fitted here on '"
              + on
              + "'";
    } else {
      if (params.has("features")) {
        throw new StageException(
            "the note's transform paragraph decides the features; change it there, or leave out features=");
      }
      transformsNote =
          "the note's transforms, fitted on '"
              + state.get(StageKeys.TRANSFORMS_FITTED_ON).orElse("?")
              + "'";
    }
    FittedTransforms used = transforms;
    TrainedModel model =
        StageSupport.library(() -> Trainer.train(table, used, spec, roles.time(), work));
    state.get(StageKeys.MODEL).ifPresent(previous -> state.put(StageKeys.PREVIOUS_MODEL, previous));
    state.put(StageKeys.MODEL, model);
    state.remove(StageKeys.PREVIOUS_MODEL_GROUPS);
    state
        .get(StageKeys.MODEL_GROUPS)
        .ifPresent(groups -> state.put(StageKeys.PREVIOUS_MODEL_GROUPS, groups));
    state.remove(StageKeys.MODEL_GROUPS);
    if (roles.group() != null && table.columnNames().contains(roles.group())) {
      state.put(StageKeys.MODEL_GROUPS, TrainingGroups.of(table, roles.group()));
    }
    state.put(StageKeys.TRAINED_ON, on);
    // What was measured of the previous model (its evaluation, serving, monitoring and deployment
    // tests) does not describe this one; those stages must run again for it.
    for (var key : List.of(StageKeys.EVALUATION, StageKeys.SERVING, StageKeys.MONITORING)) {
      state.remove(key);
    }
    for (String source : List.of("evaluate", "serve", "monitor", "deploy")) {
      state.clearFacts(source);
    }
    ModelFact fact = model.fact();
    state.setFacts("train", List.of(fact));
    Judgement judgement =
        StageSupport.judge(state, params, StageSupport.stage(org.prodml.rules.Stage.TRAIN));
    return StageResult.builder()
        .text(
            "Trained "
                + model.id()
                + " on '"
                + on
                + "' ("
                + model.trainingRows()
                + " rows) in "
                + model.trainingMillis()
                + " ms"
                + (model.seeded() ? " with seed " + model.seed() : " without a seed")
                + "; "
                + StageSupport.findingsSummary(judgement.findings().size())
                + ".")
        .table(Tables.findings("findings", judgement.findings()))
        .findings(judgement.findings())
        .table(ModelTables.card(ModelCard.of(model, on, null), transformsNote))
        .build();
  }
}
