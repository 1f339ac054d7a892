package org.prodml.zeppelin;

import java.util.Properties;

/** {@code %prodml.load}: the load stage. */
public final class LoadInterpreter extends StageInterpreter {
  public LoadInterpreter(Properties properties) {
    super(properties, "load");
  }
}
