package org.prodml.transform;

import org.prodml.stats.FiniteValues;

/** z = (x − mean) / sd; a column without spread gives 0. */
final class Standardize extends ValueMap {
  final double mean;
  final double sd;

  Standardize(TransformSpec spec, double mean, double sd) {
    super(spec);
    this.mean = mean;
    this.sd = sd;
  }

  static Standardize fit(TransformSpec spec, double[] x) {
    double mean = FiniteValues.mean(x);
    double sd = FiniteValues.sampleSd(x);
    // A batch of one value has no spread: the sample deviation is undefined, so it counts as 0
    // (and a column without a finite value is centred on 0).
    return new Standardize(spec, Double.isNaN(mean) ? 0 : mean, Double.isNaN(sd) ? 0 : sd);
  }

  @Override
  double map(double x) {
    return sd > 0 ? (x - mean) / sd : Double.isNaN(x) ? Double.NaN : 0;
  }

  @Override
  public String parameters() {
    return "mean=" + number(mean) + " sd=" + number(sd);
  }
}
