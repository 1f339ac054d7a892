package org.prodml.zeppelin;

import java.util.Map;
import java.util.Properties;

/**
 * {@code %prodml.train}: the train stage; the model type is a drop-down when the paragraph does not
 * name one.
 */
public final class TrainInterpreter extends StageInterpreter {
  public TrainInterpreter(Properties properties) {
    super(properties, "train");
  }

  @Override
  protected Map<String, String> dropDowns() {
    return Map.of("model", "baseline");
  }
}
