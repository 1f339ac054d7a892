package org.prodml.transform;

/** (x − min) / (max − min); values outside the fitted range fall outside [0, 1]. */
final class MinMax extends ValueMap {
  final double min;
  final double max;

  MinMax(TransformSpec spec, double min, double max) {
    super(spec);
    this.min = min;
    this.max = max;
  }

  static MinMax fit(TransformSpec spec, double[] x) {
    double min = Double.POSITIVE_INFINITY;
    double max = Double.NEGATIVE_INFINITY;
    for (double v : x) {
      if (Double.isFinite(v)) {
        min = Math.min(min, v);
        max = Math.max(max, v);
      }
    }
    if (min > max) {
      min = 0;
      max = 0;
    }
    return new MinMax(spec, min, max);
  }

  @Override
  double map(double x) {
    return max > min ? (x - min) / (max - min) : Double.isNaN(x) ? Double.NaN : 0;
  }

  @Override
  public String parameters() {
    return "min=" + number(min) + " max=" + number(max);
  }
}
