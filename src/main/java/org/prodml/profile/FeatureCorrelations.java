package org.prodml.profile;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.prodml.facts.FeatureCorrelationFact;

/**
 * Which pairs of features move together, for the course's question "are your features correlated?":
 * absolute Pearson correlation for two numeric features, bias-corrected Cramér's V (Bergsma 2013,
 * as the profiler uses for label association) for two categorical ones; mixed pairs and time
 * columns are not measured. Each pair uses the rows of the profile's {@link RowSample} where both
 * values are present: the same seeded sample whatever the file's size, gathered while it was
 * profiled, so the file is not read again.
 *
 * <p>A pair is a fact when it correlates at least {@value #MIN_REPORTED}: the facts are for near
 * copies (rule FL-010 fires at 0.95), and a fact per pair would grow with the square of the width.
 * Categorical features with more than {@value #MAX_CATEGORIES} values in the sample are skipped: an
 * id-like column is judged by the cardinality rules.
 *
 * <p><b>Near-linear in features.</b> While pairs × sample rows stays under {@value
 * #EXHAUSTIVE_WORK}, every pair is measured on the whole sample. Beyond, pairs are screened on the
 * sample's first {@value #SCREEN_ROWS} rows (a uniform sample of their own): a numeric pair goes on
 * when its correlation there is within {@value #SCREEN_SIGMAS} standard errors (Fisher's z) of
 * {@value #MIN_REPORTED}, a categorical pair when its Cramér's V there is at least {@value
 * #CATEGORICAL_SCREEN_MIN}; a column constant in those rows goes on only with another constant one,
 * a column with no value there with every other. The candidates are then measured on the whole
 * sample. The screen costs a dot product of {@value #SCREEN_ROWS} values per pair, which for
 * thousands of features is small next to profiling them.
 */
public final class FeatureCorrelations {
  /** The weakest correlation that is a fact. */
  public static final double MIN_REPORTED = 0.8;

  static final int MAX_CATEGORIES = 200;
  static final int MIN_ROWS = 10;

  /** Pairs × sample rows up to which every pair is measured on the whole sample. */
  static final long EXHAUSTIVE_WORK = 1L << 26;

  static final int SCREEN_ROWS = 64;
  static final double SCREEN_SIGMAS = 5;
  static final double CATEGORICAL_SCREEN_MIN = 0.4;

  private FeatureCorrelations() {}

  /**
   * One fact per pair of the named features (in the order given) that correlates at least {@value
   * #MIN_REPORTED} in the profile's sample.
   *
   * @throws IllegalArgumentException when a feature is not a column of the profile
   */
  public static List<FeatureCorrelationFact> of(DatasetProfile profile, List<String> features) {
    Map<String, ColumnProfile> columns = profile.columnsByName();
    for (String f : features) {
      if (!columns.containsKey(f)) {
        throw new IllegalArgumentException(
            "no column '" + f + "' in " + profile.source() + "; it has " + profile.columnNames());
      }
    }
    RowSample sample = profile.sample() == null ? RowSample.none() : profile.sample();
    List<Found> found = new ArrayList<>();
    List<Numeric> numeric = new ArrayList<>();
    List<Categorical> categorical = new ArrayList<>();
    for (int i = 0; i < features.size(); i++) {
      String name = features.get(i);
      double[] x = sample.numbers(name);
      String[] t = sample.texts(name);
      if (x != null) {
        numeric.add(new Numeric(name, i, x, sample.rows()));
      } else if (t != null) {
        Categorical c = Categorical.of(name, i, t, sample.rows());
        if (c != null) {
          categorical.add(c);
        }
      }
    }
    found.addAll(numericPairs(numeric, sample.rows()));
    found.addAll(categoricalPairs(categorical, sample.rows()));
    found.sort(Comparator.comparingInt(Found::a).thenComparingInt(Found::b));
    List<FeatureCorrelationFact> facts = new ArrayList<>();
    for (Found f : found) {
      facts.add(
          new FeatureCorrelationFact(
              profile.source(),
              features.get(f.a),
              features.get(f.b),
              f.measure,
              f.value,
              f.rows,
              sample.rows(),
              profile.rows()));
    }
    return facts;
  }

  /** A measured pair, by the features' positions. */
  private record Found(int a, int b, String measure, double value, long rows) {}

  /** How a column looks in the screening rows. */
  private enum Screen {
    /** no value there: it may pair with anything */
    EMPTY,
    /** one value there: it may pair only with another such column */
    CONSTANT,
    /** values that vary */
    VARYING;

    boolean mayPair(Screen other) {
      return this == EMPTY || other == EMPTY || (this == CONSTANT) == (other == CONSTANT);
    }
  }

  // ---- numeric pairs: Pearson ----

  /** A numeric feature's sampled values, shifted by its first value (so a constant is all 0). */
  private static final class Numeric {
    final String name;
    final int position;
    final double[] shifted;
    final Screen screen;

    /** The screening rows standardized (mean 0, norm 1) when none is missing, else null. */
    final double[] standardized;

    Numeric(String name, int position, double[] values, int n) {
      this.name = name;
      this.position = position;
      double shift = Double.NaN;
      shifted = new double[n];
      for (int r = 0; r < n; r++) {
        double v = values[r];
        if (Double.isNaN(shift) && !Double.isNaN(v)) {
          shift = v;
        }
        shifted[r] = v - shift; // NaN stays NaN, and so does every value before the first
      }
      int m = Math.min(n, SCREEN_ROWS);
      int present = 0;
      boolean varies = false;
      double first = Double.NaN;
      double sum = 0;
      for (int r = 0; r < m; r++) {
        double v = shifted[r];
        if (!Double.isNaN(v)) {
          if (present == 0) {
            first = v;
          } else if (v != first) {
            varies = true;
          }
          present++;
          sum += v;
        }
      }
      screen = present == 0 ? Screen.EMPTY : varies ? Screen.VARYING : Screen.CONSTANT;
      if (screen == Screen.VARYING && present == m) {
        double mean = sum / m;
        double[] z = new double[m];
        double norm = 0;
        for (int r = 0; r < m; r++) {
          z[r] = shifted[r] - mean;
          norm += z[r] * z[r];
        }
        double scale = 1 / Math.sqrt(norm);
        for (int r = 0; r < m; r++) {
          z[r] *= scale;
        }
        standardized = z;
      } else {
        standardized = null;
      }
    }
  }

  private static List<Found> numericPairs(List<Numeric> columns, int n) {
    long pairs = (long) columns.size() * (columns.size() - 1) / 2;
    boolean screen = pairs * n > EXHAUSTIVE_WORK && n > SCREEN_ROWS;
    int m = Math.min(n, SCREEN_ROWS);
    return IntStream.range(0, columns.size())
        .parallel()
        .mapToObj(
            i -> {
              List<Found> found = new ArrayList<>();
              Numeric a = columns.get(i);
              for (int j = i + 1; j < columns.size(); j++) {
                Numeric b = columns.get(j);
                if (screen && !candidate(a, b, m)) {
                  continue;
                }
                double[] r = pearson(a.shifted, b.shifted, n);
                if (r != null && r[0] >= MIN_REPORTED) {
                  found.add(new Found(a.position, b.position, "pearson", r[0], (long) r[1]));
                }
              }
              return found;
            })
        .flatMap(List::stream)
        .toList();
  }

  /** Whether the pair may correlate {@value #MIN_REPORTED} or more, from the screening rows. */
  private static boolean candidate(Numeric a, Numeric b, int m) {
    if (a.screen != Screen.VARYING || b.screen != Screen.VARYING) {
      return a.screen.mayPair(b.screen);
    }
    double r;
    long rows;
    if (a.standardized != null && b.standardized != null) {
      r = Math.abs(dot(a.standardized, b.standardized, m));
      rows = m;
    } else {
      double[] measured = pearson(a.shifted, b.shifted, m);
      if (measured == null) {
        return true; // too few rows with both values to tell
      }
      r = measured[0];
      rows = (long) measured[1];
    }
    return atanh(r) >= atanh(MIN_REPORTED) - SCREEN_SIGMAS / Math.sqrt(rows - 3);
  }

  private static double atanh(double r) {
    double c = Math.min(r, 1 - 1e-12);
    return 0.5 * Math.log((1 + c) / (1 - c));
  }

  /** Four running sums, so the loop is not one long chain of dependent additions. */
  private static double dot(double[] x, double[] y, int m) {
    double s0 = 0;
    double s1 = 0;
    double s2 = 0;
    double s3 = 0;
    int r = 0;
    for (; r + 3 < m; r += 4) {
      s0 += x[r] * y[r];
      s1 += x[r + 1] * y[r + 1];
      s2 += x[r + 2] * y[r + 2];
      s3 += x[r + 3] * y[r + 3];
    }
    for (; r < m; r++) {
      s0 += x[r] * y[r];
    }
    return (s0 + s1) + (s2 + s3);
  }

  /**
   * Absolute Pearson correlation over the first n rows where both are present, with their number,
   * or null for fewer than {@value #MIN_ROWS} such rows or a constant side.
   */
  private static double[] pearson(double[] x, double[] y, int n) {
    long rows = 0;
    double sx = 0;
    double sy = 0;
    double sxx = 0;
    double syy = 0;
    double sxy = 0;
    for (int r = 0; r < n; r++) {
      double a = x[r];
      double b = y[r];
      if (Double.isNaN(a) || Double.isNaN(b)) {
        continue;
      }
      rows++;
      sx += a;
      sy += b;
      sxx += a * a;
      syy += b * b;
      sxy += a * b;
    }
    if (rows < MIN_ROWS) {
      return null;
    }
    double vx = sxx - sx * sx / rows;
    double vy = syy - sy * sy / rows;
    if (vx <= 0 || vy <= 0) {
      return null; // a constant column correlates with nothing measurable
    }
    double r = Math.abs((sxy - sx * sy / rows) / Math.sqrt(vx * vy));
    return new double[] {Math.min(1, r), rows};
  }

  // ---- categorical pairs: Cramér's V ----

  /** A categorical feature's sampled values as codes 0..k-1 (-1 when missing). */
  private record Categorical(
      String name, int position, int[] codes, int categories, Screen screen) {

    /** The column's codes, or null when it has more than {@value #MAX_CATEGORIES} values. */
    static Categorical of(String name, int position, String[] values, int n) {
      Map<String, Integer> dictionary = new HashMap<>();
      int[] codes = new int[n];
      for (int r = 0; r < n; r++) {
        String v = values[r];
        if (v == null || v.isEmpty()) {
          codes[r] = -1;
          continue;
        }
        Integer code = dictionary.get(v);
        if (code == null) {
          if (dictionary.size() == MAX_CATEGORIES) {
            return null;
          }
          code = dictionary.size();
          dictionary.put(v, code);
        }
        codes[r] = code;
      }
      int m = Math.min(n, SCREEN_ROWS);
      int first = -1;
      boolean varies = false;
      for (int r = 0; r < m; r++) {
        if (codes[r] >= 0) {
          if (first < 0) {
            first = codes[r];
          } else if (codes[r] != first) {
            varies = true;
          }
        }
      }
      Screen screen = first < 0 ? Screen.EMPTY : varies ? Screen.VARYING : Screen.CONSTANT;
      return new Categorical(name, position, codes, dictionary.size(), screen);
    }
  }

  private static List<Found> categoricalPairs(List<Categorical> columns, int n) {
    long pairs = (long) columns.size() * (columns.size() - 1) / 2;
    boolean screen = pairs * n > EXHAUSTIVE_WORK && n > SCREEN_ROWS;
    int m = Math.min(n, SCREEN_ROWS);
    ThreadLocal<Contingency> scratch = ThreadLocal.withInitial(Contingency::new);
    return IntStream.range(0, columns.size())
        .parallel()
        .mapToObj(
            i -> {
              List<Found> found = new ArrayList<>();
              Categorical a = columns.get(i);
              Contingency table = scratch.get();
              for (int j = i + 1; j < columns.size(); j++) {
                Categorical b = columns.get(j);
                if (screen) {
                  if (a.screen != Screen.VARYING || b.screen != Screen.VARYING) {
                    if (!a.screen.mayPair(b.screen)) {
                      continue;
                    }
                  } else {
                    double[] v = table.cramersV(a, b, m);
                    if (v != null && v[0] < CATEGORICAL_SCREEN_MIN) {
                      continue;
                    }
                  }
                }
                double[] v = table.cramersV(a, b, n);
                if (v != null && v[0] >= MIN_REPORTED) {
                  found.add(new Found(a.position, b.position, "cramersV", v[0], (long) v[1]));
                }
              }
              return found;
            })
        .flatMap(List::stream)
        .toList();
  }

  /**
   * A contingency table reused from pair to pair: only the cells a pair touched are cleared, so a
   * pair costs its rows, not categories × categories.
   */
  private static final class Contingency {
    private final int[] cells = new int[MAX_CATEGORIES * MAX_CATEGORIES];
    private final int[] touched = new int[MAX_CATEGORIES * MAX_CATEGORIES];
    private final int[] rowTotals = new int[MAX_CATEGORIES];
    private final int[] columnTotals = new int[MAX_CATEGORIES];

    /**
     * Bias-corrected Cramér's V over the first n rows where both are present, with their number;
     * null when fewer than {@value #MIN_ROWS} rows or fewer than two values on a side.
     */
    double[] cramersV(Categorical a, Categorical b, int n) {
      int width = b.categories();
      int used = 0;
      long total = 0;
      for (int r = 0; r < n; r++) {
        int x = a.codes()[r];
        int y = b.codes()[r];
        if (x < 0 || y < 0) {
          continue;
        }
        int cell = x * width + y;
        if (cells[cell]++ == 0) {
          touched[used++] = cell;
        }
        rowTotals[x]++;
        columnTotals[y]++;
        total++;
      }
      int k = 0;
      for (int x = 0; x < a.categories(); x++) {
        if (rowTotals[x] > 0) {
          k++;
        }
      }
      int l = 0;
      for (int y = 0; y < b.categories(); y++) {
        if (columnTotals[y] > 0) {
          l++;
        }
      }
      // chi² = n (Σ O² / (row total × column total) − 1), summed over the cells that occur
      double sum = 0;
      for (int t = 0; t < used; t++) {
        int cell = touched[t];
        double o = cells[cell];
        sum += o * o / ((double) rowTotals[cell / width] * columnTotals[cell % width]);
      }
      for (int t = 0; t < used; t++) {
        cells[touched[t]] = 0;
      }
      java.util.Arrays.fill(rowTotals, 0, a.categories(), 0);
      java.util.Arrays.fill(columnTotals, 0, b.categories(), 0);
      if (total < MIN_ROWS || k < 2 || l < 2) {
        return null;
      }
      double chi2 = total * (sum - 1);
      double phi2 = Math.max(0, chi2) / total;
      double phi2c = Math.max(0, phi2 - (double) (k - 1) * (l - 1) / (total - 1));
      double kc = k - (double) (k - 1) * (k - 1) / (total - 1);
      double lc = l - (double) (l - 1) * (l - 1) / (total - 1);
      double denominator = Math.min(kc - 1, lc - 1);
      if (denominator <= 0) {
        return null;
      }
      return new double[] {Math.min(1, Math.sqrt(phi2c / denominator)), total};
    }
  }
}
