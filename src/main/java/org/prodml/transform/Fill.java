package org.prodml.transform;

import java.util.List;
import java.util.Locale;
import org.prodml.stats.FiniteValues;

/** Missing values replaced by a fitted statistic or a constant. */
final class Fill extends FittedTransform {
  final double number;
  final String text;

  Fill(TransformSpec spec, double number, String text) {
    super(spec);
    this.number = number;
    this.text = text;
  }

  static Fill fitOn(TransformSpec spec, Frame frame) {
    String c = spec.columns().get(0);
    String with = spec.option("with", frame.isText(c) ? "mode" : "mean").toLowerCase(Locale.ROOT);
    if (frame.isText(c)) {
      String value =
          switch (with) {
            case "mode" -> vocabulary(frame.texts(c), 1).stream().findFirst().orElse("(missing)");
            case "mean", "median" ->
                throw new IllegalArgumentException(
                    "fill " + c + ": a text column takes with=mode or a value");
            default -> spec.option("with", "(missing)");
          };
      return new Fill(spec, Double.NaN, value);
    }
    double[] x = frame.numbers(c);
    double[] finite = FiniteValues.sorted(x);
    double value =
        switch (with) {
          case "mean" -> finite.length == 0 ? 0 : FiniteValues.mean(finite);
          case "median" -> finite.length == 0 ? 0 : FiniteValues.quantileOfSorted(finite, 0.5);
          case "mode" -> mode(finite);
          case "zero" -> 0;
          default -> {
            try {
              yield Double.parseDouble(with);
            } catch (NumberFormatException e) {
              throw new IllegalArgumentException(
                  "fill "
                      + c
                      + ": with= takes mean, median, mode, zero or a number, not '"
                      + with
                      + "'");
            }
          }
        };
    return new Fill(spec, value, null);
  }

  private static double mode(double[] sorted) {
    double best = 0;
    int bestCount = 0;
    for (int i = 0; i < sorted.length; ) {
      int j = i;
      while (j < sorted.length && sorted[j] == sorted[i]) {
        j++;
      }
      if (j - i > bestCount) {
        bestCount = j - i;
        best = sorted[i];
      }
      i = j;
    }
    return best;
  }

  @Override
  public void apply(Frame frame) {
    String c = spec().columns().get(0);
    if (text != null) {
      String[] x = frame.texts(c).clone();
      for (int i = 0; i < x.length; i++) {
        if (x[i] == null) {
          x[i] = text;
        }
      }
      frame.putTexts(c, x);
      return;
    }
    if (frame.isTime(c)) {
      throw new IllegalArgumentException(
          "fill " + c + ": a date column cannot be filled; derive a part of it first (timepart)");
    }
    double[] x = frame.numbers(c).clone();
    for (int i = 0; i < x.length; i++) {
      if (Double.isNaN(x[i])) {
        x[i] = number;
      }
    }
    frame.putNumbers(c, x);
  }

  @Override
  public List<String> outputs() {
    return spec().columns();
  }

  @Override
  public String parameters() {
    return "value=" + (text != null ? text : number(number));
  }
}
