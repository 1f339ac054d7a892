package org.prodml.render;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.prodml.facts.ColumnComparisonFact;
import org.prodml.profile.ColumnProfile;
import org.prodml.profile.DatasetProfile;
import org.prodml.profile.NumericSummary;
import org.prodml.rules.Finding;
import org.prodml.text.Format;

/** The standard tables: a profile, a comparison, findings. Every front end shows the same ones. */
public final class Tables {
  private Tables() {}

  public static final List<String> FINDING_HEADER =
      List.of("severity", "rule", "topic", "subject", "message", "remedy");

  public static TableBlock findings(String title, List<Finding> findings) {
    List<List<String>> rows = new ArrayList<>();
    for (Finding f : findings) {
      rows.add(
          List.of(
              f.severity().name(),
              f.ruleId(),
              f.topic().name(),
              String.valueOf(f.subject()),
              f.message(),
              f.remedy()));
    }
    return TableBlock.of(title, FINDING_HEADER, rows);
  }

  public static TableBlock profile(String title, DatasetProfile profile) {
    List<String> header =
        List.of(
            "column",
            "type",
            "rows",
            "missing",
            "NaN/Inf",
            "invalid",
            "distinct",
            "min",
            "max",
            "mean",
            "stddev",
            "median",
            "top values");
    List<List<String>> rows = new ArrayList<>();
    for (ColumnProfile c : profile.columns()) {
      NumericSummary n = c.numeric();
      rows.add(
          List.of(
              c.name(),
              c.type().name(),
              String.valueOf(c.count()),
              c.missing() == 0 ? "0" : c.missing() + " (" + Format.percent(c.missingShare()) + ")",
              String.valueOf(c.nan() + c.inf()),
              c.invalid() == 0
                  ? "0"
                  : c.invalid()
                      + " (e.g. '"
                      + c.invalidExample()
                      + "' line "
                      + c.invalidLine()
                      + ")",
              String.valueOf(c.distinct()),
              n == null ? "" : c.formatValue(n.min()),
              n == null ? "" : c.formatValue(n.max()),
              n == null ? "" : c.formatValue(n.mean()),
              n == null || c.kind() == org.prodml.data.ValueType.Kind.DATETIME
                  ? ""
                  : Format.number(n.stddev()),
              n == null ? "" : c.formatValue(n.median()),
              c.topValues(5).stream()
                  .map(v -> v.value() + " " + v.count())
                  .collect(Collectors.joining(", "))));
    }
    return TableBlock.of(title, header, rows);
  }

  public static TableBlock comparison(String title, List<ColumnComparisonFact> comparisons) {
    List<String> header =
        List.of(
            "column",
            "kind",
            "reference type",
            "current type",
            "JS divergence",
            "L-inf",
            "PSI",
            "out of range",
            "new values",
            "missing ref → cur");
    List<List<String>> rows = new ArrayList<>();
    for (ColumnComparisonFact c : comparisons) {
      rows.add(
          List.of(
              c.column(),
              c.kind(),
              c.referenceType(),
              c.currentType(),
              number(c.jsDivergence()),
              number(c.lInfinity())
                  + (c.lInfinityValue() == null ? "" : " (" + c.lInfinityValue() + ")"),
              number(c.psi()),
              Double.isNaN(c.outOfRangeShare()) ? "" : Format.percent(c.outOfRangeShare()),
              c.newCategories().isEmpty() ? "" : Format.value(c.newCategories()),
              Format.percent(c.referenceMissingShare())
                  + " → "
                  + Format.percent(c.currentMissingShare())));
    }
    return TableBlock.of(title, header, rows);
  }

  private static String number(double d) {
    return Double.isNaN(d) ? "" : Format.number(d);
  }
}
