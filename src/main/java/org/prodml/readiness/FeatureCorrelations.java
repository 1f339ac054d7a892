package org.prodml.readiness;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.prodml.facts.FeatureCorrelationFact;
import tech.tablesaw.api.NumericColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/**
 * How strongly each pair of features moves together, for the course's question "are your features
 * correlated?": absolute Pearson correlation for two numeric features, bias-corrected Cramér's V
 * (Bergsma 2013, as the profiler uses for label association) for two categorical ones. Mixed pairs
 * are not measured. Each pair uses only the rows where both values are present (an empty text
 * counts as missing). Categorical features with more than {@value #MAX_CATEGORIES} values are
 * skipped: an id-like column is judged by the cardinality rules, and its contingency table would be
 * mostly empty.
 */
public final class FeatureCorrelations {
  static final int MAX_CATEGORIES = 200;
  static final int MIN_ROWS = 10;

  private FeatureCorrelations() {}

  /**
   * One fact per measurable pair of the named features (in the order given), for the table read
   * from {@code dataset}.
   *
   * @throws IllegalArgumentException when a feature is not a column of the table
   */
  public static List<FeatureCorrelationFact> of(
      Table table, String dataset, List<String> features) {
    for (String f : features) {
      if (!table.containsColumn(f)) {
        throw new IllegalArgumentException(
            "no column '" + f + "' in " + dataset + "; it has " + table.columnNames());
      }
    }
    List<FeatureCorrelationFact> facts = new ArrayList<>();
    for (int i = 0; i < features.size(); i++) {
      for (int j = i + 1; j < features.size(); j++) {
        Column<?> a = table.column(features.get(i));
        Column<?> b = table.column(features.get(j));
        FeatureCorrelationFact fact = null;
        if (a instanceof NumericColumn<?> x && b instanceof NumericColumn<?> y) {
          fact = pearson(dataset, x, y);
        } else if (categorical(a) && categorical(b)) {
          fact = cramersV(dataset, a, b);
        }
        if (fact != null) {
          facts.add(fact);
        }
      }
    }
    return facts;
  }

  private static boolean categorical(Column<?> c) {
    return !(c instanceof NumericColumn<?>) && c.type().name().matches("STRING|TEXT|BOOLEAN");
  }

  static FeatureCorrelationFact pearson(String dataset, NumericColumn<?> x, NumericColumn<?> y) {
    long n = 0;
    double meanX = 0;
    double meanY = 0;
    double cxx = 0;
    double cyy = 0;
    double cxy = 0;
    for (int r = 0; r < x.size(); r++) {
      if (x.isMissing(r) || y.isMissing(r)) {
        continue;
      }
      double vx = x.getDouble(r);
      double vy = y.getDouble(r);
      if (!Double.isFinite(vx) || !Double.isFinite(vy)) {
        continue;
      }
      n++;
      // Welford's update keeps the co-moments exact enough for long columns.
      double dx = vx - meanX;
      meanX += dx / n;
      double dy = vy - meanY;
      meanY += dy / n;
      cxx += dx * (vx - meanX);
      cyy += dy * (vy - meanY);
      cxy += dx * (vy - meanY);
    }
    if (n < MIN_ROWS || cxx <= 0 || cyy <= 0) {
      return null; // a constant column correlates with nothing measurable
    }
    double r = Math.abs(cxy / Math.sqrt(cxx * cyy));
    return new FeatureCorrelationFact(dataset, x.name(), y.name(), "pearson", Math.min(1, r), n);
  }

  static FeatureCorrelationFact cramersV(String dataset, Column<?> a, Column<?> b) {
    Map<String, Integer> rowsOf = new HashMap<>();
    Map<String, Integer> colsOf = new HashMap<>();
    Map<Long, Long> cells = new HashMap<>();
    long n = 0;
    for (int r = 0; r < a.size(); r++) {
      String va = a.isMissing(r) ? "" : a.getString(r);
      String vb = b.isMissing(r) ? "" : b.getString(r);
      if (va.isEmpty() || vb.isEmpty()) {
        continue; // Tablesaw marks a missing text as "", and does not always report it as missing
      }
      int i = rowsOf.computeIfAbsent(va, k -> rowsOf.size());
      int j = colsOf.computeIfAbsent(vb, k -> colsOf.size());
      if (rowsOf.size() > MAX_CATEGORIES || colsOf.size() > MAX_CATEGORIES) {
        return null;
      }
      cells.merge(((long) i << 32) | j, 1L, Long::sum);
      n++;
    }
    int k = rowsOf.size();
    int m = colsOf.size();
    if (n < MIN_ROWS || k < 2 || m < 2) {
      return null;
    }
    long[] rowTotals = new long[k];
    long[] colTotals = new long[m];
    cells.forEach(
        (key, count) -> {
          rowTotals[(int) (key >>> 32)] += count;
          colTotals[(int) (key & 0xffffffffL)] += count;
        });
    double chi2 = 0;
    for (int i = 0; i < k; i++) {
      for (int j = 0; j < m; j++) {
        double expected = (double) rowTotals[i] * colTotals[j] / n;
        double observed = cells.getOrDefault(((long) i << 32) | j, 0L);
        chi2 += (observed - expected) * (observed - expected) / expected;
      }
    }
    double phi2 = chi2 / n;
    double phi2c = Math.max(0, phi2 - (double) (k - 1) * (m - 1) / (n - 1));
    double kc = k - (double) (k - 1) * (k - 1) / (n - 1);
    double mc = m - (double) (m - 1) * (m - 1) / (n - 1);
    double denominator = Math.min(kc - 1, mc - 1);
    if (denominator <= 0) {
      return null;
    }
    return new FeatureCorrelationFact(
        dataset, a.name(), b.name(), "cramersV", Math.min(1, Math.sqrt(phi2c / denominator)), n);
  }
}
