package org.prodml.zeppelin;

import java.util.Properties;

/** {@code %prodml.split}: the split stage. */
public final class SplitInterpreter extends StageInterpreter {
  public SplitInterpreter(Properties properties) {
    super(properties, "split");
  }
}
