package org.prodml.zeppelin;

import java.util.List;
import java.util.Map;
import java.util.Properties;

/** {@code %prodml.train}: the train stage; the model type is a drop-down when the paragraph does not name one. */
public final class TrainInterpreter extends StageInterpreter {
  public TrainInterpreter(Properties properties) {
    super(properties, "train");
  }

  @Override
  protected Map<String, List<String>> choices() {
    return Map.of("model", List.of("baseline", "logistic", "linear", "forest", "gbt"));
  }
}
