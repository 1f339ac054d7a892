package org.prodml.text;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/** How values are shown to people, the same in terminal tables, reports and notebooks. */
public final class Format {
  private Format() {}

  /** Integers plain, other numbers to 4 significant digits, collections as a short list. */
  public static String value(Object value) {
    if (value == null) {
      return "none";
    }
    if (value instanceof Double || value instanceof Float) {
      return number(((Number) value).doubleValue());
    }
    if (value instanceof Collection<?> c) {
      // a set (a rule's collectSet) has no order of its own: sort it, so a report reads the same
      // every run
      var items =
          c instanceof java.util.Set<?> && !(c instanceof java.util.SortedSet<?>)
              ? c.stream().map(Format::value).sorted()
              : c.stream().map(Format::value);
      String shown = items.limit(10).collect(Collectors.joining(", "));
      return c.size() > 10 ? shown + ", … (" + c.size() + " in all)" : shown;
    }
    if (value instanceof Enum<?> e) {
      return e.name().toLowerCase(Locale.ROOT);
    }
    return String.valueOf(value);
  }

  public static String number(double d) {
    if (Double.isNaN(d) || Double.isInfinite(d)) {
      return String.valueOf(d);
    }
    if (d == Math.rint(d) && Math.abs(d) < 1e15) {
      return String.valueOf((long) d);
    }
    return new BigDecimal(d).round(new MathContext(4)).stripTrailingZeros().toPlainString();
  }

  /** A share in [0,1] as a percentage with up to 4 significant digits. */
  public static String percent(double share) {
    return number(share * 100) + "%";
  }

  /** A number in a table cell: empty where nothing was measured (NaN). */
  public static String cell(double d) {
    return Double.isNaN(d) ? "" : number(d);
  }

  /** A share in a table cell, as a percentage: empty where nothing was measured (NaN). */
  public static String cellPercent(double share) {
    return Double.isNaN(share) ? "" : percent(share);
  }

  /**
   * An error message as one line: a message listing several problems, one a line, becomes the first
   * and how many more there are ({@code "a.yaml:1: … (and 5 more)"}).
   */
  public static String oneLine(String message) {
    if (message == null || message.isBlank()) {
      return "";
    }
    List<String> lines =
        message.strip().lines().map(String::strip).filter(l -> !l.isEmpty()).toList();
    return lines.size() == 1
        ? lines.get(0)
        : lines.get(0) + " (and " + (lines.size() - 1) + " more)";
  }
}
