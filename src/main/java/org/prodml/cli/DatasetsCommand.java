package org.prodml.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.Callable;
import org.prodml.audit.PrecisionSuite;
import org.prodml.data.scenario.PrecisionScenario;
import org.prodml.data.scenario.Scenario;
import org.prodml.data.scenario.Scenarios;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code ./prodml datasets}: the course's generated datasets. */
@Command(
    name = "datasets",
    mixinStandardHelpOptions = true,
    description = "Generate the course's derived datasets from the shipped ones.",
    subcommands = {DatasetsCommand.ScenariosCommand.class, DatasetsCommand.PrecisionCommand.class})
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
        "Regenerates the scenario datasets and the precision suite, and their READMEs, from the shipped datasets.",
        "Each scenario is a folder datasets/scenarios/<name>/ (the data, spans/, dataset.json, DATASHEET.md);"
            + " each precision case a folder datasets/precision/<name>/ (its files, expectations.json,"
            + " DATASHEET.md).",
        "They are made with a seed: every run writes the same bytes. Files are written atomically and only when"
            + " their content changes."
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
            "where the course's scenario folders and their README go (default: <datasets>/scenarios)")
    Path out;

    @Option(
        names = "--precision-out",
        paramLabel = "DIR",
        description =
            "where the precision suite's scenario folders and their README go (default: <datasets>/precision)")
    Path precisionOut;

    @Override
    public Integer call() {
      Path source = datasets != null ? datasets : Home.get().resolve("datasets");
      Path target = out != null ? out : source.resolve("scenarios");
      Path precisionTarget = precisionOut != null ? precisionOut : source.resolve("precision");
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
                                + String.join(", ", names()))));
      }
      if (chosen.isEmpty()) {
        chosen.addAll(Scenarios.all());
        chosen.addAll(Scenarios.precision());
      }
      var console = spec.commandLine().getOut();
      boolean course = false;
      boolean precision = false;
      for (Scenario scenario : chosen) {
        boolean suite = scenario instanceof PrecisionScenario;
        course |= !suite;
        precision |= suite;
        Scenarios.write(scenario.build(source), suite ? precisionTarget : target)
            .forEach(file -> report(console, file));
      }
      // A README lists every registered scenario of its folder, not only the ones named, so every
      // run that writes into a folder keeps its README current.
      if (course) {
        report(console, Scenarios.writeReadme(target));
      }
      if (precision) {
        report(console, Scenarios.writePrecisionReadme(precisionTarget));
      }
      console.flush();
      return ProdmlCommand.OK;
    }

    private static void report(PrintWriter console, Scenarios.WrittenFile file) {
      console.println((file.changed() ? "written   " : "unchanged ") + file.path());
    }
  }

  /**
   * {@code ./prodml datasets precision [NAME...]}: audit the precision suite's scenarios and print
   * recall, false CRITICALs and unexplained warnings.
   */
  @Command(
      name = "precision",
      mixinStandardHelpOptions = true,
      description = {
        "Audits every scenario of datasets/precision/ as its expectations.json says and scores the findings.",
        "Each scenario is audited as a user would (types inferred); the scores are planted flaws found (recall),"
            + " CRITICAL findings on clean controls, and warnings that are",
        "neither planted nor explained by the scenario's datasheet. Prints one row per scenario and the totals; exit",
        "code 1 when the bar is not met (recall >= 0.95, no CRITICAL on a control, every control warning explained,",
        "at most two per control)."
      })
  static final class PrecisionCommand implements Callable<Integer> {
    @Spec picocli.CommandLine.Model.CommandSpec spec;

    @Mixin RuleOptions ruleOptions;

    @Parameters(
        arity = "0..*",
        paramLabel = "NAME",
        description = "the scenarios to audit (default: all)")
    List<String> names = new ArrayList<>();

    @Option(
        names = "--suite",
        paramLabel = "DIR",
        description = "the suite's folder (default: datasets/precision of ProdML Lab)")
    Path suite;

    @Option(
        names = "--held-out",
        paramLabel = "yes|no",
        description =
            "only the scenarios held out while the rules were changed (yes), or only the others (no)")
    String heldOut;

    @Override
    public Integer call() {
      Path folder = suite != null ? suite : Home.get().resolve("datasets").resolve("precision");
      List<Path> scenarios = new ArrayList<>();
      List<Path> all = PrecisionSuite.scenarios(folder);
      for (String name : names) {
        Path p = folder.resolve(name);
        if (!all.contains(p)) {
          throw new IllegalArgumentException(
              "no precision scenario '"
                  + name
                  + "' in "
                  + folder
                  + "; there are "
                  + String.join(", ", all.stream().map(x -> x.getFileName().toString()).toList()));
        }
        scenarios.add(p);
      }
      if (scenarios.isEmpty()) {
        scenarios.addAll(all);
      }
      var console = spec.commandLine().getOut();
      PrecisionSuite.Setup setup =
          new PrecisionSuite.Setup(
              ruleOptions.folders(),
              Home.rules().resolve("questions"),
              Home.get().resolve("notebooks"));
      List<PrecisionSuite.Score> scores = new ArrayList<>();
      for (Path p : scenarios) {
        org.prodml.data.scenario.Expectations x =
            org.prodml.data.scenario.Expectations.read(
                p.resolve(org.prodml.data.scenario.Expectations.FILE_NAME));
        if (heldOut != null && x.heldOut() != heldOut.equalsIgnoreCase("yes")) {
          continue;
        }
        scores.add(PrecisionSuite.run(p, setup, Version.get()));
      }
      PrecisionSuite.Result result = new PrecisionSuite.Result(scores);
      console.print(PrecisionSuite.table(result));
      console.flush();
      return result.shortfalls().isEmpty() ? ProdmlCommand.OK : ProdmlCommand.CRITICAL;
    }
  }

  /** The registered scenarios' names, the course's then the precision suite's. */
  static List<String> names() {
    List<String> names = new ArrayList<>(Scenarios.all().stream().map(Scenario::name).toList());
    Scenarios.precision().forEach(s -> names.add(s.name()));
    return names;
  }

  /** The registered scenarios' names, for the help text. */
  static final class ScenarioNames implements Iterable<String> {
    @Override
    public Iterator<String> iterator() {
      return names().iterator();
    }
  }
}
