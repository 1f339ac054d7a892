package org.prodml.cli;

import java.io.PrintWriter;
import org.prodml.data.DataInputException;
import org.prodml.pipeline.StageException;
import org.prodml.rules.RuleCompileException;
import org.prodml.rules.RuleRunException;
import org.prodml.text.Format;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code ./prodml}: audit data and pipelines, profile files, list and lint rules, run notebooks.
 * Exit codes: 0 no CRITICAL finding, 1 a CRITICAL finding, 2 a usage or input error (one line on
 * stderr naming the file, line or column), 3 the JVM gave up (out of memory, stack overflow: one
 * line, never 1, which a CI gate reads as a finding).
 */
@Command(
    name = "prodml",
    mixinStandardHelpOptions = true,
    versionProvider = Version.class,
    description = "ProdML Lab: a teaching environment and audit tool for production ML systems.",
    subcommands = {
      AuditCommand.class,
      SimulateCommand.class,
      ProfileCommand.class,
      RulesCommand.class,
      CourseCommand.class,
      DatasetsCommand.class
    })
public final class ProdmlCommand implements Runnable {
  public static final int OK = 0;
  public static final int CRITICAL = 1;
  public static final int USAGE = 2;
  public static final int FAILURE = 3;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  public static void main(String[] args) {
    System.exit(execute(args));
  }

  /** Runs the command line and returns its exit code (tests call this instead of main). */
  public static int execute(String... args) {
    return execute(
        commandLine(new PrintWriter(System.out, true), new PrintWriter(System.err, true)), args);
  }

  /**
   * Runs a command line: its exit code, or {@link #FAILURE} with one line when the JVM gives up
   * (picocli hands exceptions to the handler below, but lets an {@link Error} through).
   */
  public static int execute(CommandLine cli, String... args) {
    try {
      return cli.execute(args);
    } catch (OutOfMemoryError e) {
      cli.getErr()
          .println(
              "prodml: out of memory ("
                  + e.getMessage()
                  + "): give Java more, e.g. PRODML_JAVA_OPTS=-Xmx4g ./prodml …, or use smaller"
                  + " inputs or model options");
    } catch (StackOverflowError e) {
      cli.getErr().println("prodml: stack overflow: an input is nested too deeply to read");
    } catch (Error e) {
      cli.getErr().println("prodml: " + e.getClass().getSimpleName() + ": " + e.getMessage());
    }
    cli.getErr().flush();
    return FAILURE;
  }

  public static CommandLine commandLine(PrintWriter out, PrintWriter err) {
    CommandLine cli = new CommandLine(new ProdmlCommand());
    CommandProvider.addAll(cli);
    cli.setOut(out);
    cli.setErr(err);
    cli.setExecutionExceptionHandler(
        (e, commandLine, parseResult) -> {
          commandLine.getErr().println("prodml: " + oneLine(e));
          return USAGE;
        });
    cli.setParameterExceptionHandler(
        (e, args) -> {
          CommandLine c = e.getCommandLine();
          c.getErr()
              .println(
                  "prodml: "
                      + e.getMessage()
                      + " (see "
                      + c.getCommandSpec().qualifiedName()
                      + " --help)");
          return USAGE;
        });
    return cli;
  }

  /** The one-line message for an error a user can fix; a stack trace only for our own bugs. */
  static String oneLine(Exception e) {
    if (e instanceof RuleCompileException r) {
      return r.errors().size() == 1
          ? r.errors().get(0)
          : r.errors().get(0)
              + " (and "
              + (r.errors().size() - 1)
              + " more: run ./prodml rules lint)";
    }
    if (e instanceof DataInputException
        || e instanceof StageException
        || e instanceof RuleRunException
        || e instanceof IllegalArgumentException) {
      return Format.oneLine(e.getMessage());
    }
    if (e instanceof java.io.UncheckedIOException || e instanceof java.io.IOException) {
      return "cannot read or write: " + Format.oneLine(e.getMessage());
    }
    return e.getClass().getSimpleName() + ": " + e.getMessage() + " (this is a bug in ProdML Lab)";
  }
}
