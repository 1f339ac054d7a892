package org.prodml.evaluate;

/**
 * How well a regression does: root mean squared error, mean absolute error, R², and bias (mean
 * prediction minus mean label).
 */
public record RegressionMetrics(double rmse, double mae, double r2, double bias)
    implements TaskMetrics {
  @Override
  public String task() {
    return "regression";
  }
}
