package org.prodml.train;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.prodml.facts.SplitFact;
import org.prodml.facts.TransformFact;

/**
 * What a trained model is, enough to train it again and to know it when it serves: type, label,
 * seed, every hyperparameter (defaults included), the raw inputs and the transforms they pass
 * through, the rows it learned from, how long that took, and a fingerprint of its answers.
 *
 * @param seed the seed; null when trained unseeded (that model cannot be trained again)
 * @param placement where the transforms run: materialized before training, or inside the model at
 *     serving time
 * @param trainedOn the rows the model learned from: the training file, or the training side of a
 *     split of it
 * @param split the split of the training file when no test file was given, else null
 */
public record ModelCard(
    String id,
    String type,
    String task,
    String label,
    List<String> classes,
    Long seed,
    Map<String, String> hyperparameters,
    List<String> features,
    int encodedFeatures,
    List<TransformFact> transforms,
    String placement,
    String trainedOn,
    long trainingRows,
    long trainingMillis,
    String trainingDataEnd,
    String fingerprint,
    String formatVersion,
    SplitFact split) {

  public static ModelCard of(TrainedModel model, String trainedOn, SplitFact split) {
    Map<String, String> hyperparameters = new LinkedHashMap<>();
    for (String h : model.spec().hyperparameters()) {
      int eq = h.indexOf('=');
      hyperparameters.put(h.substring(0, eq), h.substring(eq + 1));
    }
    return new ModelCard(
        model.id(),
        model.type().label(),
        model.task().label(),
        model.label().describe(),
        model.classes(),
        model.seeded() ? model.seed() : null,
        hyperparameters,
        model.transforms().sources(),
        model.transforms().featureNames().size(),
        model.transforms().facts(),
        model.transforms().placement(),
        trainedOn,
        model.trainingRows(),
        model.trainingMillis(),
        model.trainingDataEnd(),
        model.fingerprint(),
        TrainedModel.FORMAT_VERSION,
        split);
  }
}
