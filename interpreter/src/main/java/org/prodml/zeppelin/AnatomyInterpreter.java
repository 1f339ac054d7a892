package org.prodml.zeppelin;

import java.util.Properties;

/** {@code %prodml.anatomy}: how much of the system is model code, measured. */
public final class AnatomyInterpreter extends StageInterpreter {
  public AnatomyInterpreter(Properties properties) {
    super(properties, "anatomy");
  }
}
