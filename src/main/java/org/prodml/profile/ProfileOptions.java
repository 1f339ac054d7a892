package org.prodml.profile;

import java.util.Map;
import java.util.Set;
import org.prodml.data.ValueType;
import org.prodml.data.Values;

/**
 * How to profile a dataset. {@code label}, {@code group} and {@code time} name columns with a role
 * (null when none); the label adds feature–label association, the group a set sketch of its values
 * for split-leakage checks. {@code types} declares column types instead of inferring them from the
 * first {@code sampleRows} rows. {@code threads} bounds the parallel parse of large files.
 */
public record ProfileOptions(
    String label,
    String group,
    String time,
    Map<String, ValueType> types,
    Set<String> missingMarkers,
    int threads,
    int sampleRows) {

  public static final int DEFAULT_SAMPLE_ROWS = 10_000;

  public static ProfileOptions defaults() {
    return new ProfileOptions(
        null,
        null,
        null,
        Map.of(),
        Values.DEFAULT_MISSING,
        Runtime.getRuntime().availableProcessors(),
        DEFAULT_SAMPLE_ROWS);
  }

  public ProfileOptions withLabel(String label) {
    return new ProfileOptions(label, group, time, types, missingMarkers, threads, sampleRows);
  }

  public ProfileOptions withGroup(String group) {
    return new ProfileOptions(label, group, time, types, missingMarkers, threads, sampleRows);
  }

  public ProfileOptions withTime(String time) {
    return new ProfileOptions(label, group, time, types, missingMarkers, threads, sampleRows);
  }

  public ProfileOptions withTypes(Map<String, ValueType> types) {
    return new ProfileOptions(
        label, group, time, Map.copyOf(types), missingMarkers, threads, sampleRows);
  }

  /**
   * @throws IllegalArgumentException when fewer than one thread is asked for
   */
  public ProfileOptions withThreads(int threads) {
    if (threads < 1) {
      throw new IllegalArgumentException("threads must be at least 1, not " + threads);
    }
    return new ProfileOptions(label, group, time, types, missingMarkers, threads, sampleRows);
  }
}
