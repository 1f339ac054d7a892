package org.prodml.transform;

/** ln(x + offset): defined only above −offset, NaN below (a negative delay breaks it). */
final class Log extends ValueMap {
  final double offset;

  Log(TransformSpec spec, double offset) {
    super(spec);
    this.offset = offset;
  }

  @Override
  double map(double x) {
    return Math.log(x + offset);
  }

  @Override
  public String parameters() {
    return "offset=" + number(offset);
  }
}
