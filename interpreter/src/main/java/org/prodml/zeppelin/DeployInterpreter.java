package org.prodml.zeppelin;

import java.util.Properties;

/**
 * {@code %prodml.deploy}: the course's deployment tests (reproducible training, test calls, quality
 * gate, compatibility).
 */
public final class DeployInterpreter extends StageInterpreter {
  public DeployInterpreter(Properties properties) {
    super(properties, "deploy");
  }
}
