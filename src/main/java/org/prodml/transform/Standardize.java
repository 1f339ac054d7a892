package org.prodml.transform;

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
    double sum = 0;
    long n = 0;
    for (double v : x) {
      if (Double.isFinite(v)) {
        sum += v;
        n++;
      }
    }
    double mean = n == 0 ? 0 : sum / n;
    double ss = 0;
    for (double v : x) {
      if (Double.isFinite(v)) {
        ss += (v - mean) * (v - mean);
      }
    }
    // A batch of one value has no spread: the sample deviation is undefined, so it counts as 0.
    double sd = n > 1 ? Math.sqrt(ss / (n - 1)) : 0;
    return new Standardize(spec, mean, sd);
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
