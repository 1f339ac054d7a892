package org.prodml.evaluate;

/** The metrics of one kind of model: classes or numbers. */
public sealed interface TaskMetrics permits ClassificationMetrics, RegressionMetrics {
  /** "classification" or "regression". */
  String task();
}
