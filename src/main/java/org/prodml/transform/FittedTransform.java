package org.prodml.transform;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.prodml.text.Format;

/**
 * A transform with its statistics fixed: it changes a frame's columns the same way whatever batch
 * it is given. {@link #fit} learns the statistics (nothing, for a stateless transform) from a
 * frame; {@link #apply} writes the outputs into a frame.
 *
 * <p>Each kind is its own class in this package; the hierarchy is sealed, so {@link #fit}'s switch
 * over {@link TransformKind} and the {@code permits} clause name every transform there is.
 */
public abstract sealed class FittedTransform
    permits ValueMap, Bucketize, OneHot, Hash, Fill, Index, TimePart {
  private final TransformSpec spec;

  FittedTransform(TransformSpec spec) {
    this.spec = spec;
  }

  public TransformSpec spec() {
    return spec;
  }

  /** Writes this transform's outputs into the frame (replacing or consuming its input). */
  public abstract void apply(Frame frame);

  /** The columns it writes. */
  public abstract List<String> outputs();

  /** The fitted parameters, as text for people. */
  public abstract String parameters();

  /** Learns the transform's statistics from the frame's current values. */
  public static FittedTransform fit(TransformSpec spec, Frame frame) {
    String column = spec.columns().get(0);
    return switch (spec.kind()) {
      case STANDARDIZE -> Standardize.fit(spec, frame.numbers(column));
      case MIN_MAX -> MinMax.fit(spec, frame.numbers(column));
      case CLIP -> Clip.fit(spec, frame.numbers(column));
      case LOG ->
          new Log(spec, spec.doubleOption("offset") == null ? 1.0 : spec.doubleOption("offset"));
      case BUCKETIZE -> Bucketize.fit(spec, frame.numbers(column));
      case ONE_HOT -> new OneHot(spec, vocabulary(frame.texts(column), spec.intOption("top", 30)));
      case HASH -> new Hash(spec, spec.intOption("buckets", 32));
      case CROSS -> new Hash(spec, spec.intOption("buckets", 64));
      case FILL_MISSING -> Fill.fitOn(spec, frame);
      case INDEX -> new Index(spec, vocabulary(frame.texts(column), spec.intOption("top", 1000)));
      case TIME_PART -> TimePart.of(spec, frame);
    };
  }

  /** The most frequent values, most frequent first (ties by value, so the order is stable). */
  static List<String> vocabulary(String[] values, int top) {
    Map<String, Integer> counts = new HashMap<>();
    for (String v : values) {
      if (v != null) {
        counts.merge(v, 1, Integer::sum);
      }
    }
    return counts.entrySet().stream()
        .sorted(
            Map.Entry.<String, Integer>comparingByValue()
                .reversed()
                .thenComparing(Map.Entry.comparingByKey()))
        .limit(top)
        .map(Map.Entry::getKey)
        .toList();
  }

  static String number(double d) {
    return Format.number(d);
  }
}
