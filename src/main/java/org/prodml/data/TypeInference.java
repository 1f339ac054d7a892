package org.prodml.data;

import java.util.Set;

/**
 * Infers a column's type from sample values: the narrowest of BOOLEAN, INTEGER, LONG, DOUBLE,
 * LOCAL_DATE, LOCAL_DATE_TIME that at least {@code share} of the present sample values parse as;
 * STRING otherwise. Missing markers are skipped; NaN and infinities count as DOUBLE. A profile
 * tolerates a few stray values (share below 1: they are counted as invalid, so a rule sees them)
 * where loading a table needs every value to parse (share 1).
 */
public final class TypeInference {
  private final Set<String> missingMarkers;
  private final double share;
  private long present;
  private long booleans;
  private long ints;
  private long longs;
  private long doubles;
  private long dates;
  private long dateTimes;

  public TypeInference(Set<String> missingMarkers, double share) {
    this.missingMarkers = missingMarkers;
    this.share = share;
  }

  public void accept(String value) {
    if (missingMarkers.contains(value)) {
      return;
    }
    present++;
    char[] b = value.toCharArray();
    int len = b.length;
    if (!Double.isNaN(Values.parseBoolean(b, 0, len))
        && !value.equalsIgnoreCase("yes")
        && !value.equalsIgnoreCase("no")) {
      booleans++;
    }
    if (Values.isIntegerText(b, 0, len)) {
      longs++;
      if (fitsInt(value)) {
        ints++;
      }
    }
    if (!Double.isNaN(Values.parseDouble(b, 0, len)) || Values.isNaNText(b, 0, len)) {
      doubles++;
    }
    if (!Double.isNaN(Values.parseEpochSeconds(b, 0, len))) {
      dateTimes++;
      if (len == 10) {
        dates++;
      }
    }
  }

  private static boolean fitsInt(String value) {
    try {
      Integer.parseInt(value.startsWith("+") ? value.substring(1) : value);
      return true;
    } catch (NumberFormatException e) {
      return false;
    }
  }

  private boolean enough(long count) {
    return count > 0 && count >= Math.ceil(present * share);
  }

  public ValueType result() {
    if (present == 0) {
      return ValueType.STRING;
    }
    if (enough(booleans)) {
      return ValueType.BOOLEAN;
    }
    if (enough(ints)) {
      return ValueType.INTEGER;
    }
    if (enough(longs)) {
      return ValueType.LONG;
    }
    if (enough(doubles)) {
      return ValueType.DOUBLE;
    }
    if (enough(dates)) {
      return ValueType.LOCAL_DATE;
    }
    if (enough(dateTimes)) {
      return ValueType.LOCAL_DATE_TIME;
    }
    return ValueType.STRING;
  }
}
