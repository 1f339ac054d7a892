package org.prodml.data;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.Set;

/**
 * Parsing of raw text values, shared by the streaming profiler and type inference. The fast paths
 * parse from a char range without allocating; each returns NaN (or null) when the text is not of
 * the type, so callers can count it as invalid.
 */
public final class Values {
  /** Texts read as "no value" in any column. */
  public static final Set<String> DEFAULT_MISSING =
      Set.of("", "NA", "N/A", "n/a", "null", "NULL", "None", "?");

  private static final double[] POW10 = new double[23];

  static {
    double p = 1;
    for (int i = 0; i < POW10.length; i++) {
      POW10[i] = p;
      p *= 10;
    }
  }

  private Values() {}

  /** True when the range spells NaN. */
  public static boolean isNaNText(char[] b, int off, int len) {
    return len == 3
        && (b[off] | 0x20) == 'n'
        && (b[off + 1] | 0x20) == 'a'
        && (b[off + 2] | 0x20) == 'n';
  }

  /**
   * The number in the range, or NaN when it is not a number. Plain decimals take an exact fast path
   * (digits as a long, one correctly rounded division); anything else goes to Double.parseDouble.
   * "NaN", "Inf", "Infinity" (signed) parse to NaN and infinities.
   */
  public static double parseDouble(char[] b, int off, int len) {
    if (len == 0) {
      return Double.NaN;
    }
    int i = off;
    int end = off + len;
    boolean negative = false;
    if (b[i] == '-' || b[i] == '+') {
      negative = b[i] == '-';
      i++;
    }
    long mantissa = 0;
    int significant = 0;
    int fraction = -1;
    boolean sawDigit = false;
    for (; i < end; i++) {
      char c = b[i];
      if (c >= '0' && c <= '9') {
        sawDigit = true;
        if (mantissa != 0 || c != '0') {
          if (++significant > 15) {
            return slowParse(b, off, len); // beyond exact double range of the fast path
          }
        }
        mantissa = mantissa * 10 + (c - '0');
        if (fraction >= 0 && ++fraction > 22) {
          return slowParse(b, off, len);
        }
      } else if (c == '.' && fraction < 0) {
        fraction = 0;
      } else {
        return slowParse(b, off, len);
      }
    }
    if (!sawDigit) {
      return slowParse(b, off, len);
    }
    // Both operands are exact doubles, so one division rounds correctly, as parseDouble does.
    double value = fraction > 0 ? mantissa / POW10[fraction] : (double) mantissa;
    return negative ? -value : value;
  }

  private static double slowParse(char[] b, int off, int len) {
    char first = b[off];
    if (first > ' '
        && first < 128
        && !isNumberStart(first)
        && (first | 0x20) != 'n'
        && (first | 0x20) != 'i') {
      return Double.NaN; // a word ("LAS", "true"): no String, no lower-casing
    }
    String s = new String(b, off, len).strip();
    String lower = s.toLowerCase(Locale.ROOT);
    switch (lower) {
      case "nan", "+nan", "-nan":
        return Double.NaN;
      case "inf", "+inf", "infinity", "+infinity":
        return Double.POSITIVE_INFINITY;
      case "-inf", "-infinity":
        return Double.NEGATIVE_INFINITY;
      default:
        break;
    }
    if (s.isEmpty() || !isNumberStart(s.charAt(0)) || !onlyLiteralChars(s)) {
      return Double.NaN;
    }
    try {
      return Double.parseDouble(s);
    } catch (NumberFormatException e) {
      return Double.NaN;
    }
  }

  /**
   * False when the text has a character no Java floating-point literal has (a date's ':' or 'T', a
   * word): Double.parseDouble would throw, and an exception costs far more than this look.
   */
  private static boolean onlyLiteralChars(String s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      boolean ok =
          (c >= '0' && c <= '9')
              || (c >= 'a' && c <= 'f')
              || (c >= 'A' && c <= 'F')
              || c == '.'
              || c == '-'
              || c == '+'
              || c == 'x'
              || c == 'X'
              || c == 'p'
              || c == 'P';
      if (!ok) {
        return false;
      }
    }
    return true;
  }

  private static boolean isNumberStart(char c) {
    return (c >= '0' && c <= '9') || c == '-' || c == '+' || c == '.';
  }

  /** True when the range is a whole number without a fraction or exponent (e.g. "-12"). */
  public static boolean isIntegerText(char[] b, int off, int len) {
    int i = off;
    int end = off + len;
    if (i < end && (b[i] == '-' || b[i] == '+')) {
      i++;
    }
    if (i == end || end - i > 18) {
      return false;
    }
    for (; i < end; i++) {
      if (b[i] < '0' || b[i] > '9') {
        return false;
      }
    }
    return true;
  }

  /**
   * Seconds since 1970-01-01T00:00 (no zone) for ISO dates and date-times: "2012-01-31",
   * "2012-01-31T13:05", "2012-01-31 13:05:09", also with '/' as date separator. NaN otherwise.
   */
  public static double parseEpochSeconds(char[] b, int off, int len) {
    if (len < 10) {
      return Double.NaN;
    }
    double day = parseDateSeconds(b, off);
    return len == 10 || Double.isNaN(day) ? day : day + parseTimeOfDay(b, off + 10, len - 10);
  }

  /** The first 10 characters as a date ("2012-01-31" or "2012/01/31"), in epoch seconds; or NaN. */
  public static double parseDateSeconds(char[] b, int off) {
    if (!digits(b, off, 4)
        || !(b[off + 4] == '-' || b[off + 4] == '/')
        || b[off + 7] != b[off + 4]
        || !digits(b, off + 5, 2)
        || !digits(b, off + 8, 2)) {
      return Double.NaN;
    }
    int year = num(b, off, 4);
    int month = num(b, off + 5, 2);
    int day = num(b, off + 8, 2);
    if (month < 1 || month > 12 || day < 1 || day > 31) {
      return Double.NaN;
    }
    try {
      return LocalDate.of(year, month, day).toEpochDay() * 86_400.0;
    } catch (java.time.DateTimeException e) {
      return Double.NaN;
    }
  }

  /** The part after a date: "T13:05", " 13:05:09", "T13:05:09.123", in seconds; or NaN. */
  public static double parseTimeOfDay(char[] b, int t, int len) {
    if (len < 6
        || !(b[t] == 'T' || b[t] == ' ')
        || !digits(b, t + 1, 2)
        || b[t + 3] != ':'
        || !digits(b, t + 4, 2)) {
      return Double.NaN;
    }
    int hour = num(b, t + 1, 2);
    int minute = num(b, t + 4, 2);
    int second = 0;
    int rest = t + 6;
    int end = t + len;
    if (rest < end) {
      if (b[rest] != ':' || rest + 3 > end || !digits(b, rest + 1, 2)) {
        return Double.NaN;
      }
      second = num(b, rest + 1, 2);
      rest += 3;
      if (rest < end && b[rest] == '.') {
        rest++;
        while (rest < end && b[rest] >= '0' && b[rest] <= '9') {
          rest++;
        }
      }
      if (rest != end) {
        return Double.NaN;
      }
    }
    if (hour > 23 || minute > 59 || second > 59) {
      return Double.NaN;
    }
    return hour * 3600.0 + minute * 60.0 + second;
  }

  /** True when the text is a date without a time part. */
  public static boolean isDateOnly(char[] b, int off, int len) {
    return len == 10 && !Double.isNaN(parseEpochSeconds(b, off, len));
  }

  /** 1 for true/yes, 0 for false/no, NaN otherwise (case-insensitive). */
  public static double parseBoolean(char[] b, int off, int len) {
    // as toLowerCase(Locale.ROOT) then a match, without a String: no other character lowers to
    // these letters
    return switch (len) {
      case 4 -> is(b, off, "true") ? 1 : Double.NaN;
      case 3 -> is(b, off, "yes") ? 1 : Double.NaN;
      case 5 -> is(b, off, "false") ? 0 : Double.NaN;
      case 2 -> is(b, off, "no") ? 0 : Double.NaN;
      default -> Double.NaN;
    };
  }

  /** True when b[off..] spells the lower-case ASCII word, ignoring ASCII case. */
  private static boolean is(char[] b, int off, String word) {
    for (int i = 0; i < word.length(); i++) {
      char c = b[off + i];
      if (c >= 'A' && c <= 'Z') {
        c = (char) (c + 32);
      }
      if (c != word.charAt(i)) {
        return false;
      }
    }
    return true;
  }

  /** The narrowest type every present value of the sample parses as (see TypeInference). */
  public static ValueType inferType(Iterable<String> sample, Set<String> missingMarkers) {
    TypeInference inference = new TypeInference(missingMarkers, 1.0);
    for (String value : sample) {
      inference.accept(value);
    }
    return inference.result();
  }

  /** An epoch-seconds value back as ISO text: a date when it falls on midnight. */
  public static String formatEpochSeconds(double seconds, ValueType type) {
    if (Double.isNaN(seconds)) {
      return "";
    }
    LocalDateTime t = LocalDateTime.ofEpochSecond((long) Math.floor(seconds), 0, ZoneOffset.UTC);
    return type == ValueType.LOCAL_DATE ? t.toLocalDate().toString() : t.toString();
  }

  private static boolean digits(char[] b, int off, int n) {
    for (int i = off; i < off + n; i++) {
      if (b[i] < '0' || b[i] > '9') {
        return false;
      }
    }
    return true;
  }

  private static int num(char[] b, int off, int n) {
    int v = 0;
    for (int i = off; i < off + n; i++) {
      v = v * 10 + (b[i] - '0');
    }
    return v;
  }
}
