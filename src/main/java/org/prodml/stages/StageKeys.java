package org.prodml.stages;

import org.prodml.course.ExerciseProgress;
import org.prodml.data.ColumnRoles;
import org.prodml.evaluate.ModelEvaluation;
import org.prodml.evaluate.TrainingGroups;
import org.prodml.monitor.MonitoringReport;
import org.prodml.pipeline.ArtifactKey;
import org.prodml.profile.DataFacts;
import org.prodml.readiness.Answers;
import org.prodml.serve.ServingReport;
import org.prodml.simulate.InferenceSimulation;
import org.prodml.simulate.TrainingSimulation;
import org.prodml.train.TrainedModel;
import org.prodml.transform.FittedTransforms;

/**
 * The artifacts stages keep in a note's pipeline state, one typed key each. A stage writes its own
 * and reads the others', and a front end (the command-line audit) reads them all to write its
 * report, so every key is declared here once.
 */
public final class StageKeys {
  private StageKeys() {}

  /** What each column of the note's data is for (label, time, group …). */
  public static final ArtifactKey<ColumnRoles> ROLES =
      ArtifactKey.of("column roles", ColumnRoles.class);

  /** The data-validation comparisons of the tables validated against the training table. */
  public static final ArtifactKey<DataFacts.Result> VALIDATION =
      ArtifactKey.of("validation", DataFacts.Result.class);

  /** The fitted transforms of the transform stage (a model carries its own copy). */
  public static final ArtifactKey<FittedTransforms> TRANSFORMS =
      ArtifactKey.of("fitted transforms", FittedTransforms.class);

  /** The table the transforms were fitted on. */
  public static final ArtifactKey<String> TRANSFORMS_FITTED_ON =
      ArtifactKey.of("table the transforms were fitted on", String.class);

  /** The current model. */
  public static final ArtifactKey<TrainedModel> MODEL =
      ArtifactKey.of("trained model", TrainedModel.class);

  /** The table the current model was trained on. */
  public static final ArtifactKey<String> TRAINED_ON =
      ArtifactKey.of("table the model was trained on", String.class);

  /** The model before the current one: what a quality gate compares with. */
  public static final ArtifactKey<TrainedModel> PREVIOUS_MODEL =
      ArtifactKey.of("previous model", TrainedModel.class);

  /** The groups the current model trained on, when the data has a group column. */
  public static final ArtifactKey<TrainingGroups> MODEL_GROUPS =
      ArtifactKey.of("groups the model trained on", TrainingGroups.class);

  /** The groups the previous model trained on: the quality gate does not compare on them. */
  public static final ArtifactKey<TrainingGroups> PREVIOUS_MODEL_GROUPS =
      ArtifactKey.of("groups the previous model trained on", TrainingGroups.class);

  /** The current model's latest evaluation, beside its baseline, slices, importances and gate. */
  public static final ArtifactKey<ModelEvaluation> EVALUATION =
      ArtifactKey.of("evaluation", ModelEvaluation.class);

  /** The current model served both ways. */
  public static final ArtifactKey<ServingReport> SERVING =
      ArtifactKey.of("serving", ServingReport.class);

  /** The current model's monitoring replay. */
  public static final ArtifactKey<MonitoringReport> MONITORING =
      ArtifactKey.of("monitoring", MonitoringReport.class);

  /**
   * Readiness answers read from an answers file (a paragraph's own answers are kept beside them).
   */
  public static final ArtifactKey<Answers> ANSWERS_FILE =
      ArtifactKey.of("answers file", Answers.class);

  /** The note's latest audit: its one rule run and the readiness it gives. */
  public static final ArtifactKey<AuditOutcome> AUDIT = ArtifactKey.of("audit", AuditOutcome.class);

  public static final ArtifactKey<TrainingSimulation> TRAINING_SIMULATION =
      ArtifactKey.of("training-paradigm simulation", TrainingSimulation.class);

  public static final ArtifactKey<InferenceSimulation> INFERENCE_SIMULATION =
      ArtifactKey.of("inference-paradigm simulation", InferenceSimulation.class);

  /** The learner's progress at the exercises: the workspace's file, or this note's, in memory. */
  public static final ArtifactKey<ExerciseProgress> PROGRESS =
      ArtifactKey.of("exercise progress", ExerciseProgress.class);

  /** What a paragraph writes to get a model, in error messages. */
  static final String TRAIN_FIRST = "%prodml.train(model=…)";
}
