package org.prodml.zeppelin;

import java.util.Properties;

/** {@code %prodml.profile}: the profile stage. */
public final class ProfileInterpreter extends StageInterpreter {
  public ProfileInterpreter(Properties properties) {
    super(properties, "profile");
  }
}
