package org.prodml.transform;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** One code per value of the fitted vocabulary (0 = any other value); nominal for trees. */
final class Index extends FittedTransform {
  final List<String> vocabulary;
  final Map<String, Integer> codes = new HashMap<>();

  Index(TransformSpec spec, List<String> vocabulary) {
    super(spec);
    this.vocabulary = List.copyOf(vocabulary);
    for (int v = 0; v < vocabulary.size(); v++) {
      codes.put(vocabulary.get(v), v + 1);
    }
  }

  @Override
  public void apply(Frame frame) {
    String c = spec().columns().get(0);
    String[] x = frame.texts(c);
    double[] code = new double[x.length];
    for (int i = 0; i < x.length; i++) {
      code[i] = x[i] == null ? 0 : codes.getOrDefault(x[i], 0);
    }
    List<String> levels = new ArrayList<>();
    levels.add("(other)");
    levels.addAll(vocabulary);
    frame.putNominal(c, code, levels);
  }

  @Override
  public List<String> outputs() {
    return spec().columns();
  }

  @Override
  public String parameters() {
    return vocabulary.size() + " values + other";
  }
}
