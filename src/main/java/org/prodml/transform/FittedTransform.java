package org.prodml.transform;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.prodml.text.Format;

/**
 * A transform with its statistics fixed: it changes a frame's columns the same way whatever batch
 * it is given. {@link #fit} learns the statistics (nothing, for a stateless transform) from a
 * frame; {@link #apply} writes the outputs into a frame.
 */
public abstract sealed class FittedTransform {
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
      case LOG -> new Log(spec, spec.doubleOption("offset") == null ? 1.0 : spec.doubleOption("offset"));
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
        .sorted(Map.Entry.<String, Integer>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
        .limit(top)
        .map(Map.Entry::getKey)
        .toList();
  }

  static String number(double d) {
    return Format.number(d);
  }

  /** A transform of one numeric column that maps each value on its own, in place. */
  abstract static sealed class ValueMap extends FittedTransform {
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

  /** z = (x − mean) / sd; a column without spread gives 0. */
  static final class Standardize extends ValueMap {
    final double mean;
    final double sd;

    Standardize(TransformSpec spec, double mean, double sd) {
      super(spec);
      this.mean = mean;
      this.sd = sd;
    }

    static Standardize fit(TransformSpec spec, double[] x) {
      double sum = 0;
      long n = 0;
      for (double v : x) {
        if (Double.isFinite(v)) {
          sum += v;
          n++;
        }
      }
      double mean = n == 0 ? 0 : sum / n;
      double ss = 0;
      for (double v : x) {
        if (Double.isFinite(v)) {
          ss += (v - mean) * (v - mean);
        }
      }
      // A batch of one value has no spread: the sample deviation is undefined, so it counts as 0.
      double sd = n > 1 ? Math.sqrt(ss / (n - 1)) : 0;
      return new Standardize(spec, mean, sd);
    }

    @Override
    double map(double x) {
      return sd > 0 ? (x - mean) / sd : Double.isNaN(x) ? Double.NaN : 0;
    }

    @Override
    public String parameters() {
      return "mean=" + number(mean) + " sd=" + number(sd);
    }
  }

  /** (x − min) / (max − min); values outside the fitted range fall outside [0, 1]. */
  static final class MinMax extends ValueMap {
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

  /** Limits values to [lo, hi]: given, or the 1st and 99th percentile of the fitting rows. */
  static final class Clip extends ValueMap {
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
      double[] sorted = Arrays.stream(x).filter(Double::isFinite).sorted().toArray();
      double lo = min != null ? min : sorted.length == 0 ? Double.NEGATIVE_INFINITY : quantile(sorted, 0.01);
      double hi = max != null ? max : sorted.length == 0 ? Double.POSITIVE_INFINITY : quantile(sorted, 0.99);
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

  /** ln(x + offset): defined only above −offset, NaN below (a negative delay breaks it). */
  static final class Log extends ValueMap {
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

  /** Quantile buckets: edges from the fitting rows, so each bucket holds about as many rows. */
  static final class Bucketize extends FittedTransform {
    final double[] edges;

    Bucketize(TransformSpec spec, double[] edges) {
      super(spec);
      this.edges = edges;
    }

    static Bucketize fit(TransformSpec spec, double[] x) {
      int buckets = spec.intOption("buckets", 4);
      double[] sorted = Arrays.stream(x).filter(Double::isFinite).sorted().toArray();
      double[] edges = new double[buckets - 1];
      for (int b = 1; b < buckets; b++) {
        edges[b - 1] = sorted.length == 0 ? 0 : quantile(sorted, (double) b / buckets);
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
      return "edges=" + String.join(" ", Arrays.stream(edges).mapToObj(FittedTransform::number).toList());
    }
  }

  /** One indicator per value of the fitted vocabulary; a value outside it gets all zeros. */
  static final class OneHot extends FittedTransform {
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
      return vocabulary.size() + " values" + (vocabulary.isEmpty() ? "" : ", most frequent " + vocabulary.get(0));
    }
  }

  /**
   * A stable hash of the value (or of the combined values, for a cross) into buckets. FNV-1a over
   * the UTF-8 bytes: the same bucket on every machine and every run (an invariant hash key, as the
   * course asks), unlike an identity hash.
   */
  static final class Hash extends FittedTransform {
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
        frame.remove(columns.get(0)); // a hashed number is replaced by its buckets; text is never a feature
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

  /** Missing values replaced by a fitted statistic or a constant. */
  static final class Fill extends FittedTransform {
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
        String value = switch (with) {
          case "mode" -> vocabulary(frame.texts(c), 1).stream().findFirst().orElse("(missing)");
          case "mean", "median" -> throw new IllegalArgumentException("fill " + c + ": a text column takes with=mode or a value");
          default -> spec.option("with", "(missing)");
        };
        return new Fill(spec, Double.NaN, value);
      }
      double[] x = frame.numbers(c);
      double[] finite = Arrays.stream(x).filter(Double::isFinite).sorted().toArray();
      double value = switch (with) {
        case "mean" -> finite.length == 0 ? 0 : Arrays.stream(finite).average().orElse(0);
        case "median" -> finite.length == 0 ? 0 : quantile(finite, 0.5);
        case "mode" -> mode(finite);
        case "zero" -> 0;
        default -> {
          try {
            yield Double.parseDouble(with);
          } catch (NumberFormatException e) {
            throw new IllegalArgumentException("fill " + c + ": with= takes mean, median, mode, zero or a number, not '" + with + "'");
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
        throw new IllegalArgumentException("fill " + c + ": a date column cannot be filled; derive a part of it first (timepart)");
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

  /** One code per value of the fitted vocabulary (0 = any other value); nominal for trees. */
  static final class Index extends FittedTransform {
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

  /** A calendar part of a date or time column, in UTC (the data carries no time zone). */
  static final class TimePart extends FittedTransform {
    final String part;

    TimePart(TransformSpec spec, String part) {
      super(spec);
      this.part = part;
    }

    static TimePart of(TransformSpec spec, Frame frame) {
      String c = spec.columns().get(0);
      if (!frame.isTime(c)) {
        throw new IllegalArgumentException("timepart " + c + ": not a date or time column");
      }
      String part = spec.option("part", "hour").toLowerCase(Locale.ROOT);
      if (!List.of("hour", "dayofweek", "month", "dayofyear").contains(part)) {
        throw new IllegalArgumentException("timepart " + c + ": part must be hour, dayofweek, month or dayofyear, not '" + part + "'");
      }
      return new TimePart(spec, part);
    }

    @Override
    public void apply(Frame frame) {
      String c = spec().columns().get(0);
      double[] seconds = frame.numbers(c);
      double[] out = new double[seconds.length];
      for (int i = 0; i < seconds.length; i++) {
        if (Double.isNaN(seconds[i])) {
          out[i] = Double.NaN;
          continue;
        }
        ZonedDateTime t = Instant.ofEpochSecond((long) seconds[i]).atZone(ZoneOffset.UTC);
        out[i] = switch (part) {
          case "hour" -> t.getHour();
          case "dayofweek" -> t.getDayOfWeek().getValue();
          case "month" -> t.getMonthValue();
          default -> t.getDayOfYear();
        };
      }
      frame.putNumbers(c + "." + part, out);
    }

    @Override
    public List<String> outputs() {
      return List.of(spec().columns().get(0) + "." + part);
    }

    @Override
    public String parameters() {
      return "part=" + part;
    }
  }

  /** The q-quantile of sorted values, by linear interpolation. */
  static double quantile(double[] sorted, double q) {
    if (sorted.length == 1) {
      return sorted[0];
    }
    double pos = q * (sorted.length - 1);
    int lo = (int) Math.floor(pos);
    int hi = Math.min(sorted.length - 1, lo + 1);
    return sorted[lo] + (pos - lo) * (sorted[hi] - sorted[lo]);
  }
}
