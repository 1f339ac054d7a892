package org.prodml.stages;

import org.prodml.evaluate.EvaluationResult;
import org.prodml.pipeline.ArtifactKey;
import org.prodml.simulate.InferenceSimulation;
import org.prodml.simulate.TrainingSimulation;
import org.prodml.train.TrainedModel;
import org.prodml.transform.FittedTransforms;

/** Artifacts the model stages (transform … deploy) keep in a note's pipeline state. */
public final class ModelKeys {
  private ModelKeys() {}

  /** The fitted transforms of the transform stage (a model carries its own copy). */
  public static final ArtifactKey<FittedTransforms> TRANSFORMS = ArtifactKey.of("fitted transforms", FittedTransforms.class);

  /** The table the transforms were fitted on. */
  public static final ArtifactKey<String> TRANSFORMS_FITTED_ON = ArtifactKey.of("table the transforms were fitted on", String.class);

  /** The current model. */
  public static final ArtifactKey<TrainedModel> MODEL = ArtifactKey.of("trained model", TrainedModel.class);

  /** The table the current model was trained on. */
  public static final ArtifactKey<String> TRAINED_ON = ArtifactKey.of("table the model was trained on", String.class);

  /** The model before the current one: what a quality gate compares with. */
  public static final ArtifactKey<TrainedModel> PREVIOUS_MODEL = ArtifactKey.of("previous model", TrainedModel.class);

  /** The current model's latest evaluation. */
  public static final ArtifactKey<EvaluationResult> EVALUATION = ArtifactKey.of("evaluation", EvaluationResult.class);

  public static final ArtifactKey<TrainingSimulation> TRAINING_SIMULATION = ArtifactKey.of("training-paradigm simulation", TrainingSimulation.class);

  public static final ArtifactKey<InferenceSimulation> INFERENCE_SIMULATION = ArtifactKey.of("inference-paradigm simulation", InferenceSimulation.class);

  static final String TRAIN_FIRST = "%prodml.train(model=…)";
}
