package org.prodml.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.Callable;
import org.prodml.data.scenario.Scenario;
import org.prodml.data.scenario.Scenarios;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code ./prodml datasets}: the course's generated datasets. */
@Command(
    name = "datasets",
    mixinStandardHelpOptions = true,
    description = "Generate the course's derived datasets from the shipped ones.",
    subcommands = {DatasetsCommand.ScenariosCommand.class})
public final class DatasetsCommand implements Runnable {
  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  /** {@code ./prodml datasets scenarios [NAME...]}: regenerate the scenario datasets. */
  @Command(
      name = "scenarios",
      mixinStandardHelpOptions = true,
      description = {
        "Regenerates the scenario datasets and datasets/scenarios/README.md from the shipped datasets.",
        "Each scenario is a folder datasets/scenarios/<name>/ (the data, spans/, dataset.json, DATASHEET.md), made"
            + " with a seed: every run writes the same bytes.",
        "Files are written atomically and only when their content changes."
      })
  static final class ScenariosCommand implements Callable<Integer> {
    @Spec picocli.CommandLine.Model.CommandSpec spec;

    @Parameters(
        arity = "0..*",
        paramLabel = "NAME",
        completionCandidates = ScenarioNames.class,
        description = "the scenarios to write (default: all): ${COMPLETION-CANDIDATES}")
    List<String> names = new ArrayList<>();

    @Option(
        names = "--datasets",
        paramLabel = "DIR",
        description = "the shipped datasets to read (default: datasets/ of ProdML Lab)")
    Path datasets;

    @Option(
        names = "--out",
        paramLabel = "DIR",
        description =
            "where the scenario folders and their README go (default: <datasets>/scenarios)")
    Path out;

    @Override
    public Integer call() {
      Path source = datasets != null ? datasets : Home.get().resolve("datasets");
      Path target = out != null ? out : source.resolve("scenarios");
      List<Scenario> chosen = new ArrayList<>();
      for (String name : names) {
        chosen.add(
            Scenarios.find(name)
                .orElseThrow(
                    () ->
                        new IllegalArgumentException(
                            "no scenario '"
                                + name
                                + "'; there are "
                                + String.join(
                                    ", ", Scenarios.all().stream().map(Scenario::name).toList()))));
      }
      if (chosen.isEmpty()) {
        chosen.addAll(Scenarios.all());
      }
      var console = spec.commandLine().getOut();
      for (Scenario scenario : chosen) {
        Scenarios.write(scenario.build(source), target).forEach(file -> report(console, file));
      }
      // The README lists every registered scenario, not only the ones named, so every run keeps it
      // current.
      report(console, Scenarios.writeReadme(target));
      console.flush();
      return ProdmlCommand.OK;
    }

    private static void report(PrintWriter console, Scenarios.WrittenFile file) {
      console.println((file.changed() ? "written   " : "unchanged ") + file.path());
    }
  }

  /** The registered scenarios' names, for the help text. */
  static final class ScenarioNames implements Iterable<String> {
    @Override
    public Iterator<String> iterator() {
      return Scenarios.all().stream().map(Scenario::name).iterator();
    }
  }
}
