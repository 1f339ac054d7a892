package org.prodml.zeppelin;

import java.util.Properties;

/** {@code %prodml.transform}: the transform stage. */
public final class TransformInterpreter extends StageInterpreter {
  public TransformInterpreter(Properties properties) {
    super(properties, "transform");
  }
}
