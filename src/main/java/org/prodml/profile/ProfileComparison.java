package org.prodml.profile;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.datasketches.kll.KllDoublesSketch;
import org.apache.datasketches.quantilescommon.QuantileSearchCriteria;
import org.apache.datasketches.theta.SetOperation;
import org.apache.datasketches.theta.Sketch;
import org.prodml.data.ValueType;
import org.prodml.facts.ColumnComparisonFact;
import org.prodml.facts.GroupOverlapFact;
import org.prodml.facts.RowOverlapFact;
import org.prodml.facts.SchemaChangeFact;
import org.prodml.facts.TimeOverlapFact;
import org.prodml.facts.VolumeFact;
import org.prodml.stats.Significance;

/**
 * Compares the profile of a current dataset with a reference profile, column by column. Numeric
 * columns: Jensen–Shannon divergence over {@value #BINS} equal-width bins spanning both ranges
 * (TFDV's "standard" histogram), PSI over the reference's deciles, and the share of current values
 * outside the reference range. Categorical columns: L-infinity distance and Jensen–Shannon
 * divergence over the union of values, and the values (and their share) outside the reference
 * domain. Time columns are not compared for drift: time moves on by design.
 */
public final class ProfileComparison {
  static final int BINS = 20;
  private static final double EPSILON = 1e-4;

  private ProfileComparison() {}

  /** Per-column comparisons plus columns missing from, or new in, the current data. */
  public record Result(List<ColumnComparisonFact> columns, List<SchemaChangeFact> schemaChanges) {}

  public static Result compare(
      DatasetProfile reference,
      String referenceRole,
      DatasetProfile current,
      String currentRole,
      String comparison) {
    List<ColumnComparisonFact> columns = new ArrayList<>();
    List<SchemaChangeFact> changes = new ArrayList<>();
    double refScale = 1;
    double curScale = 1;
    if (reference.groups() != null && current.groups() != null) {
      // Rows of one group (a country's years, a patient's visits) are not independent draws: two
      // data sets split by group differ by which groups they hold, so the tests count groups.
      refScale = Math.min(1, reference.groups().getEstimate() / Math.max(1, reference.rows()));
      curScale = Math.min(1, current.groups().getEstimate() / Math.max(1, current.rows()));
    }
    for (ColumnProfile ref : reference.columns()) {
      var cur = current.column(ref.name());
      if (cur.isEmpty()) {
        changes.add(new SchemaChangeFact(ref.name(), "missing", referenceRole, currentRole));
        continue;
      }
      columns.add(
          compareColumn(
              ref, cur.get(), referenceRole, currentRole, comparison, refScale, curScale));
    }
    for (ColumnProfile cur : current.columns()) {
      if (reference.column(cur.name()).isEmpty()) {
        changes.add(new SchemaChangeFact(cur.name(), "new", referenceRole, currentRole));
      }
    }
    return new Result(columns, changes);
  }

  static ColumnComparisonFact compareColumn(
      ColumnProfile ref,
      ColumnProfile cur,
      String referenceRole,
      String currentRole,
      String comparison) {
    return compareColumn(ref, cur, referenceRole, currentRole, comparison, 1, 1);
  }

  /**
   * @param refScale the reference's independent draws per row (groups per row when both sides were
   *     split by group, else 1): the distribution tests count {@code rows × scale} draws
   */
  static ColumnComparisonFact compareColumn(
      ColumnProfile ref,
      ColumnProfile cur,
      String referenceRole,
      String currentRole,
      String comparison,
      double refScale,
      double curScale) {
    double js = Double.NaN,
        linf = Double.NaN,
        psi = Double.NaN,
        outOfRange = Double.NaN,
        newShare = Double.NaN;
    double jsP = Double.NaN,
        linfP = Double.NaN,
        outOfRangeP = Double.NaN,
        unseen = Double.NaN,
        newP = Double.NaN,
        constantP = Double.NaN;
    long refCount = 0, curCount = 0;
    String linfValue = null;
    List<String> newValues = List.of();
    ValueType.Kind kind = ref.kind();
    boolean sameKind = ref.kind() == cur.kind();
    if (sameKind
        && kind == ValueType.Kind.NUMERIC
        && ref.numeric() != null
        && cur.numeric() != null) {
      KllDoublesSketch r = ref.sketch();
      KllDoublesSketch c = cur.sketch();
      refCount = r.getN();
      curCount = c.getN();
      double lo = Math.min(ref.numeric().min(), cur.numeric().min());
      double hi = Math.max(ref.numeric().max(), cur.numeric().max());
      double[] splits = interior(Histogram.edges(lo, hi, BINS));
      if (splits.length == 0) {
        js = 0;
        jsP = 1;
      } else {
        double[] p = pmf(r, splits);
        double[] q = pmf(c, splits);
        js = jensenShannon(p, q);
        jsP =
            Significance.jensenShannonPValue(
                js, occupied(p, q), draws(refCount, refScale), draws(curCount, curScale));
      }
      psi = psi(r, c);
      outOfRange =
          c.getRank(ref.numeric().min(), QuantileSearchCriteria.EXCLUSIVE)
              + (1 - c.getRank(ref.numeric().max(), QuantileSearchCriteria.INCLUSIVE));
      outOfRange = Math.max(0, Math.min(1, outOfRange));
      // A new draw of the same data falls outside the range of n earlier draws with probability
      // at most 2 / (n + 1).
      outOfRangeP =
          Significance.binomialUpperTail(
              Math.round(outOfRange * curCount), curCount, 2.0 / (refCount + 1));
      if (cur.distinct() == 1 && curCount > 0) {
        double v = cur.numeric().min();
        double share =
            r.getRank(v, QuantileSearchCriteria.INCLUSIVE)
                - r.getRank(v, QuantileSearchCriteria.EXCLUSIVE);
        constantP = Math.pow(Math.max(0, Math.min(1, share)), curCount);
      }
    } else if (sameKind && !kind.ordered()) {
      Map<String, double[]> shares = categoryShares(ref, cur);
      refCount = ref.frequencies().stream().mapToLong(ValueCount::count).sum();
      curCount = cur.frequencies().stream().mapToLong(ValueCount::count).sum();
      double[] p = new double[shares.size()];
      double[] q = new double[shares.size()];
      int i = 0;
      double best = -1;
      for (Map.Entry<String, double[]> e : shares.entrySet()) {
        p[i] = e.getValue()[0];
        q[i] = e.getValue()[1];
        double d = Math.abs(p[i] - q[i]);
        if (d > best) {
          best = d;
          linfValue = e.getKey();
        }
        i++;
      }
      linf = Math.max(0, best);
      js = jensenShannon(p, q);
      jsP =
          Significance.jensenShannonPValue(
              js, occupied(p, q), draws(refCount, refScale), draws(curCount, curScale));
      if (linfValue != null) {
        linfP =
            Significance.shareChangePValue(
                ref.frequency(linfValue) * refScale,
                refCount * refScale,
                cur.frequency(linfValue) * curScale,
                curCount * curScale,
                p.length);
      }
      psi = psi(p, q);
      if (ref.frequenciesComplete()) {
        List<String> fresh = new ArrayList<>();
        long freshCount = 0;
        for (ValueCount vc : cur.frequencies()) {
          if (ref.frequency(vc.value()) == 0) {
            fresh.add(vc.value());
            freshCount += vc.count();
          }
        }
        newValues = fresh;
        newShare = (double) freshCount / Math.max(1, curCount);
        // Good–Turing: the share of the reference made of values seen once estimates how often a
        // new row of the same data brings a value the reference never saw.
        long once = ref.frequencies().stream().filter(vc -> vc.count() == 1).count();
        unseen = refCount == 0 ? Double.NaN : (double) once / refCount;
        newP = Significance.binomialUpperTail(freshCount, curCount, unseen);
      }
      if (cur.frequencies().size() == 1 && refCount > 0) {
        double share = (double) ref.frequency(cur.frequencies().get(0).value()) / refCount;
        constantP = Math.pow(share, curCount);
      }
    }
    double missingP =
        Significance.shareChangePValue(
            ref.missing() * refScale,
            ref.count() * refScale,
            cur.missing() * curScale,
            cur.count() * curScale,
            1);
    return new ColumnComparisonFact(
        ref.name(),
        comparison,
        referenceRole,
        currentRole,
        kind.label(),
        ref.type().name(),
        cur.type().name(),
        js,
        linf,
        linfValue,
        psi,
        outOfRange,
        ref.numeric() == null ? Double.NaN : ref.numeric().min(),
        ref.numeric() == null ? Double.NaN : ref.numeric().max(),
        cur.numeric() == null ? Double.NaN : cur.numeric().min(),
        cur.numeric() == null ? Double.NaN : cur.numeric().max(),
        newShare,
        newValues,
        ref.missingShare(),
        cur.missingShare(),
        refCount,
        curCount,
        jsP,
        linfP,
        outOfRangeP,
        unseen,
        newP,
        missingP,
        constantP);
  }

  private static long draws(long count, double scale) {
    return count == 0 ? 0 : Math.max(1, Math.round(count * scale));
  }

  /** Cells with something on either side: the degrees of freedom of a comparison, plus one. */
  private static int occupied(double[] p, double[] q) {
    int n = 0;
    for (int i = 0; i < p.length; i++) {
      if (p[i] + q[i] > 0) {
        n++;
      }
    }
    return n;
  }

  private static Map<String, double[]> categoryShares(ColumnProfile ref, ColumnProfile cur) {
    Set<String> values = new LinkedHashSet<>();
    ref.frequencies().forEach(v -> values.add(v.value()));
    cur.frequencies().forEach(v -> values.add(v.value()));
    double refTotal = Math.max(1, ref.frequencies().stream().mapToLong(ValueCount::count).sum());
    double curTotal = Math.max(1, cur.frequencies().stream().mapToLong(ValueCount::count).sum());
    Map<String, double[]> shares = new LinkedHashMap<>();
    for (String v : values) {
      shares.put(v, new double[] {ref.frequency(v) / refTotal, cur.frequency(v) / curTotal});
    }
    return shares;
  }

  private static double[] interior(double[] edges) {
    return java.util.Arrays.copyOfRange(edges, 1, Math.max(1, edges.length - 1));
  }

  private static double[] pmf(KllDoublesSketch sketch, double[] splits) {
    return sketch.getPMF(splits, QuantileSearchCriteria.EXCLUSIVE);
  }

  /** Jensen–Shannon divergence with log base 2, in [0, 1]. */
  public static double jensenShannon(double[] p, double[] q) {
    double js = 0;
    for (int i = 0; i < p.length; i++) {
      double m = (p[i] + q[i]) / 2;
      if (p[i] > 0) {
        js += 0.5 * p[i] * log2(p[i] / m);
      }
      if (q[i] > 0) {
        js += 0.5 * q[i] * log2(q[i] / m);
      }
    }
    return Math.max(0, Math.min(1, js));
  }

  /** Population stability index over the reference's deciles (empty bins smoothed). */
  private static double psi(KllDoublesSketch ref, KllDoublesSketch cur) {
    double[] splits = ref.getQuantiles(new double[] {0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9});
    double[] distinct = java.util.Arrays.stream(splits).distinct().toArray();
    if (distinct.length == 0) {
      return 0;
    }
    return psi(
        ref.getPMF(distinct, QuantileSearchCriteria.EXCLUSIVE),
        cur.getPMF(distinct, QuantileSearchCriteria.EXCLUSIVE));
  }

  static double psi(double[] p, double[] q) {
    double psi = 0;
    for (int i = 0; i < p.length; i++) {
      double a = Math.max(p[i], EPSILON);
      double b = Math.max(q[i], EPSILON);
      psi += (b - a) * Math.log(b / a);
    }
    return psi;
  }

  private static double log2(double x) {
    return Math.log(x) / Math.log(2);
  }

  /** Rows per day (or rows, without time columns) of the current data against the reference. */
  public static VolumeFact volume(
      DatasetProfile reference, String referenceRole, DatasetProfile current, String currentRole) {
    double r = reference.rowsPerDay();
    double c = current.rowsPerDay();
    if (Double.isNaN(r) || Double.isNaN(c)) {
      return new VolumeFact(
          referenceRole,
          currentRole,
          reference.rows(),
          current.rows(),
          "rows",
          reference.rows() == 0 ? Double.NaN : (double) current.rows() / reference.rows());
    }
    return new VolumeFact(
        referenceRole, currentRole, r, c, "rows/day", r == 0 ? Double.NaN : c / r);
  }

  /** Group values shared between two splits, exact while each side has few enough groups. */
  public static GroupOverlapFact groupOverlap(
      DatasetProfile reference, String referenceRole, DatasetProfile current, String currentRole) {
    Sketch r = reference.groups();
    Sketch c = current.groups();
    var intersection = SetOperation.builder().buildIntersection();
    intersection.intersect(r);
    intersection.intersect(c);
    Sketch shared = intersection.getResult();
    boolean exact = !r.isEstimationMode() && !c.isEstimationMode();
    List<String> examples = new ArrayList<>();
    ColumnProfile refColumn = reference.column(reference.group()).orElseThrow();
    ColumnProfile curColumn = current.column(current.group()).orElseThrow();
    for (ValueCount vc : curColumn.frequencies()) {
      if (examples.size() >= 5) {
        break;
      }
      if (refColumn.frequency(vc.value()) > 0) {
        examples.add(vc.value());
      }
    }
    return new GroupOverlapFact(
        reference.group(),
        referenceRole,
        currentRole,
        Math.round(r.getEstimate()),
        Math.round(c.getEstimate()),
        Math.round(shared.getEstimate()),
        exact,
        examples);
  }

  /** Example copies a row-overlap fact shows. */
  static final int OVERLAP_EXAMPLES = 5;

  /**
   * Rows of the current data that repeat rows of the reference, from the row hashes of both
   * profiles; null when either profile was read without them (from JSON).
   */
  public static RowOverlapFact rowOverlap(
      DatasetProfile reference, String referenceRole, DatasetProfile current, String currentRole) {
    RowHashes r = reference.rowHashes();
    RowHashes c = current.rowHashes();
    if (r == null || c == null || current.rows() == 0) {
      return null;
    }
    RowHashes.Copies copies = r.copiedBy(c, OVERLAP_EXAMPLES);
    double repeats = reference.rows() == 0 ? 0 : (double) r.featureDuplicates() / reference.rows();
    return new RowOverlapFact(
        referenceRole,
        currentRole,
        current.rows(),
        copies.rows(),
        (double) copies.rows() / current.rows(),
        copies.featureRows(),
        (double) copies.featureRows() / current.rows(),
        repeats,
        Significance.binomialUpperTail(
            copies.featureRows(), current.rows(), Math.min(1, 2 * repeats)),
        copies.exact(),
        copies.examples());
  }

  /** Where a later split's times sit against an earlier one's. */
  public static TimeOverlapFact timeOverlap(
      DatasetProfile reference, String referenceRole, DatasetProfile current, String currentRole) {
    ColumnProfile r = reference.column(reference.time()).orElseThrow();
    ColumnProfile c = current.column(current.time()).orElseThrow();
    if (r.numeric() == null || c.numeric() == null) {
      return new TimeOverlapFact(reference.time(), referenceRole, currentRole, "", "", 0);
    }
    double overlap = c.sketch().getRank(r.numeric().max(), QuantileSearchCriteria.INCLUSIVE);
    return new TimeOverlapFact(
        reference.time(),
        referenceRole,
        currentRole,
        r.formatValue(r.numeric().max()),
        c.formatValue(c.numeric().min()),
        overlap);
  }
}
