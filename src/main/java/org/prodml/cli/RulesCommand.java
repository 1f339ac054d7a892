package org.prodml.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.prodml.data.DatasetSpec;
import org.prodml.io.AtomicFiles;
import org.prodml.profile.DataFiles;
import org.prodml.profile.DatasetProfile;
import org.prodml.profile.ProfileOptions;
import org.prodml.render.TableBlock;
import org.prodml.render.TextTables;
import org.prodml.rules.RuleBase;
import org.prodml.rules.RuleCases;
import org.prodml.rules.RuleCatalog;
import org.prodml.rules.RuleFiles;
import org.prodml.rules.RuleLint;
import org.prodml.rules.RuleMetadata;
import org.prodml.rules.RulesReadme;
import org.prodml.suggest.RuleSuggester;
import org.prodml.suggest.Suggestion;
import org.prodml.text.Format;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code ./prodml rules}: the rule catalog. */
@Command(
    name = "rules",
    mixinStandardHelpOptions = true,
    description = "List and lint the rule catalog, and regenerate rules/README.md.",
    subcommands = {
      RulesCommand.ListRules.class,
      RulesCommand.Lint.class,
      RulesCommand.Readme.class,
      RulesCommand.Suggest.class
    })
public final class RulesCommand implements Runnable {
  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  static List<Path> folders(List<Path> given) {
    return given == null || given.isEmpty() ? List.of(Home.rules()) : given;
  }

  /** Lists every rule with its metadata and thresholds. */
  @Command(
      name = "list",
      mixinStandardHelpOptions = true,
      description = "List the rules: id, severity, topic, stage, claim, thresholds.")
  static final class ListRules implements Callable<Integer> {
    @Spec picocli.CommandLine.Model.CommandSpec spec;

    @Option(
        names = "--rules",
        paramLabel = "DIR",
        description = "rule folder (repeatable; default: rules/)")
    List<Path> rules = new ArrayList<>();

    @Override
    public Integer call() {
      RuleBase base = RuleFiles.compile(folders(rules));
      List<List<String>> rows = new ArrayList<>();
      for (RuleMetadata r : base.rules()) {
        List<String> thresholds = new ArrayList<>();
        r.thresholds().forEach((k, v) -> thresholds.add(k + "=" + Format.number(v)));
        rows.add(
            List.of(
                r.id(),
                r.severity().name(),
                r.topic().name(),
                r.stage().name(),
                r.name().substring(Math.min(r.name().length(), r.id().length())).strip(),
                String.join(" ", thresholds)));
      }
      spec.commandLine()
          .getOut()
          .print(
              TextTables.render(
                  TableBlock.of(
                      base.rules().size() + " rules",
                      List.of("id", "severity", "topic", "stage", "claim", "thresholds"),
                      rows),
                  70));
      spec.commandLine().getOut().flush();
      return ProdmlCommand.OK;
    }
  }

  /** Lints the catalog and runs every rule's cases. */
  @Command(
      name = "lint",
      mixinStandardHelpOptions = true,
      description = {
        "Checks the rule catalog and runs every rule's cases; exit 2 on any problem.",
        "Every DRL file must compile, with complete and valid metadata and a unique id, import only facts,"
            + " and have cases."
      })
  static final class Lint implements Callable<Integer> {
    @Spec picocli.CommandLine.Model.CommandSpec spec;

    @Option(
        names = "--rules",
        paramLabel = "DIR",
        description = "the rules root holding catalog.json (default: rules/)")
    Path root;

    @Override
    public Integer call() {
      Path rulesRoot = root == null ? Home.rules() : root;
      var out = spec.commandLine().getOut();
      List<String> problems = new ArrayList<>(RuleLint.lint(rulesRoot));
      int cases = 0;
      if (problems.isEmpty()) {
        for (Path file : RuleCases.find(RuleCatalog.folders(rulesRoot))) {
          for (RuleCases.Result r : RuleCases.run(file)) {
            cases++;
            if (!r.passed()) {
              problems.add(file + ": case \"" + r.name() + "\": " + r.message());
            }
          }
        }
      }
      problems.forEach(out::println);
      int rules = problems.isEmpty() ? RuleCatalog.list(RuleCatalog.folders(rulesRoot)).size() : 0;
      out.println(
          problems.isEmpty()
              ? "OK: " + rules + " rules, " + cases + " cases pass"
              : problems.size() + " problem" + (problems.size() == 1 ? "" : "s"));
      out.flush();
      return problems.isEmpty() ? ProdmlCommand.OK : ProdmlCommand.USAGE;
    }
  }

  /** Regenerates rules/README.md from the rules' metadata. */
  @Command(
      name = "readme",
      mixinStandardHelpOptions = true,
      description =
          "Regenerate rules/README.md (ids, topics, thresholds, course sections) from the rule metadata.")
  static final class Readme implements Callable<Integer> {
    @Spec picocli.CommandLine.Model.CommandSpec spec;

    @Option(
        names = "--rules",
        paramLabel = "DIR",
        description = "the rules root holding catalog.json (default: rules/)")
    Path root;

    @Override
    public Integer call() {
      Path rulesRoot = root == null ? Home.rules() : root;
      Path readme = rulesRoot.resolve("README.md");
      RulesReadme.write(readme, RuleCatalog.folders(rulesRoot));
      spec.commandLine().getOut().println("wrote " + readme);
      spec.commandLine().getOut().flush();
      return ProdmlCommand.OK;
    }
  }

  /** Suggests constraints from a reference dataset, as DRL a person reads and edits. */
  @Command(
      name = "suggest",
      mixinStandardHelpOptions = true,
      description = {
        "Suggests validation rules from a reference dataset's profile, as DRL ready to edit.",
        "The rules check completeness, type, range, domain and uniqueness; they go to standard output, or with"
            + " --out one rule per file with its cases, ready to commit as a rules folder."
      })
  static final class Suggest implements Callable<Integer> {
    @Spec picocli.CommandLine.Model.CommandSpec spec;

    @Option(
        names = "--train",
        required = true,
        paramLabel = "FILE",
        description = "the reference (training) data")
    Path train;

    @Option(
        names = "--label",
        paramLabel = "COLUMN",
        description = "the label column (default: from dataset.json)")
    String label;

    @Option(
        names = "--name",
        paramLabel = "NAME",
        description =
            "the dataset's name in rule names and the DRL package (default: the file's folder)")
    String name;

    @Option(
        names = "--prefix",
        paramLabel = "ID",
        defaultValue = RuleSuggester.DEFAULT_PREFIX,
        description = "rule id prefix, unique across rule folders (default: ${DEFAULT-VALUE})")
    String prefix;

    @Option(
        names = "--out",
        paramLabel = "DIR",
        description = "write one .drl and one .cases.json per rule into this folder")
    Path out;

    @Override
    public Integer call() {
      DatasetSpec spec = DatasetSpec.forDataFile(train).orElse(null);
      String labelColumn = label != null ? label : spec == null ? null : spec.label();
      DatasetProfile profile =
          DataFiles.profile(train, ProfileOptions.defaults().withLabel(labelColumn), true);
      String dataset =
          name != null
              ? name
              : spec != null && spec.name() != null
                  ? spec.name()
                  : train.toAbsolutePath().getParent().getFileName().toString();
      Suggestion suggestion = RuleSuggester.suggest(profile, dataset, prefix);
      var w = this.spec.commandLine().getOut();
      if (out == null) {
        w.print(suggestion.drl());
      } else {
        suggestion.files().forEach((file, text) -> AtomicFiles.write(out.resolve(file), text));
        w.println("wrote " + suggestion.rules().size() + " rules with their cases to " + out);
        w.println(
            "register the folder in rules/catalog.json: "
                + suggestion.catalogEntry(out.getFileName().toString()));
        w.println("then check it: ./prodml rules lint");
      }
      w.flush();
      return ProdmlCommand.OK;
    }
  }
}
