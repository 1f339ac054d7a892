package org.prodml.transform;

import org.prodml.stats.FiniteValues;

/** Limits values to [lo, hi]: given, or the 1st and 99th percentile of the fitting rows. */
final class Clip extends ValueMap {
  final double lo;
  final double hi;

  Clip(TransformSpec spec, double lo, double hi) {
    super(spec);
    this.lo = lo;
    this.hi = hi;
  }

  static Clip fit(TransformSpec spec, double[] x) {
    Double min = spec.doubleOption("min");
    Double max = spec.doubleOption("max");
    double[] sorted = FiniteValues.sorted(x);
    // Without a finite value to fit on, a missing bound does not clip.
    double lo =
        min != null
            ? min
            : sorted.length == 0
                ? Double.NEGATIVE_INFINITY
                : FiniteValues.quantileOfSorted(sorted, 0.01);
    double hi =
        max != null
            ? max
            : sorted.length == 0
                ? Double.POSITIVE_INFINITY
                : FiniteValues.quantileOfSorted(sorted, 0.99);
    return new Clip(spec, lo, hi);
  }

  @Override
  double map(double x) {
    return Double.isNaN(x) ? Double.NaN : Math.max(lo, Math.min(hi, x));
  }

  @Override
  public String parameters() {
    return "min=" + number(lo) + " max=" + number(hi);
  }
}
