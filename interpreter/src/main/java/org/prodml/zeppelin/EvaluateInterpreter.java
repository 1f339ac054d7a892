package org.prodml.zeppelin;

import java.util.Properties;

/** {@code %prodml.evaluate}: the evaluate stage. */
public final class EvaluateInterpreter extends StageInterpreter {
  public EvaluateInterpreter(Properties properties) {
    super(properties, "evaluate");
  }
}
