package org.prodml.zeppelin;

import java.util.Properties;

/** {@code %prodml.validate}: the validate stage. */
public final class ValidateInterpreter extends StageInterpreter {
  public ValidateInterpreter(Properties properties) {
    super(properties, "validate");
  }
}
