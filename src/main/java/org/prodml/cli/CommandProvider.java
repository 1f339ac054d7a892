package org.prodml.cli;

import java.util.ServiceLoader;
import picocli.CommandLine;

/**
 * A subcommand that lives outside the library (the headless notebook runner needs Zeppelin's
 * interpreter API, which the library must not import). Providers are found with {@link
 * ServiceLoader} ({@code META-INF/services/org.prodml.cli.CommandProvider}).
 */
public interface CommandProvider {
  /** The picocli command object (annotated with {@link CommandLine.Command}). */
  Object command();

  static void addAll(CommandLine cli) {
    for (CommandProvider provider : ServiceLoader.load(CommandProvider.class)) {
      cli.addSubcommand(provider.command());
    }
  }
}
