package org.prodml.transform;

import java.util.List;

/** A transform of one numeric column that maps each value on its own, in place. */
abstract sealed class ValueMap extends FittedTransform permits Standardize, MinMax, Clip, Log {
  ValueMap(TransformSpec spec) {
    super(spec);
  }

  abstract double map(double x);

  @Override
  public void apply(Frame frame) {
    String c = spec().columns().get(0);
    double[] x = frame.numbers(c);
    double[] out = new double[x.length];
    for (int i = 0; i < x.length; i++) {
      out[i] = map(x[i]);
    }
    frame.putNumbers(c, out);
  }

  @Override
  public List<String> outputs() {
    return spec().columns();
  }
}
