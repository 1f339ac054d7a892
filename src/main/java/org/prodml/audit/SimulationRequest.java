package org.prodml.audit;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.prodml.pipeline.Parameter;
import org.prodml.pipeline.Step;

/**
 * A paradigm simulation to run on a time-ordered file and judge, and the note it runs: load the
 * file, then the simulate stage with these parameters.
 *
 * @param paradigm "training" (static vs dynamic training) or "inference" (static vs dynamic
 *     inference)
 * @param data the time-ordered data file (only read)
 * @param label the label column; null for the one the file's dataset.json names
 * @param time the time column; null for the one the file's dataset.json names
 * @param simulation the simulate stage's parameters beyond the paradigm (model, seed, schedule …),
 *     in order
 */
public record SimulationRequest(
    String paradigm,
    Path data,
    String label,
    String time,
    Map<String, String> simulation,
    Map<String, Double> thresholds) {

  public SimulationRequest {
    if (!paradigm.equals("training") && !paradigm.equals("inference")) {
      throw new IllegalArgumentException(
          "the paradigm is training or inference, not '" + paradigm + "'");
    }
    simulation = new LinkedHashMap<>(simulation);
    thresholds = new LinkedHashMap<>(thresholds);
  }

  /** The steps: load the file with its label and time, simulate. */
  public List<Step> steps(Function<Path, String> fileName) {
    List<Step> steps = new ArrayList<>();
    Map<String, String> load = new LinkedHashMap<>();
    load.put("file", fileName.apply(data));
    if (label != null) {
      load.put("label", label);
    }
    if (time != null) {
      load.put("time", time);
    }
    steps.add(Step.of("load", load));
    Map<String, String> simulate = new LinkedHashMap<>();
    simulate.put("paradigm", paradigm);
    simulate.putAll(simulation);
    if (!thresholds.isEmpty()) {
      simulate.put(
          Parameter.THRESHOLDS,
          String.join(
              " ",
              thresholds.entrySet().stream().map(e -> e.getKey() + ":" + e.getValue()).toList()));
    }
    steps.add(Step.of("simulate", simulate));
    return steps;
  }
}
