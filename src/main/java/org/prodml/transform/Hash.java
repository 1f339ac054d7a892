package org.prodml.transform;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * A stable hash of the value (or of the combined values, for a cross) into buckets. FNV-1a over the
 * UTF-8 bytes: the same bucket on every machine and every run (an invariant hash key, as the course
 * asks), unlike an identity hash.
 */
final class Hash extends FittedTransform {
  final int buckets;

  Hash(TransformSpec spec, int buckets) {
    super(spec);
    this.buckets = buckets;
  }

  static int bucket(String value, int buckets) {
    long h = 0xcbf29ce484222325L;
    for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
      h ^= b & 0xff;
      h *= 0x100000001b3L;
    }
    return (int) Math.floorMod(h, (long) buckets);
  }

  String outputBase() {
    return spec().column() + "#";
  }

  @Override
  public void apply(Frame frame) {
    List<String> columns = spec().columns();
    List<String[]> inputs = new ArrayList<>();
    for (String c : columns) {
      inputs.add(frame.texts(c));
    }
    int n = frame.rows();
    int[] bucket = new int[n];
    StringBuilder key = new StringBuilder();
    for (int i = 0; i < n; i++) {
      key.setLength(0);
      boolean missing = false;
      for (int k = 0; k < inputs.size(); k++) {
        String v = inputs.get(k)[i];
        missing |= v == null;
        if (k > 0) {
          key.append('\u0001');
        }
        key.append(v);
      }
      bucket[i] = missing ? -1 : bucket(key.toString(), buckets);
    }
    if (spec().kind() == TransformKind.HASH && !frame.isText(columns.get(0))) {
      frame.remove(
          columns.get(0)); // a hashed number is replaced by its buckets; text is never a feature
    }
    if (spec().asIndex()) {
      double[] code = new double[n];
      for (int i = 0; i < n; i++) {
        code[i] = bucket[i] < 0 ? Double.NaN : bucket[i];
      }
      List<String> levels = new ArrayList<>();
      for (int b = 0; b < buckets; b++) {
        levels.add("h" + b);
      }
      frame.putNominal(outputBase(), code, levels);
      return;
    }
    double[][] onehot = new double[buckets][n];
    for (int i = 0; i < n; i++) {
      if (bucket[i] >= 0) {
        onehot[bucket[i]][i] = 1;
      }
    }
    for (int b = 0; b < buckets; b++) {
      frame.putNumbers(outputBase() + b, onehot[b]);
    }
  }

  @Override
  public List<String> outputs() {
    if (spec().asIndex()) {
      return List.of(outputBase());
    }
    List<String> names = new ArrayList<>();
    for (int b = 0; b < buckets; b++) {
      names.add(outputBase() + b);
    }
    return names;
  }

  @Override
  public String parameters() {
    return "buckets=" + buckets;
  }
}
