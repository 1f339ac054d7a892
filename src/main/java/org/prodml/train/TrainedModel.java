package org.prodml.train;

import java.util.List;
import org.prodml.facts.ModelFact;
import org.prodml.transform.FeatureMatrix;
import org.prodml.transform.FittedTransforms;
import org.prodml.transform.Frame;
import tech.tablesaw.api.Table;

/**
 * A trained model together with the fitted transforms it was trained on: they travel together, so
 * any table, batch or request reaches the model encoded exactly as its training rows were.
 */
public final class TrainedModel {
  /** The format of models this version writes; serving checks it accepts the format. */
  public static final String FORMAT_VERSION = "prodml-model/1+smile-3.1.1";

  private final ModelSpec spec;
  private final Task task;
  private final List<String> classes;
  private final FittedTransforms transforms;
  private final Predictor predictor;
  private final boolean seeded;
  private final long seed;
  private final long trainingRows;
  private final long trainingMillis;
  private final String trainingDataEnd;
  private final double trainingDataEndSeconds;
  private final String fingerprint;
  private final double[] labelRange;

  TrainedModel(
      ModelSpec spec,
      Task task,
      List<String> classes,
      FittedTransforms transforms,
      Predictor predictor,
      boolean seeded,
      long seed,
      long trainingRows,
      long trainingMillis,
      String trainingDataEnd,
      double trainingDataEndSeconds,
      String fingerprint,
      double[] labelRange) {
    this.spec = spec;
    this.task = task;
    this.classes = List.copyOf(classes);
    this.transforms = transforms;
    this.predictor = predictor;
    this.seeded = seeded;
    this.seed = seed;
    this.trainingRows = trainingRows;
    this.trainingMillis = trainingMillis;
    this.trainingDataEnd = trainingDataEnd;
    this.trainingDataEndSeconds = trainingDataEndSeconds;
    this.fingerprint = fingerprint;
    this.labelRange = labelRange.clone();
  }

  /** The smallest and largest training label (regression); NaN for classification. */
  public double[] labelRange() {
    return labelRange.clone();
  }

  /** "forest-3fa2c1d0": the type and the start of the fingerprint. */
  public String id() {
    return spec.type().label() + "-" + fingerprint.substring(0, 8);
  }

  public ModelSpec spec() {
    return spec;
  }

  public ModelType type() {
    return spec.type();
  }

  public Task task() {
    return task;
  }

  public LabelSpec label() {
    return spec.label();
  }

  /** Class names; index 1 is the positive class of a binary model. Empty for regression. */
  public List<String> classes() {
    return classes;
  }

  public FittedTransforms transforms() {
    return transforms;
  }

  public boolean seeded() {
    return seeded;
  }

  public long seed() {
    return seed;
  }

  public long trainingRows() {
    return trainingRows;
  }

  public long trainingMillis() {
    return trainingMillis;
  }

  /** The last time in the training data (ISO text), null without a time column. */
  public String trainingDataEnd() {
    return trainingDataEnd;
  }

  /** The same as epoch seconds, NaN without a time column. */
  public double trainingDataEndSeconds() {
    return trainingDataEndSeconds;
  }

  public String fingerprint() {
    return fingerprint;
  }

  /** Predictions for every row of the table. */
  public Predictions predict(Table table) {
    return predict(transforms.apply(table));
  }

  /** Predictions for the rows of a raw frame (its input columns untransformed). */
  public Predictions predict(Frame raw) {
    return predict(transforms.apply(raw));
  }

  /** Predictions for rows already encoded by this model's transforms. */
  public Predictions predict(FeatureMatrix x) {
    double[][] outputs = new double[x.rows()][];
    double[] row = new double[x.width()];
    for (int i = 0; i < x.rows(); i++) {
      for (int c = 0; c < row.length; c++) {
        row[c] = x.columns()[c][i];
      }
      outputs[i] = predictor.predict(row);
    }
    return Predictions.of(task, classes, outputs);
  }

  /** The raw output for one encoded row: class probabilities, or a one-element value. */
  public double[] predictEncoded(double[] features) {
    return predictor.predict(features);
  }

  public ModelFact fact() {
    return new ModelFact(
        id(),
        spec.type().label(),
        task.label(),
        spec.label().describe(),
        transforms.sources(),
        transforms.featureNames().size(),
        spec.type().randomized(),
        seeded,
        seed,
        spec.hyperparameters(),
        trainingRows,
        trainingMillis,
        fingerprint,
        FORMAT_VERSION,
        trainingDataEnd,
        transforms.placement());
  }
}
