package org.prodml.zeppelin;

import java.util.Map;
import java.util.Properties;

/**
 * {@code %prodml.simulate}: the training/inference paradigm simulation; the paradigm is a drop-down
 * when the paragraph does not name one.
 */
public final class SimulateInterpreter extends StageInterpreter {
  public SimulateInterpreter(Properties properties) {
    super(properties, "simulate");
  }

  @Override
  protected Map<String, String> dropDowns() {
    return Map.of("paradigm", "training");
  }
}
