package org.prodml.profile;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.apache.datasketches.kll.KllDoublesSketch;
import org.apache.datasketches.quantilescommon.QuantileSearchCriteria;

/**
 * Asserts that two profiles of the same data, built by different engines or from differently cut
 * parts, are the same: exactly in what is counted (rows, count, missing, NaN/Inf, invalid, min,
 * max, zeros, type, exact distinct counts and frequencies, the row sample), and within the
 * sketches' stated error in what is estimated (HyperLogLog distinct counts: lgK=12, 1.6% standard
 * error, allowed 4 of them; KLL quantiles: k=200, normalised rank error 1.65%, allowed 2 of them;
 * an association whose table was capped keeps the categories its parts met first, so only its
 * flag).
 */
public final class ProfileEquality {
  static final double HLL_TOLERANCE = 4 * 0.016;
  static final double RANK_TOLERANCE = 2 * 0.0165;

  private ProfileEquality() {}

  public static void assertSameProfile(DatasetProfile expected, DatasetProfile actual) {
    assertEquals(expected.rows(), actual.rows(), "rows");
    assertEquals(expected.columnNames(), actual.columnNames(), "columns");
    for (int i = 0; i < expected.columns().size(); i++) {
      assertSameColumn(expected.columns().get(i), actual.columns().get(i));
    }
    assertEquals(expected.duplicatesExact(), actual.duplicatesExact(), "duplicates exact");
    if (expected.duplicatesExact()) {
      assertEquals(expected.duplicateRows(), actual.duplicateRows(), "duplicate rows");
    } else {
      assertEquals(
          expected.duplicateRows(),
          actual.duplicateRows(),
          Math.max(2, 0.1 * expected.duplicateRows()),
          "duplicate rows, estimated");
    }
    assertEquals(expected.label(), actual.label());
    assertEquals(expected.associations().size(), actual.associations().size(), "associations");
    for (int i = 0; i < expected.associations().size(); i++) {
      Association a = expected.associations().get(i);
      Association b = actual.associations().get(i);
      assertEquals(a.feature(), b.feature());
      assertEquals(a.approximate(), b.approximate(), "association of " + a.feature() + " capped");
      if (!a.approximate()) { // a capped table keeps the categories its part met first
        assertEquals(a.value(), b.value(), 1e-6, "association of " + a.feature());
      }
    }
    RowSample s = expected.sample();
    RowSample t = actual.sample();
    assertEquals(s.rows(), t.rows(), "sampled rows");
    assertEquals(s.datasetRows(), t.datasetRows(), "rows the sample was drawn from");
    for (ColumnProfile c : expected.columns()) {
      if (s.has(c.name()) && s.numbers(c.name()) != null) {
        assertArrayEquals(s.numbers(c.name()), t.numbers(c.name()), "sample of " + c.name());
      }
      if (s.has(c.name()) && s.texts(c.name()) != null) {
        assertArrayEquals(s.texts(c.name()), t.texts(c.name()), "sample of " + c.name());
      }
    }
  }

  public static void assertSameColumn(ColumnProfile e, ColumnProfile a) {
    String n = e.name() + ": ";
    assertEquals(e.type(), a.type(), n + "type");
    assertEquals(e.count(), a.count(), n + "count");
    assertEquals(e.missing(), a.missing(), n + "missing");
    assertEquals(e.nan(), a.nan(), n + "NaN");
    assertEquals(e.inf(), a.inf(), n + "Inf");
    assertEquals(e.invalid(), a.invalid(), n + "invalid");
    assertEquals(e.invalidExample() == null, a.invalidExample() == null, n + "invalid example");
    if (e.distinct() <= DistinctCounter.EXACT_LIMIT
        && a.distinct() <= DistinctCounter.EXACT_LIMIT) {
      assertEquals(e.distinct(), a.distinct(), n + "distinct (exact)");
    } else {
      assertEquals(
          e.distinct(), a.distinct(), HLL_TOLERANCE * e.distinct(), n + "distinct (HyperLogLog)");
    }
    assertEquals(e.numeric() == null, a.numeric() == null, n + "numeric summary");
    if (e.numeric() != null) {
      assertEquals(e.numeric().min(), a.numeric().min(), n + "min");
      assertEquals(e.numeric().max(), a.numeric().max(), n + "max");
      assertEquals(e.numeric().zeros(), a.numeric().zeros(), n + "zeros");
      double scale = Math.max(1, Math.abs(e.numeric().mean()));
      assertEquals(e.numeric().mean(), a.numeric().mean(), 1e-9 * scale, n + "mean");
      assertEquals(
          e.numeric().stddev(),
          a.numeric().stddev(),
          1e-9 * Math.max(1, e.numeric().stddev()),
          n + "stddev");
      KllDoublesSketch truth = e.sketch();
      for (Map.Entry<String, Double> q : a.numeric().quantiles().entrySet()) {
        double rank = Double.parseDouble(q.getKey().replace("p", "")) / 100;
        double below = truth.getRank(q.getValue(), QuantileSearchCriteria.EXCLUSIVE);
        double upTo = truth.getRank(q.getValue(), QuantileSearchCriteria.INCLUSIVE);
        assertTrue(
            below - RANK_TOLERANCE <= rank && rank <= upTo + RANK_TOLERANCE,
            n + q.getKey() + " = " + q.getValue() + " has rank " + below + ".." + upTo);
      }
    }
    assertEquals(e.frequenciesComplete(), a.frequenciesComplete(), n + "frequencies complete");
    if (e.frequenciesComplete()) {
      assertEquals(e.frequencies(), a.frequencies(), n + "frequencies");
    } else {
      for (int i = 0; i < Math.min(5, e.frequencies().size()); i++) {
        ValueCount top = e.frequencies().get(i);
        long theirs =
            a.frequencies().stream()
                .filter(v -> v.value().equals(top.value()))
                .mapToLong(ValueCount::count)
                .findFirst()
                .orElse(-1);
        assertEquals(top.count(), theirs, Math.max(1, 0.05 * top.count()), n + top.value());
      }
    }
  }
}
