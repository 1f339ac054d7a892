package org.prodml.transform;

import java.util.Locale;
import java.util.Map;

/** The declared feature transformations, by the name a plan line starts with. */
public enum TransformKind {
  /** z-score with the training mean and standard deviation. */
  STANDARDIZE("standardize", "(x − mean) / sd, mean and sd from the fitting rows"),
  /** Scale to [0, 1] with the training minimum and maximum. */
  MIN_MAX("minmax", "(x − min) / (max − min), min and max from the fitting rows"),
  /** Limit outliers: to given bounds, or to the 1st and 99th percentile of the fitting rows. */
  CLIP("clip", "limit to [min, max] (options min=, max=; default: 1st and 99th percentile)"),
  /** Natural log of x + offset (offset=1 by default); undefined at or below −offset. */
  LOG("log", "ln(x + offset), offset=1 by default"),
  /** Quantile buckets of the fitting rows, as one-hot indicators or one bucket code. */
  BUCKETIZE("bucketize", "quantile buckets (buckets=4), as one-hot indicators or as=index"),
  /** One indicator column per frequent category (top=30); other categories get all zeros. */
  ONE_HOT("onehot", "an indicator per frequent value (top=30); unknown values get all zeros"),
  /**
   * A stable hash of the value into a fixed number of buckets (buckets=32); needs no vocabulary.
   */
  HASH("hash", "a stable hash into buckets=32 indicators (or as=index); no vocabulary to fit"),
  /** The combination of two or more columns, hashed into buckets. */
  CROSS("cross", "the combination of the columns, hashed into buckets=64 indicators (or as=index)"),
  /** Replace missing values: mean, median, mode, or a constant (with=). */
  FILL_MISSING(
      "fill",
      "replace missing values with=mean|median|mode|<value> (default mean, or mode for text)"),
  /** One code per frequent category (level 0 = other), read by trees as a nominal column. */
  INDEX("index", "one code per frequent value (top=1000), 0 for others; trees read it as nominal"),
  /** A part of a date or time: hour, dayofweek, month or dayofyear. */
  TIME_PART("timepart", "a part of a date/time column: part=hour|dayofweek|month|dayofyear");

  private final String keyword;
  private final String description;

  TransformKind(String keyword, String description) {
    this.keyword = keyword;
    this.description = description;
  }

  public String keyword() {
    return keyword;
  }

  public String description() {
    return description;
  }

  /** Whether the transform learns statistics from the rows it is fitted on. */
  public boolean stateful(Map<String, String> options) {
    return switch (this) {
      case STANDARDIZE, MIN_MAX, BUCKETIZE, ONE_HOT, INDEX -> true;
      case CLIP -> !(options.containsKey("min") && options.containsKey("max"));
      case FILL_MISSING -> {
        String with = options.getOrDefault("with", "mean").toLowerCase(Locale.ROOT);
        yield with.equals("mean") || with.equals("median") || with.equals("mode");
      }
      case LOG, HASH, CROSS, TIME_PART -> false;
    };
  }

  public static TransformKind parse(String keyword) {
    String k = keyword.strip().toLowerCase(Locale.ROOT).replace("-", "").replace("_", "");
    for (TransformKind kind : values()) {
      if (kind.keyword.equals(k)) {
        return kind;
      }
    }
    return switch (k) {
      case "zscore", "normalize", "standardise" -> STANDARDIZE;
      case "scale", "minmaxscale" -> MIN_MAX;
      case "bucket", "quantile", "quantiles" -> BUCKETIZE;
      case "onehotencode", "dummy" -> ONE_HOT;
      case "hashbuckets", "hashbucket" -> HASH;
      case "featurecross" -> CROSS;
      case "fillmissing", "impute" -> FILL_MISSING;
      default ->
          throw new IllegalArgumentException(
              "unknown transform '"
                  + keyword
                  + "'; transforms: "
                  + String.join(
                      ", ",
                      java.util.Arrays.stream(values()).map(TransformKind::keyword).toList()));
    };
  }
}
