package org.prodml.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.prodml.data.scenario.Scenario;
import org.prodml.data.scenario.ScenarioFolder;
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
        "Regenerate the scenario datasets (datasets/scenarios/<name>/: data.csv, spans/, dataset.json, DATASHEET.md)",
        "from the shipped datasets, seeded: every run writes the same bytes. Files are written atomically and only when",
        "their content changes. Scenarios: weather-upstream-signals, flights-rebooking-desk, penguins-remeasured,",
        "weather-serving-faults."
      })
  static final class ScenariosCommand implements Callable<Integer> {
    @Spec picocli.CommandLine.Model.CommandSpec spec;

    @Parameters(arity = "0..*", paramLabel = "NAME", description = "the scenarios to write (default: all)")
    List<String> names = new ArrayList<>();

    @Option(names = "--datasets", paramLabel = "DIR", description = "the shipped datasets to read (default: datasets/ of ProdML Lab)")
    Path datasets;

    @Option(names = "--out", paramLabel = "DIR", description = "where the scenario folders go (default: <datasets>/scenarios)")
    Path out;

    @Override
    public Integer call() {
      Path source = datasets != null ? datasets : Home.get().resolve("datasets");
      Path target = out != null ? out : source.resolve("scenarios");
      List<Scenario> chosen = new ArrayList<>();
      for (String name : names) {
        chosen.add(Scenarios.find(name).orElseThrow(() -> new IllegalArgumentException("no scenario '" + name + "'; there are "
            + String.join(", ", Scenarios.all().stream().map(Scenario::name).toList()))));
      }
      if (chosen.isEmpty()) {
        chosen.addAll(Scenarios.all());
      }
      var console = spec.commandLine().getOut();
      for (Scenario scenario : chosen) {
        ScenarioFolder folder = scenario.build(source);
        for (Scenarios.WrittenFile file : Scenarios.write(folder, target)) {
          console.println((file.changed() ? "written   " : "unchanged ") + file.path());
        }
      }
      console.flush();
      return ProdmlCommand.OK;
    }
  }
}
