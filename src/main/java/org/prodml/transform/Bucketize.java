package org.prodml.transform;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.prodml.stats.FiniteValues;

/** Quantile buckets: edges from the fitting rows, so each bucket holds about as many rows. */
final class Bucketize extends FittedTransform {
  final double[] edges;

  Bucketize(TransformSpec spec, double[] edges) {
    super(spec);
    this.edges = edges;
  }

  static Bucketize fit(TransformSpec spec, double[] x) {
    int buckets = spec.intOption("buckets", 4);
    double[] sorted = FiniteValues.sorted(x);
    double[] edges = new double[buckets - 1];
    for (int b = 1; b < buckets; b++) {
      edges[b - 1] =
          sorted.length == 0 ? 0 : FiniteValues.quantileOfSorted(sorted, (double) b / buckets);
    }
    return new Bucketize(spec, edges);
  }

  int bucket(double v) {
    int b = 0;
    while (b < edges.length && v > edges[b]) {
      b++;
    }
    return b;
  }

  @Override
  public void apply(Frame frame) {
    String c = spec().columns().get(0);
    double[] x = frame.numbers(c);
    int buckets = edges.length + 1;
    frame.remove(c);
    if (spec().asIndex()) {
      double[] code = new double[x.length];
      for (int i = 0; i < x.length; i++) {
        code[i] = Double.isNaN(x[i]) ? Double.NaN : bucket(x[i]);
      }
      List<String> levels = new ArrayList<>();
      for (int b = 0; b < buckets; b++) {
        levels.add("b" + b);
      }
      frame.putNominal(c + "_bucket", code, levels);
      return;
    }
    double[][] onehot = new double[buckets][x.length];
    for (int i = 0; i < x.length; i++) {
      if (!Double.isNaN(x[i])) {
        onehot[bucket(x[i])][i] = 1;
      }
    }
    for (int b = 0; b < buckets; b++) {
      frame.putNumbers(c + "_bucket" + b, onehot[b]);
    }
  }

  @Override
  public List<String> outputs() {
    String c = spec().columns().get(0);
    if (spec().asIndex()) {
      return List.of(c + "_bucket");
    }
    List<String> names = new ArrayList<>();
    for (int b = 0; b <= edges.length; b++) {
      names.add(c + "_bucket" + b);
    }
    return names;
  }

  @Override
  public String parameters() {
    return "edges="
        + String.join(" ", Arrays.stream(edges).mapToObj(FittedTransform::number).toList());
  }
}
