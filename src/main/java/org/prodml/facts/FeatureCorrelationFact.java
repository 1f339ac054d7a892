package org.prodml.facts;

/**
 * How strongly two features move together in one dataset, in [0,1]: {@code measure} "pearson"
 * (absolute Pearson correlation of two numeric features) or "cramersV" (bias-corrected Cramér's V
 * of two categorical features), measured on a seeded sample of the dataset's rows: {@code
 * sampleRows} of its {@code datasetRows} (all of them when it has few). {@code rows} is the number
 * of sampled rows both values were present in. Only pairs of at least 0.8 are facts. Near 1, one
 * feature is nearly a copy of the other: the model may lean on either, and a change to one source
 * breaks it in ways hard to trace.
 */
public record FeatureCorrelationFact(
    String dataset,
    String featureA,
    String featureB,
    String measure,
    double value,
    long rows,
    long sampleRows,
    long datasetRows) {

  /**
   * Where the rows came from, for a reader: "all 1461 rows" or "a seeded sample of 800 of 2000".
   */
  public String sampled() {
    return sampleRows >= datasetRows
        ? "all " + datasetRows + " rows"
        : "a seeded sample of " + sampleRows + " of its " + datasetRows + " rows";
  }
}
