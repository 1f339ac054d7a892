package org.prodml.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.prodml.render.TableBlock;
import org.prodml.render.TextTables;
import org.prodml.rules.RuleBase;
import org.prodml.rules.RuleFiles;
import org.prodml.rules.RuleMetadata;
import org.prodml.text.Format;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code ./prodml rules}: the rule catalog. */
@Command(
    name = "rules",
    mixinStandardHelpOptions = true,
    description = "List and lint the rule catalog.",
    subcommands = {RulesCommand.ListRules.class})
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
  @Command(name = "list", mixinStandardHelpOptions = true, description = "List the rules: id, severity, topic, stage, claim, thresholds.")
  static final class ListRules implements Callable<Integer> {
    @Spec picocli.CommandLine.Model.CommandSpec spec;

    @Option(names = "--rules", paramLabel = "DIR", description = "rule folder (repeatable; default: rules/)")
    List<Path> rules = new ArrayList<>();

    @Override
    public Integer call() {
      RuleBase base = RuleFiles.compile(folders(rules));
      List<List<String>> rows = new ArrayList<>();
      for (RuleMetadata r : base.rules()) {
        List<String> thresholds = new ArrayList<>();
        r.thresholds().forEach((k, v) -> thresholds.add(k + "=" + Format.number(v)));
        rows.add(List.of(r.id(), r.severity().name(), r.topic().name(), r.stage().name(),
            r.name().substring(Math.min(r.name().length(), r.id().length())).strip(), String.join(" ", thresholds)));
      }
      spec.commandLine().getOut().print(TextTables.render(
          TableBlock.of(base.rules().size() + " rules", List.of("id", "severity", "topic", "stage", "claim", "thresholds"), rows), 70));
      spec.commandLine().getOut().flush();
      return ProdmlCommand.OK;
    }
  }
}
