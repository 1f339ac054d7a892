package org.prodml.data;

import java.util.Locale;

/**
 * The type of a column's values, named as Tablesaw's column types so a dataset.json can declare
 * them. Its kind says how it is profiled and compared.
 */
public enum ValueType {
  BOOLEAN(Kind.BOOLEAN),
  INTEGER(Kind.NUMERIC),
  LONG(Kind.NUMERIC),
  DOUBLE(Kind.NUMERIC),
  LOCAL_DATE(Kind.DATETIME),
  LOCAL_DATE_TIME(Kind.DATETIME),
  STRING(Kind.CATEGORICAL);

  /** How a type is profiled: numbers and times get quantiles, the others value counts. */
  public enum Kind {
    NUMERIC,
    DATETIME,
    CATEGORICAL,
    BOOLEAN;

    public String label() {
      return name().toLowerCase(Locale.ROOT);
    }

    /** Quantile sketches and histograms apply (times as epoch seconds). */
    public boolean ordered() {
      return this == NUMERIC || this == DATETIME;
    }
  }

  private final Kind kind;

  ValueType(Kind kind) {
    this.kind = kind;
  }

  public Kind kind() {
    return kind;
  }

  /** Parses a Tablesaw-style type name ("DOUBLE", "local_date", "string" …). */
  public static ValueType parse(String name) {
    String n = name.strip().toUpperCase(Locale.ROOT).replace('-', '_');
    return switch (n) {
      case "INT", "INTEGER", "SHORT" -> INTEGER;
      case "LONG" -> LONG;
      case "FLOAT", "DOUBLE", "NUMBER" -> DOUBLE;
      case "BOOL", "BOOLEAN" -> BOOLEAN;
      case "DATE", "LOCAL_DATE" -> LOCAL_DATE;
      case "DATETIME", "LOCAL_DATE_TIME", "TIMESTAMP" -> LOCAL_DATE_TIME;
      case "STRING", "TEXT", "CATEGORY", "CATEGORICAL" -> STRING;
      default ->
          throw new IllegalArgumentException(
              "unknown column type '"
                  + name
                  + "'; use one of BOOLEAN, INTEGER, LONG, DOUBLE, LOCAL_DATE, LOCAL_DATE_TIME, STRING");
    };
  }
}
