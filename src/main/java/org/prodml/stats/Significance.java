package org.prodml.stats;

import smile.math.special.Beta;
import smile.math.special.Erf;
import smile.math.special.Gamma;

/**
 * The tail probabilities behind every "is this more than sampling noise?" question an audit asks:
 * is a window's histogram really unlike training's, did a share really move, are there really more
 * unseen categories, out-of-range values, missing values or fewer rows than the reference data
 * leads to expect. Each returns a p-value: the probability of a result at least this extreme if
 * nothing had changed. The rules compare it with a named significance level, so that a window of
 * thirty rows is not judged like one of three thousand.
 */
public final class Significance {
  private Significance() {}

  /** P(Z ≥ z) for a standard normal Z. */
  public static double normalUpperTail(double z) {
    return 0.5 * Erf.erfc(z / Math.sqrt(2));
  }

  /** P(X ≥ x) for X chi-squared with {@code df} degrees of freedom (1 when df < 1). */
  public static double chiSquareUpperTail(double x, int df) {
    if (df < 1 || !(x > 0)) {
      return 1;
    }
    return clamp(Gamma.regularizedUpperIncompleteGamma(df / 2.0, x / 2));
  }

  /**
   * The p-value of a Jensen–Shannon divergence between two samples (base 2) over {@code bins} cells
   * with something in them: for small differences, 8 ln 2 · JS · n1 n2 / (n1 + n2) is a Pearson
   * chi-squared statistic of homogeneity with bins − 1 degrees of freedom.
   */
  public static double jensenShannonPValue(double js, int bins, long n1, long n2) {
    if (Double.isNaN(js) || n1 <= 0 || n2 <= 0) {
      return Double.NaN;
    }
    double statistic = 8 * Math.log(2) * js * ((double) n1 * n2 / (n1 + n2));
    return chiSquareUpperTail(statistic, bins - 1);
  }

  /**
   * The two-sided p-value of a change of a share from {@code x1} of {@code n1} to {@code x2} of
   * {@code n2} (two-proportion z test, pooled), times {@code comparisons} when the share is the
   * largest change among that many values (Bonferroni), at most 1.
   */
  public static double shareChangePValue(
      double x1, double n1, double x2, double n2, int comparisons) {
    if (n1 <= 0 || n2 <= 0) {
      return Double.NaN;
    }
    double pooled = (x1 + x2) / (n1 + n2);
    double variance = pooled * (1 - pooled) * (1 / n1 + 1 / n2);
    double change = Math.abs(x1 / n1 - x2 / n2);
    if (variance <= 0) {
      return change > 0 ? 0 : 1;
    }
    return clamp(2 * normalUpperTail(change / Math.sqrt(variance)) * Math.max(1, comparisons));
  }

  /** P(X ≥ k) for X binomial with n trials of probability p. */
  public static double binomialUpperTail(long k, long n, double p) {
    if (k <= 0) {
      return 1;
    }
    if (k > n || p <= 0) {
      return 0;
    }
    if (p >= 1) {
      return 1;
    }
    return clamp(Beta.regularizedIncompleteBetaFunction(k, n - k + 1.0, p));
  }

  /** P(X ≤ k) for X binomial with n trials of probability p. */
  public static double binomialLowerTail(long k, long n, double p) {
    if (k >= n) {
      return 1;
    }
    if (k < 0) {
      return 0;
    }
    return clamp(1 - binomialUpperTail(k + 1, n, p));
  }

  /** P(X ≥ k) for X Poisson with the given mean. */
  public static double poissonUpperTail(long k, double mean) {
    if (k <= 0) {
      return 1;
    }
    if (mean <= 0) {
      return 0;
    }
    return clamp(Gamma.regularizedIncompleteGamma(k, mean));
  }

  /** P(X ≤ k) for X Poisson with the given mean. */
  public static double poissonLowerTail(long k, double mean) {
    if (k < 0) {
      return 0;
    }
    if (mean <= 0) {
      return 1;
    }
    return clamp(Gamma.regularizedUpperIncompleteGamma(k + 1.0, mean));
  }

  /** The two-sided p-value of a count {@code k} against a Poisson mean. */
  public static double poissonTwoSided(long k, double mean) {
    double tail = k < mean ? poissonLowerTail(k, mean) : poissonUpperTail(k, mean);
    return clamp(2 * tail);
  }

  private static double clamp(double p) {
    return Double.isNaN(p) ? p : Math.max(0, Math.min(1, p));
  }
}
