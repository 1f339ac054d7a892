package org.prodml.stages;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.prodml.cli.AuditCommand;
import org.prodml.cli.SimulateCommand;
import org.prodml.pipeline.Parameter;
import org.prodml.pipeline.Stage;
import picocli.CommandLine;

/**
 * One word per concept: rule stages are the stages, and a command-line option is the parameter of
 * the same name.
 */
class VocabularyTest {
  /**
   * Options of the command line that name its files and folders, or set the limits of a rule run (a
   * front end's setting, like an interpreter property): no stage parameter stands for them.
   */
  private static final Set<String> FRONT_END_OPTIONS =
      Set.of(
          "train",
          "test",
          "serving",
          "data",
          "rules",
          "questions",
          "out",
          "note",
          "rulesMaxFirings",
          "rulesMaxSeconds",
          "help",
          "version");

  @Test
  void aRuleStageIsARegisteredStage() {
    Set<String> stages =
        Stages.all().stream()
            .map(s -> s.name().toUpperCase(Locale.ROOT))
            .collect(Collectors.toCollection(TreeSet::new));
    Set<String> ruleStages =
        Arrays.stream(org.prodml.rules.Stage.values())
            .map(Enum::name)
            .filter(s -> !s.equals("READINESS") && !s.equals("EXERCISE"))
            .collect(Collectors.toCollection(TreeSet::new));
    assertEquals(
        stages, ruleStages, "rules/Stage lists the registered stages, plus READINESS and EXERCISE");
  }

  @Test
  void everyStageReadsItsTableWithOnAndItsReferenceWithAgainst() {
    for (Stage stage : Stages.all()) {
      for (String old : List.of("of", "reference", "table", "data")) {
        assertFalse(
            stage.parameterNames().contains(old),
            stage.name() + " names the table it reads '" + old + "', not 'on'");
      }
      if (!stage.name().equals("simulate")) {
        assertFalse(
            stage.parameterNames().contains("requests"),
            stage.name() + ": the requests table is 'on'");
      }
    }
    assertTrue(
        Stages.all().stream().filter(s -> s.parameterNames().contains(Parameter.ON)).count() >= 9);
  }

  @Test
  void everyAuditAndSimulateOptionIsAStageParameter() {
    Set<String> parameters =
        Stages.all().stream().flatMap(s -> s.parameterNames().stream()).collect(Collectors.toSet());
    for (Object command : List.of(new AuditCommand(), new SimulateCommand())) {
      for (CommandLine.Model.OptionSpec option :
          new CommandLine(command).getCommandSpec().options()) {
        String word = camel(option.longestName().replaceFirst("^--", ""));
        if (!FRONT_END_OPTIONS.contains(word)) {
          assertTrue(
              parameters.contains(word),
              option.longestName() + " has no stage parameter '" + word + "'");
        }
      }
    }
  }

  @Test
  void choicesComeFromTheEnumsThatListThem() {
    Stage train = Stages.registry().get("train");
    assertEquals(
        Arrays.stream(org.prodml.train.ModelType.values())
            .map(org.prodml.train.ModelType::label)
            .toList(),
        train.parameter("model").orElseThrow().choices());
    assertEquals(
        org.prodml.monitor.MonitoringCheck.labels(),
        Stages.registry().get("monitor").parameter("checks").orElseThrow().choices());
    assertEquals(
        org.prodml.deploy.DeploymentCheck.labels(),
        Stages.registry().get("deploy").parameter("checks").orElseThrow().choices());
    assertEquals(
        Arrays.stream(org.prodml.split.SplitMethod.values())
            .map(org.prodml.split.SplitMethod::label)
            .toList(),
        Stages.registry().get("split").parameter("method").orElseThrow().choices());
  }

  private static String camel(String kebab) {
    StringBuilder b = new StringBuilder();
    boolean upper = false;
    for (char c : kebab.toCharArray()) {
      if (c == '-') {
        upper = true;
      } else {
        b.append(upper ? Character.toUpperCase(c) : c);
        upper = false;
      }
    }
    return b.toString();
  }
}
