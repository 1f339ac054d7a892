package org.prodml.serve;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.prodml.text.Format;

/**
 * How the request latencies of each inference mode spread over bands a factor of ten apart, as the
 * share of that mode's requests in each band. A lookup and a model call differ by orders of
 * magnitude, so bins of equal width would squeeze one of the two into a single bar.
 *
 * @param bands the band labels, fastest first ("< 0.001 ms" … "≥ 100 ms")
 * @param shares per mode, the share of its requests in each band (same order as {@code bands})
 */
public record LatencyDistribution(List<String> bands, Map<String, List<Double>> shares) {
  /**
   * Upper bounds of the bands in milliseconds; a last band holds everything from the largest up.
   */
  public static final double[] UPPER_MS = {0.001, 0.01, 0.1, 1, 10, 100};

  public LatencyDistribution {
    bands = List.copyOf(bands);
    shares = new LinkedHashMap<>(shares);
  }

  public static LatencyDistribution of(List<ServingResult> results) {
    List<String> bands = new ArrayList<>();
    Map<String, List<Double>> shares = new LinkedHashMap<>();
    results.forEach(r -> shares.put(r.mode(), new ArrayList<>()));
    double lower = 0;
    for (int b = 0; b <= UPPER_MS.length; b++) {
      double upper = b < UPPER_MS.length ? UPPER_MS[b] : Double.POSITIVE_INFINITY;
      bands.add(
          b < UPPER_MS.length
              ? "< " + Format.number(upper) + " ms"
              : "≥ " + Format.number(lower) + " ms");
      for (ServingResult r : results) {
        long count = 0;
        for (double ms : r.latencyMs()) {
          if (ms >= lower && ms < upper) {
            count++;
          }
        }
        shares.get(r.mode()).add((double) count / Math.max(1, r.latencyMs().length));
      }
      lower = upper;
    }
    return new LatencyDistribution(bands, shares);
  }
}
