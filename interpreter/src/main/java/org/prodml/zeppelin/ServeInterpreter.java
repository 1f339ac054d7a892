package org.prodml.zeppelin;

import java.util.Properties;

/** {@code %prodml.serve}: the serve stage. */
public final class ServeInterpreter extends StageInterpreter {
  public ServeInterpreter(Properties properties) {
    super(properties, "serve");
  }
}
