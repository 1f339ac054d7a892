package org.prodml.profile;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.datasketches.kll.KllDoublesSketch;
import org.apache.datasketches.quantilescommon.QuantileSearchCriteria;

/**
 * Joint statistics of one feature with the label, accumulated row by row in bounded memory: per
 * label class sums and a quantile sketch for a numeric feature, a capped contingency table for a
 * categorical one, or co-moments when both are numeric; rows whose feature is missing are counted
 * per class (or as one group) too, since a missing value can give the label away as well. From
 * them, the association and how well the feature alone predicts the label ({@link Predictiveness}).
 */
final class AssociationAccumulator {
  static final int MAX_CLASSES = 64;
  static final int MAX_CATEGORIES = 2000;

  private final String feature;
  private final boolean featureOrdered;
  private final boolean labelOrdered;

  // categorical label: classes indexed in order of appearance; one map per parse thread, shared by
  // that thread's accumulators and remapped by name on merge
  private final Map<String, Integer> classIndex;

  // numeric feature x categorical label, or categorical feature x numeric label: group moments
  private final Map<String, double[]> groups = new HashMap<>(); // key -> {n, sum, sumsq}
  private final double[][] classMoments = new double[MAX_CLASSES][]; // by class -> {n, sum, sumsq}

  // categorical x categorical: contingency
  private final Map<String, long[]> table = new HashMap<>();

  // numeric feature x categorical label: the feature's values per class, for quantile bins
  private final NumericValues[] classValues = new NumericValues[MAX_CLASSES];

  // rows whose feature is missing: per class (categorical label), or one group {n, sum, sumsq}
  private final long[] missingByClass = new long[MAX_CLASSES];
  private final double[] missingGroup = new double[3];

  /** Quantile bins of a numeric feature when its predictive power is measured. */
  static final int BINS = 20;

  // numeric x numeric
  private long n;
  private double sx, sy, sxx, syy, sxy;
  private double shiftX = Double.NaN, shiftY = Double.NaN;

  private boolean truncated;
  private long rows;

  AssociationAccumulator(
      String feature,
      boolean featureOrdered,
      boolean labelOrdered,
      Map<String, Integer> classIndex) {
    this.feature = feature;
    this.featureOrdered = featureOrdered;
    this.labelOrdered = labelOrdered;
    this.classIndex = classIndex;
  }

  /** One row: the feature's and label's parsed values (text null / number NaN when absent). */
  void accept(double x, String xText, double y, String yText) {
    if (labelOrdered) {
      if (Double.isNaN(y)) {
        return;
      }
      if (featureOrdered) {
        if (Double.isNaN(x)) {
          addMissing(y);
          return;
        }
        if (Double.isNaN(shiftX)) {
          shiftX = x;
          shiftY = y;
        }
        double dx = x - shiftX, dy = y - shiftY;
        n++;
        sx += dx;
        sy += dy;
        sxx += dx * dx;
        syy += dy * dy;
        sxy += dx * dy;
      } else {
        if (xText == null) {
          addMissing(y);
          return;
        }
        addToGroup(groups, xText, y);
      }
      rows++;
      return;
    }
    if (yText == null) {
      return;
    }
    Integer cls = classIndex.get(yText);
    if (cls == null) {
      if (classIndex.size() >= MAX_CLASSES) {
        truncated = true;
        return;
      }
      cls = classIndex.size();
      classIndex.put(yText, cls);
    }
    if (featureOrdered) {
      if (Double.isNaN(x) || Double.isInfinite(x)) {
        missingByClass[cls]++;
        return;
      }
      double[] m = classMoments[cls];
      if (m == null) {
        m = classMoments[cls] = new double[3];
      }
      m[0]++;
      m[1] += x;
      m[2] += x * x;
      NumericValues values = classValues[cls];
      if (values == null) {
        values = classValues[cls] = new NumericValues();
      }
      values.add(x);
    } else {
      if (xText == null) {
        missingByClass[cls]++;
        return;
      }
      long[] counts = table.get(xText);
      if (counts == null) {
        if (table.size() >= MAX_CATEGORIES) {
          truncated = true;
          return;
        }
        counts = new long[MAX_CLASSES];
        table.put(xText, counts);
      }
      counts[cls]++;
    }
    rows++;
  }

  private void addMissing(double y) {
    missingGroup[0]++;
    missingGroup[1] += y;
    missingGroup[2] += y * y;
  }

  private void addToGroup(Map<String, double[]> target, String key, double value) {
    double[] m = target.get(key);
    if (m == null) {
      if (target.size() >= MAX_CATEGORIES) {
        truncated = true;
        return;
      }
      m = new double[3];
      target.put(key, m);
    }
    m[0]++;
    m[1] += value;
    m[2] += value * value;
  }

  void merge(AssociationAccumulator other) {
    truncated |= other.truncated;
    rows += other.rows;
    other.groups.forEach(
        (k, m) -> {
          double[] mine = groups.get(k);
          if (mine == null) {
            groups.put(k, m.clone());
          } else {
            for (int i = 0; i < 3; i++) {
              mine[i] += m[i];
            }
          }
        });
    int[] remap = new int[MAX_CLASSES];
    java.util.Arrays.fill(remap, -1);
    other.classIndex.forEach(
        (name, index) -> {
          Integer mine = classIndex.get(name);
          if (mine == null && classIndex.size() < MAX_CLASSES) {
            mine = classIndex.size();
            classIndex.put(name, mine);
          }
          remap[index] = mine == null ? -1 : mine;
        });
    for (int i = 0; i < 3; i++) {
      missingGroup[i] += other.missingGroup[i];
    }
    for (int c = 0; c < MAX_CLASSES; c++) {
      if (remap[c] < 0) {
        continue;
      }
      missingByClass[remap[c]] += other.missingByClass[c];
      if (other.classValues[c] != null) {
        if (classValues[remap[c]] == null) {
          classValues[remap[c]] = new NumericValues();
        }
        classValues[remap[c]].merge(other.classValues[c]);
      }
    }
    for (int c = 0; c < MAX_CLASSES; c++) {
      if (other.classMoments[c] != null && remap[c] >= 0) {
        double[] mine = classMoments[remap[c]];
        if (mine == null) {
          mine = classMoments[remap[c]] = new double[3];
        }
        for (int i = 0; i < 3; i++) {
          mine[i] += other.classMoments[c][i];
        }
      }
    }
    other.table.forEach(
        (k, counts) -> {
          long[] mine = table.computeIfAbsent(k, x -> new long[MAX_CLASSES]);
          for (int c = 0; c < MAX_CLASSES; c++) {
            if (counts[c] != 0 && remap[c] >= 0) {
              mine[remap[c]] += counts[c];
            }
          }
        });
    if (other.n > 0) {
      if (n == 0) {
        n = other.n;
        sx = other.sx;
        sy = other.sy;
        sxx = other.sxx;
        syy = other.syy;
        sxy = other.sxy;
        shiftX = other.shiftX;
        shiftY = other.shiftY;
      } else {
        // re-centre the other's sums on our shift
        double ax = other.shiftX - shiftX, ay = other.shiftY - shiftY;
        long m = other.n;
        sxx += other.sxx + 2 * ax * other.sx + m * ax * ax;
        syy += other.syy + 2 * ay * other.sy + m * ay * ay;
        sxy += other.sxy + ax * other.sy + ay * other.sx + m * ax * ay;
        sx += other.sx + m * ax;
        sy += other.sy + m * ay;
        n += m;
      }
    }
  }

  /**
   * The association, or null when there are too few rows to say.
   *
   * @param featureSketch the feature column's own quantile sketch (its quantile bins), null for a
   *     categorical feature
   */
  Association result(KllDoublesSketch featureSketch) {
    if (rows < 10) {
      return null;
    }
    if (labelOrdered && featureOrdered) {
      double cov = sxy - sx * sy / n;
      double vx = sxx - sx * sx / n;
      double vy = syy - sy * sy / n;
      double r = vx <= 0 || vy <= 0 ? 0 : Math.min(1, Math.abs(cov / Math.sqrt(vx * vy)));
      // A straight line through two parameters: its in-sample R² is next to its held-out one.
      return new Association(feature, "pearson", r, rows, truncated, "r2", r * r, Double.NaN);
    }
    if (labelOrdered) {
      List<double[]> cells = new ArrayList<>(groups.values());
      if (missingGroup[0] > 0) {
        cells.add(missingGroup);
      }
      return new Association(
          feature,
          "correlationRatio",
          correlationRatio(groups.values()),
          rows,
          truncated,
          "r2",
          Predictiveness.r2(cells),
          Double.NaN);
    }
    List<double[]> cells = featureOrdered ? binnedCells(featureSketch) : tableCells();
    double[] missing = new double[classIndex.size()];
    boolean anyMissing = false;
    for (int c = 0; c < missing.length; c++) {
      missing[c] = missingByClass[c];
      anyMissing |= missing[c] > 0;
    }
    if (anyMissing) {
      cells.add(missing);
    }
    double auc = Predictiveness.auc(cells);
    double gain = Predictiveness.logLossGain(cells);
    if (featureOrdered) {
      java.util.List<double[]> groupsByClass = new java.util.ArrayList<>();
      for (double[] m : classMoments) {
        if (m != null) {
          groupsByClass.add(m);
        }
      }
      return new Association(
          feature,
          "correlationRatio",
          correlationRatio(groupsByClass),
          rows,
          truncated,
          "auc",
          auc,
          gain);
    }
    return new Association(feature, "cramersV", cramersV(), rows, truncated, "auc", auc, gain);
  }

  /** The contingency table's rows as label counts per category. */
  private List<double[]> tableCells() {
    int classes = classIndex.size();
    List<double[]> cells = new ArrayList<>();
    for (long[] counts : table.values()) {
      double[] cell = new double[classes];
      for (int c = 0; c < classes; c++) {
        cell[c] = counts[c];
      }
      cells.add(cell);
    }
    return cells;
  }

  /**
   * Label counts per quantile bin of a numeric feature: bin edges from the feature's own quantiles
   * (repeatable, as the profile's), each class's count in a bin from its own values.
   */
  private List<double[]> binnedCells(KllDoublesSketch featureSketch) {
    int classes = classIndex.size();
    List<double[]> cells = new ArrayList<>();
    if (featureSketch == null || featureSketch.isEmpty()) {
      return cells;
    }
    double[] ranks = new double[BINS - 1];
    for (int i = 0; i < ranks.length; i++) {
      ranks[i] = (i + 1.0) / BINS;
    }
    double[] edges =
        java.util.Arrays.stream(featureSketch.getQuantiles(ranks)).distinct().toArray();
    double[][] byBin = new double[edges.length + 1][classes];
    for (int c = 0; c < classes; c++) {
      if (classValues[c] == null) {
        continue;
      }
      KllDoublesSketch sketch = classValues[c].result();
      if (sketch == null || sketch.isEmpty()) {
        continue;
      }
      double[] pmf =
          edges.length == 0
              ? new double[] {1}
              : sketch.getPMF(edges, QuantileSearchCriteria.INCLUSIVE);
      for (int b = 0; b < pmf.length; b++) {
        byBin[b][c] = pmf[b] * sketch.getN();
      }
    }
    for (double[] bin : byBin) {
      if (java.util.Arrays.stream(bin).sum() > 0) {
        cells.add(bin);
      }
    }
    return cells;
  }

  /** Bias-corrected correlation ratio: sqrt of epsilon-squared = (SSB - (k-1) MSW) / SST. */
  private static double correlationRatio(java.util.Collection<double[]> groups) {
    double total = 0, sum = 0, sumsq = 0;
    for (double[] m : groups) {
      total += m[0];
      sum += m[1];
      sumsq += m[2];
    }
    int k = groups.size();
    if (total < 3 || k < 2) {
      return 0;
    }
    double sst = sumsq - sum * sum / total;
    if (sst <= 0) {
      return 0;
    }
    double ssb = 0;
    for (double[] m : groups) {
      ssb += m[1] * m[1] / m[0];
    }
    ssb -= sum * sum / total;
    double ssw = Math.max(0, sst - ssb);
    double msw = total > k ? ssw / (total - k) : 0;
    double eps2 = (ssb - (k - 1) * msw) / sst;
    return Math.sqrt(Math.max(0, Math.min(1, eps2)));
  }

  /** Bergsma's bias-corrected Cramér's V. */
  private double cramersV() {
    int classes = classIndex.size();
    long[] colTotals = new long[MAX_CLASSES];
    long total = 0;
    int r = 0;
    for (long[] counts : table.values()) {
      long rowTotal = 0;
      for (int c = 0; c < classes; c++) {
        rowTotal += counts[c];
        colTotals[c] += counts[c];
      }
      if (rowTotal > 0) {
        r++;
      }
      total += rowTotal;
    }
    int k = 0;
    for (int c = 0; c < classes; c++) {
      if (colTotals[c] > 0) {
        k++;
      }
    }
    if (total < 2 || r < 2 || k < 2) {
      return 0;
    }
    double chi2 = 0;
    for (long[] counts : table.values()) {
      long rowTotal = 0;
      for (int c = 0; c < classes; c++) {
        rowTotal += counts[c];
      }
      if (rowTotal == 0) {
        continue;
      }
      for (int c = 0; c < classes; c++) {
        if (colTotals[c] == 0) {
          continue;
        }
        double expected = (double) rowTotal * colTotals[c] / total;
        double d = counts[c] - expected;
        chi2 += d * d / expected;
      }
    }
    double phi2 = chi2 / total;
    double phi2c = Math.max(0, phi2 - (double) (k - 1) * (r - 1) / (total - 1));
    double kc = k - (double) (k - 1) * (k - 1) / (total - 1);
    double rc = r - (double) (r - 1) * (r - 1) / (total - 1);
    double denominator = Math.min(kc - 1, rc - 1);
    if (denominator <= 0) {
      return 0;
    }
    return Math.min(1, Math.sqrt(phi2c / denominator));
  }
}
