package org.prodml.zeppelin;

import java.util.Properties;

/**
 * {@code %prodml.check(exercise=<id>)}: grades a guided exercise (a failed exercise is a normal
 * result, not an error).
 */
public final class CheckInterpreter extends StageInterpreter {
  public CheckInterpreter(Properties properties) {
    super(properties, "check");
  }
}
