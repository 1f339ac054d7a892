package org.prodml.profile;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * How well one feature alone predicts the label, measured the way a held-out set would, from the
 * counts a single streaming pass keeps: each row is predicted from the other rows of its cell (its
 * category, its quantile bin, or "missing") with one pseudo-row of the label's overall shares
 * (leave-one-out). A category seen once therefore predicts nothing for its own row, so a column
 * with one row per value (an identifier, a title) scores no better than the label's shares alone,
 * however perfectly its values "explain" the training rows; and an imbalanced label does not hide a
 * feature that separates it, because the measures are rank- and likelihood-based, not
 * agreement-based.
 *
 * <ul>
 *   <li>{@link #auc}: the one-feature model's ROC AUC (one class against the rest, averaged over
 *       the classes for more than two): 0.5 is no better than chance, 1 separates the label.
 *   <li>{@link #logLossGain}: the share of the label's log loss (its entropy, with the same
 *       leave-one-out) the feature removes: a held-out uncertainty coefficient.
 *   <li>{@link #r2}: for a numeric label, the share of its squared error around the mean that the
 *       per-cell means remove, leave-one-out.
 * </ul>
 */
final class Predictiveness {
  /** The weight of the label's overall shares (or mean) in every cell's prediction, in rows. */
  static final double PRIOR_ROWS = 1;

  private Predictiveness() {}

  /** Label counts (columns) per cell (rows); classes with no row anywhere are ignored. */
  static double logLossGain(List<double[]> cells) {
    double[] totals = totals(cells);
    double n = Arrays.stream(totals).sum();
    if (n < 2 || present(totals) < 2) {
      return Double.NaN;
    }
    double baseline = 0;
    double feature = 0;
    for (int c = 0; c < totals.length; c++) {
      if (totals[c] == 0) {
        continue;
      }
      double share = totals[c] / n;
      baseline -= totals[c] * Math.log((totals[c] - 1 + PRIOR_ROWS * share) / (n - 1 + PRIOR_ROWS));
      for (double[] cell : cells) {
        if (cell[c] > 0) {
          double rows = Arrays.stream(cell).sum();
          feature -=
              cell[c] * Math.log((cell[c] - 1 + PRIOR_ROWS * share) / (rows - 1 + PRIOR_ROWS));
        }
      }
    }
    return baseline <= 0 ? Double.NaN : 1 - feature / baseline;
  }

  /** The one-feature model's AUC, one class against the rest, averaged over present classes. */
  static double auc(List<double[]> cells) {
    double[] totals = totals(cells);
    double n = Arrays.stream(totals).sum();
    int present = present(totals);
    if (n < 2 || present < 2) {
      return Double.NaN;
    }
    double sum = 0;
    int classes = 0;
    for (int c = 0; c < totals.length; c++) {
      if (totals[c] == 0 || totals[c] == n) {
        continue;
      }
      sum += aucOf(cells, c, totals[c] / n);
      classes++;
      if (present == 2) {
        break; // one class against the other: the second class's AUC is the same pairs
      }
    }
    return classes == 0 ? Double.NaN : sum / classes;
  }

  /**
   * AUC of class c against the rest. Every row of a cell gets the same score, the cell's share of
   * class c with one row left out on average, (n_c (n − 1) / n + prior) / (n − 1 + prior): rows of
   * one cell tie, as they would under a model fitted on other rows, and a cell of one row scores
   * the class's overall share.
   */
  private static double aucOf(List<double[]> cells, int c, double share) {
    List<double[]> scored = new ArrayList<>(); // {score, positives, negatives}
    for (double[] cell : cells) {
      double rows = Arrays.stream(cell).sum();
      if (rows <= 0) {
        continue;
      }
      double score = (cell[c] * (rows - 1) / rows + PRIOR_ROWS * share) / (rows - 1 + PRIOR_ROWS);
      scored.add(new double[] {score, cell[c], rows - cell[c]});
    }
    scored.sort((a, b) -> Double.compare(a[0], b[0]));
    double pairs = 0;
    double positives = 0;
    double negativesBelow = 0;
    int i = 0;
    while (i < scored.size()) {
      int j = i;
      double pos = 0;
      double neg = 0;
      while (j < scored.size() && scored.get(j)[0] == scored.get(i)[0]) {
        pos += scored.get(j)[1];
        neg += scored.get(j)[2];
        j++;
      }
      pairs += pos * (negativesBelow + 0.5 * neg);
      positives += pos;
      negativesBelow += neg;
      i = j;
    }
    return positives == 0 || negativesBelow == 0
        ? Double.NaN
        : pairs / (positives * negativesBelow);
  }

  /**
   * The share of a numeric label's squared error around its mean that the cells' means remove,
   * leave-one-out: each group is {rows, sum, sum of squares}.
   */
  static double r2(java.util.Collection<double[]> groups) {
    double n = 0;
    double sum = 0;
    double squares = 0;
    for (double[] g : groups) {
      n += g[0];
      sum += g[1];
      squares += g[2];
    }
    if (n < 3) {
      return Double.NaN;
    }
    double mean = sum / n;
    double baseline = looSquaredError(n, sum, squares, 0, mean);
    if (baseline <= 0) {
      return Double.NaN;
    }
    double feature = 0;
    for (double[] g : groups) {
      feature += looSquaredError(g[0], g[1], g[2], PRIOR_ROWS, mean);
    }
    return 1 - feature / baseline;
  }

  /**
   * Σ (y − ŷ)² over a group when each row is predicted by the mean of the group's other rows and
   * {@code prior} pseudo-rows at {@code mean}.
   */
  private static double looSquaredError(
      double n, double sum, double squares, double prior, double mean) {
    double d = n - 1 + prior;
    if (d <= 0) {
      return (squares - 2 * mean * sum + n * mean * mean);
    }
    double c = (sum + prior * mean) / d;
    double k = 1 + 1 / d;
    return Math.max(0, k * k * squares - 2 * k * c * sum + n * c * c);
  }

  private static double[] totals(List<double[]> cells) {
    int classes = cells.isEmpty() ? 0 : cells.get(0).length;
    double[] totals = new double[classes];
    for (double[] cell : cells) {
      for (int c = 0; c < classes; c++) {
        totals[c] += cell[c];
      }
    }
    return totals;
  }

  private static int present(double[] totals) {
    int n = 0;
    for (double t : totals) {
      n += t > 0 ? 1 : 0;
    }
    return n;
  }
}
