package org.prodml.audit;

import java.util.ArrayList;
import java.util.List;
import org.prodml.facts.FeatureSkewFact;
import org.prodml.facts.ServingFact;
import org.prodml.serve.KeyBandCoverage;
import org.prodml.serve.LatencyDistribution;

/**
 * The same requests served both ways, side by side: per inference mode its coverage, latency,
 * freshness and cost (the facts), coverage by how often a request's key was seen, how latencies
 * spread, and the training–serving skew of the serving path.
 *
 * @param requests the data the requests came from ("serving", "test")
 * @param requestRows requests served (at most {@link ModelAudit#MAX_REQUESTS} of the data's rows)
 * @param keyColumns the static table's key space; empty when only dynamic inference ran
 * @param servingPath "shared" (serving reuses the fitted transforms) or "reimplemented"
 * @param modes one fact per mode served: "static", "dynamic"
 * @param coverageByKeyFrequency per band of key frequency; empty without a key space
 */
public record ServingReport(
    String requests,
    long requestRows,
    List<String> keyColumns,
    String servingPath,
    List<ServingFact> modes,
    List<KeyBandCoverage> coverageByKeyFrequency,
    LatencyDistribution latency,
    List<FeatureSkewFact> skew) {

  public ServingReport {
    keyColumns = List.copyOf(keyColumns);
    modes = List.copyOf(modes);
    coverageByKeyFrequency = List.copyOf(coverageByKeyFrequency);
    skew = List.copyOf(skew);
  }

  /** The facts the serving rules judge: one per mode, then the skew of each input. */
  public List<Object> facts() {
    List<Object> facts = new ArrayList<>(modes);
    facts.addAll(skew);
    return facts;
  }

  /** The fact of a mode, or null when that mode did not run. */
  public ServingFact mode(String mode) {
    return modes.stream().filter(m -> m.mode().equals(mode)).findFirst().orElse(null);
  }
}
