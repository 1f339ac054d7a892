package org.prodml.profile;

import java.util.Set;

/**
 * Infers a column's type from sample values: the narrowest of BOOLEAN, INTEGER, LONG, DOUBLE,
 * LOCAL_DATE, LOCAL_DATE_TIME that every present sample value parses as; STRING otherwise.
 * Missing markers are skipped; NaN and infinities count as DOUBLE.
 */
final class TypeInference {
  private final Set<String> missingMarkers;
  private boolean any;
  private boolean allBoolean = true;
  private boolean allInt = true;
  private boolean allLong = true;
  private boolean allDouble = true;
  private boolean allDate = true;
  private boolean allDateTime = true;

  TypeInference(Set<String> missingMarkers) {
    this.missingMarkers = missingMarkers;
  }

  void accept(String value) {
    if (missingMarkers.contains(value)) {
      return;
    }
    any = true;
    char[] b = value.toCharArray();
    int len = b.length;
    if (allBoolean) {
      allBoolean = !Double.isNaN(Values.parseBoolean(b, 0, len)) && !value.equalsIgnoreCase("yes") && !value.equalsIgnoreCase("no");
    }
    boolean integer = Values.isIntegerText(b, 0, len);
    if (allInt) {
      allInt = integer && fitsInt(value);
    }
    if (allLong) {
      allLong = integer;
    }
    if (allDouble) {
      double d = Values.parseDouble(b, 0, len);
      allDouble = !Double.isNaN(d) || Values.isNaNText(b, 0, len);
    }
    if (allDate || allDateTime) {
      double t = Values.parseEpochSeconds(b, 0, len);
      boolean dateOnly = len == 10;
      allDate &= !Double.isNaN(t) && dateOnly;
      allDateTime &= !Double.isNaN(t);
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

  ValueType result() {
    if (!any) {
      return ValueType.STRING;
    }
    if (allBoolean) {
      return ValueType.BOOLEAN;
    }
    if (allInt) {
      return ValueType.INTEGER;
    }
    if (allLong) {
      return ValueType.LONG;
    }
    if (allDouble) {
      return ValueType.DOUBLE;
    }
    if (allDate) {
      return ValueType.LOCAL_DATE;
    }
    if (allDateTime) {
      return ValueType.LOCAL_DATE_TIME;
    }
    return ValueType.STRING;
  }
}
