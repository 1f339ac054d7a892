package org.prodml.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * Input that used to pass as a verdict, each now one line on stderr and exit 2 (an Error: 3), and
 * rules that would run code or never end, refused or stopped through every command-line door.
 */
class BadInputTest {
  static final String TRAIN = AuditCommandTest.TRAIN.toString();
  static final String SERVING = AuditCommandTest.SERVING.toString();

  @TempDir Path dir;

  /** Runs the command line; asserts exit 2 and one line on stderr; returns that line. */
  static String refused(String... args) {
    AuditCommandTest.Run run = run(args);
    assertEquals(2, run.exit(), "exit; stderr: " + run.err() + "\nstdout: " + run.out());
    List<String> lines = run.err().lines().toList();
    assertEquals(1, lines.size(), "one line on stderr: " + run.err());
    return lines.get(0);
  }

  static AuditCommandTest.Run run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int exit =
        ProdmlCommand.execute(
            ProdmlCommand.commandLine(new PrintWriter(out, true), new PrintWriter(err, true)),
            args);
    return new AuditCommandTest.Run(exit, out.toString(), err.toString());
  }

  String audit(String... more) {
    String[] args = new String[8 + more.length];
    System.arraycopy(
        new String[] {
          "audit",
          "--train",
          TRAIN,
          "--label",
          "weather",
          "--out",
          dir.resolve("out").toString(),
          "--time=date"
        },
        0,
        args,
        0,
        8);
    System.arraycopy(more, 0, args, 8, more.length);
    return refused(args);
  }

  @Test
  void anEmptyRuleFolderIsNotAVerdict() throws IOException {
    Path empty = Files.createDirectories(dir.resolve("empty-rules"));
    String line = audit("--rules", empty.toString());
    assertTrue(line.contains("empty-rules:0: no rule files (*.drl) in this folder"), line);
  }

  @Test
  void aThresholdOfNaNIsRefused() {
    String line = audit("--thresholds", "missing.maxShare=NaN");
    assertTrue(line.contains("threshold missing.maxShare must be a finite number"), line);
  }

  @Test
  void aNegativeShareIsRefused() {
    String line = audit("--thresholds", "missing.maxShare=-1");
    assertTrue(line.contains("threshold missing.maxShare must not be negative"), line);
  }

  @Test
  void aShareAboveOneIsRefused() {
    String line = audit("--thresholds", "duplicates.maxShare=5");
    assertTrue(line.contains("is a share, between 0 and 1"), line);
  }

  @Test
  void aPiiColumnThatIsNotThereIsRefused() {
    String line = audit("--pii", "nosuch");
    assertTrue(line.contains("pii names 'nosuch', which is not a column"), line);
  }

  @Test
  void anIgnoredColumnThatIsNotThereIsRefused() {
    String line = audit("--ignore", "nosuch");
    assertTrue(line.contains("ignore names 'nosuch', which is not a column"), line);
  }

  @Test
  void aKeyColumnThatIsNotThereIsRefused() {
    String line = audit("--serving", SERVING, "--model", "logistic", "--keys", "nosuch");
    assertTrue(line.contains("key column 'nosuch'"), line);
  }

  @Test
  void aTimeColumnOfNoDatesIsRefused() {
    String line =
        refused(
            "audit",
            "--train",
            TRAIN,
            "--label",
            "weather",
            "--time",
            "weather",
            "--out",
            dir.resolve("o").toString());
    assertTrue(line.contains("time names 'weather', whose values are not dates or times"), line);
  }

  @Test
  void trainingDataWithoutOneLabelIsRefused() throws IOException {
    List<String> rows = Files.readAllLines(Path.of(TRAIN));
    StringBuilder unlabelled = new StringBuilder(rows.get(0)).append('\n');
    for (String row : rows.subList(1, rows.size())) {
      unlabelled.append(row, 0, row.lastIndexOf(',') + 1).append('\n');
    }
    Path file = dir.resolve("unlabelled.csv");
    Files.writeString(file, unlabelled);
    String line =
        refused(
            "audit",
            "--train",
            file.toString(),
            "--label",
            "weather",
            "--out",
            dir.resolve("o").toString());
    assertTrue(line.contains("the label 'weather' has no value in any of the 731 rows"), line);
  }

  @Test
  void aForestTooLargeToTrainIsRefusedBeforeTraining() {
    String line = audit("--model", "forest", "--trees", "2147483647");
    assertTrue(line.contains("trees must be between 1 and 2"), line);
  }

  @Test
  void sixErrorsInAnAnswersFileAreTheFirstAndFiveMore() throws IOException {
    Path answers = dir.resolve("answers.yaml");
    Files.writeString(answers, "a: yes\nb: yes\nc: yes\nd: yes\ne: yes\nf: yes\n");
    String line = audit("--answers", answers.toString());
    assertTrue(line.contains("answers.yaml:1: unknown question 'a'"), line);
    assertTrue(line.endsWith("(and 5 more)"), line);
  }

  @Test
  void textAfterAJsonArrayIsRefused() throws IOException {
    Path json = dir.resolve("records.json");
    Files.writeString(json, "[{\"a\": 1, \"b\": \"x\"}]\n[{\"a\": 2}]\n");
    String line = refused("profile", json.toString(), "--out", dir.resolve("p").toString());
    assertTrue(line.contains("records.json:2: text after the array of records"), line);
  }

  @Test
  void zeroThreadsAreRefused() {
    String line = refused("profile", TRAIN, "--threads", "0", "--out", dir.resolve("p").toString());
    assertTrue(line.contains("threads must be at least 1, not 0"), line);
  }

  @Test
  void aPipeIsNotCalledEmpty() throws Exception {
    Path fifo = dir.resolve("data.csv");
    Process mkfifo = new ProcessBuilder("mkfifo", fifo.toString()).start();
    assertTrue(mkfifo.waitFor(10, TimeUnit.SECONDS) && mkfifo.exitValue() == 0, "mkfifo");
    String line =
        refused(
            "audit",
            "--train",
            fifo.toString(),
            "--label",
            "weather",
            "--out",
            dir.resolve("o").toString());
    assertTrue(line.contains("data.csv: is not a regular file"), line);
  }

  @Test
  void anErrorOfTheJvmIsOneLineAndExitThree() {
    @CommandLine.Command(name = "explode")
    class Explode implements Runnable {
      @Override
      public void run() {
        throw new OutOfMemoryError("Java heap space");
      }
    }
    StringWriter err = new StringWriter();
    CommandLine cli =
        ProdmlCommand.commandLine(
            new PrintWriter(new StringWriter(), true), new PrintWriter(err, true));
    cli.addSubcommand("explode", new Explode());

    int exit = ProdmlCommand.execute(cli, "explode");

    assertEquals(3, exit);
    assertEquals(1, err.toString().lines().count(), err.toString());
    assertTrue(
        err.toString().startsWith("prodml: out of memory (Java heap space)"), err.toString());
  }

  // ---- rules that would run code or never end ----

  static final String HEADER =
      """
      package rules.mine;
      import org.prodml.facts.FeatureFact;
      import org.prodml.facts.Evidence;
      rule "MY-001 %s"
          @id("MY-001") @severity("CRITICAL") @topic("MISSINGNESS") @stage("VALIDATE")
          @explanation("x") @remedy("y")
      when
          $f : FeatureFact()
      then
          %s
      end
      """;

  Path ruleFolder(String claim, String action) throws IOException {
    Path folder = Files.createDirectories(dir.resolve("rules/mine"));
    Files.writeString(folder.resolve("Mine.drl"), HEADER.formatted(claim, action));
    return folder;
  }

  @Test
  void aRuleFolderWhoseRuleRunsACommandIsRefusedAndTheCommandNeverRuns() throws IOException {
    Path marker = dir.resolve("ran");
    Path rules =
        ruleFolder(
            "Runs a command",
            "Runtime.getRuntime().exec(new String[] {\"touch\", \"" + marker + "\"});");

    String line = audit("--rules", rules.toString());

    assertTrue(line.contains("Mine.drl:10: the call "), line);
    assertTrue(line.contains("is not allowed"), line);
    assertFalse(Files.exists(marker), "the command ran");
  }

  @Test
  void aRuleFolderWhoseRuleEndsTheProcessIsRefused() throws IOException {
    Path rules = ruleFolder("Ends the process", "System.exit(0);");
    String line = audit("--rules", rules.toString());
    assertTrue(line.contains("Mine.drl:10: the call 'System.exit(0)' is not allowed"), line);
  }

  @Test
  void aRuleFolderWhoseRuleReadsAFileIsRefused() throws IOException {
    Path rules =
        ruleFolder(
            "Reads a file",
            "insert(Evidence.of(java.nio.file.Files.readString(java.nio.file.Path.of(\"/etc/hostname\"))));");
    String line = audit("--rules", rules.toString());
    assertTrue(line.contains("Mine.drl:10: the name java is not allowed"), line);
  }

  @Test
  void aRuleFolderWhoseRuleLoopsIsStoppedByTheBudgetAndNamed() throws IOException {
    Path rules = ruleFolder("Feeds itself", "insert(FeatureFact.feature(\"again\"));");
    long start = System.nanoTime();

    String line = audit("--rules", rules.toString(), "--rules-max-seconds", "2");

    assertTrue(line.startsWith("prodml: rules stopped after "), line);
    assertTrue(line.contains("MY-001 Feeds itself"), line);
    assertTrue((System.nanoTime() - start) / 1_000_000_000 < 60, "took too long");
  }

  @Test
  void rulesLintRefusesARuleThatRunsACommandWithoutRunningIt() throws IOException {
    Path marker = dir.resolve("ran-by-lint");
    Path folder =
        ruleFolder(
            "Runs a command",
            "Runtime.getRuntime().exec(new String[] {\"touch\", \"" + marker + "\"});");
    Files.writeString(
        dir.resolve("rules/catalog.json"),
        "{\"folders\": {\"mine\": {\"prefix\": \"MY\", \"package\": \"rules.mine\", \"title\": \"Mine\"}}}");
    Files.writeString(
        folder.resolve("Mine.cases.json"),
        "{\"rule\": \"MY-001\", \"cases\": [{\"title\": \"fires\", \"expect\": \"fire\","
            + " \"facts\": [{\"type\": \"FeatureFact\", \"value\": {\"column\": \"a\"}}]}]}");

    AuditCommandTest.Run run = run("rules", "lint", "--rules", dir.resolve("rules").toString());

    assertEquals(2, run.exit(), run.out() + run.err());
    assertTrue(run.out().contains("Mine.drl:10: the call "), run.out());
    assertFalse(Files.exists(marker), "lint ran the command");
  }
}
