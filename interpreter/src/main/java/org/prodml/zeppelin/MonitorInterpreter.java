package org.prodml.zeppelin;

import java.util.Properties;

/** {@code %prodml.monitor}: the monitor stage. */
public final class MonitorInterpreter extends StageInterpreter {
  public MonitorInterpreter(Properties properties) {
    super(properties, "monitor");
  }
}
