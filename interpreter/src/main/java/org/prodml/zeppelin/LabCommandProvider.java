package org.prodml.zeppelin;

import org.prodml.cli.CommandProvider;

/** Adds {@code lab} to the CLI (found through {@code META-INF/services}). */
public final class LabCommandProvider implements CommandProvider {
  @Override
  public Object command() {
    return new LabCommand();
  }
}
