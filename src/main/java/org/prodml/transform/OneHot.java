package org.prodml.transform;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** One indicator per value of the fitted vocabulary; a value outside it gets all zeros. */
final class OneHot extends FittedTransform {
  final List<String> vocabulary;

  OneHot(TransformSpec spec, List<String> vocabulary) {
    super(spec);
    this.vocabulary = List.copyOf(vocabulary);
  }

  @Override
  public void apply(Frame frame) {
    String c = spec().columns().get(0);
    String[] x = frame.texts(c);
    Map<String, Integer> slot = new HashMap<>();
    for (int v = 0; v < vocabulary.size(); v++) {
      slot.put(vocabulary.get(v), v);
    }
    double[][] onehot = new double[vocabulary.size()][x.length];
    for (int i = 0; i < x.length; i++) {
      Integer s = x[i] == null ? null : slot.get(x[i]);
      if (s != null) {
        onehot[s][i] = 1;
      }
    }
    // The text column stays: it is never a model feature, and a later cross may still read it.
    for (int v = 0; v < vocabulary.size(); v++) {
      frame.putNumbers(c + "=" + vocabulary.get(v), onehot[v]);
    }
  }

  @Override
  public List<String> outputs() {
    String c = spec().columns().get(0);
    return vocabulary.stream().map(v -> c + "=" + v).toList();
  }

  @Override
  public String parameters() {
    return vocabulary.size()
        + " values"
        + (vocabulary.isEmpty() ? "" : ", most frequent " + vocabulary.get(0));
  }
}
