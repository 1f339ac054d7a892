package org.prodml.zeppelin;

import org.prodml.cli.CommandProvider;

/**
 * Adds {@code run} to the CLI (found through {@code META-INF/services}), keeping Zeppelin out of
 * the library.
 */
public final class RunCommandProvider implements CommandProvider {
  @Override
  public Object command() {
    return new RunCommand();
  }
}
