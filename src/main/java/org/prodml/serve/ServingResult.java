package org.prodml.serve;

import java.util.Map;
import org.prodml.facts.ServingFact;
import org.prodml.train.Predictions;

/**
 * One inference mode over a batch of requests: per request its measured latency, whether it was
 * answered, the prediction and its age; the coverage per key-frequency band ({band → {requests,
 * answered}}); and the summary fact.
 */
public record ServingResult(
    String mode,
    ServingFact fact,
    double[] latencyMs,
    boolean[] answered,
    Predictions predictions,
    double[] ageHours,
    Map<String, long[]> coverageByFrequency) {}
