package org.prodml.serve;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Coverage for one band of key frequency (how often a request's key was seen in the data the static
 * table was built from): the requests in the band and how many each mode answered. It is where
 * static inference loses: the rare and the unseen keys.
 */
public record KeyBandCoverage(String band, long requests, Map<String, Long> answered) {

  public KeyBandCoverage {
    answered = new LinkedHashMap<>(answered);
  }

  /** The share of the band's requests a mode answered; NaN for an empty band. */
  public double coverage(String mode) {
    return requests == 0 ? Double.NaN : (double) answered.getOrDefault(mode, 0L) / requests;
  }

  /**
   * One entry per band of {@link KeySpace#BANDS}; empty when the modes were served without a key
   * space.
   */
  public static List<KeyBandCoverage> of(List<ServingResult> results) {
    List<KeyBandCoverage> bands = new ArrayList<>();
    if (results.isEmpty() || results.get(0).coverageByFrequency().isEmpty()) {
      return bands;
    }
    for (String band : KeySpace.BANDS) {
      Map<String, Long> answered = new LinkedHashMap<>();
      for (ServingResult r : results) {
        answered.put(r.mode(), r.coverageByFrequency().get(band)[1]);
      }
      bands.add(
          new KeyBandCoverage(band, results.get(0).coverageByFrequency().get(band)[0], answered));
    }
    return bands;
  }
}
