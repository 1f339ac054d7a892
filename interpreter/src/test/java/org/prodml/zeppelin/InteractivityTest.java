package org.prodml.zeppelin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.apache.zeppelin.display.GUI;
import org.apache.zeppelin.interpreter.Interpreter;
import org.apache.zeppelin.interpreter.InterpreterContext;
import org.apache.zeppelin.interpreter.InterpreterOutput;
import org.apache.zeppelin.interpreter.InterpreterResult;
import org.apache.zeppelin.interpreter.InterpreterResult.Code;
import org.apache.zeppelin.interpreter.thrift.InterpreterCompletion;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Completion, progress, cancel, dynamic forms and errors, with test stages injected into the group.
 */
class InteractivityTest {
  private TestGroup group;

  @BeforeEach
  void open() {
    group = TestStages.group();
  }

  @AfterEach
  void close() throws Exception {
    group.close();
  }

  private static List<String> words(List<InterpreterCompletion> completions) {
    return completions.stream().map(InterpreterCompletion::getValue).toList();
  }

  @Test
  void completionOffersTheStagesParametersColumnsAndRuleIds() throws Exception {
    group.run("load", "note-c", Map.of("file", "tiny-weather/data.csv"), "");
    InterpreterContext context = TestGroup.context("note-c", "p-c", Map.of());
    Interpreter load = group.get("load");

    List<String> all = words(load.completion("", 0, context));
    List<String> te = words(load.completion("columns te", 10, context));
    List<String> ti = words(load.completion("ti", 2, context));
    List<String> dv = words(group.get("validate").completion("ignore DV-00", 12, context));

    assertTrue(
        all.containsAll(
            List.of(
                "file",
                "as",
                "label",
                "types",
                "prodml.load",
                "prodml.validate",
                "temp_max",
                "remark")),
        all.toString());
    assertEquals(List.of("temp_max"), te);
    assertEquals(List.of("time"), ti, "load's parameter 'time'; nothing else starts with ti");
    assertTrue(
        dv.contains("DV-001") && dv.stream().allMatch(w -> w.startsWith("DV-00")), dv.toString());
  }

  @Test
  void completionCarriesWhatEachWordIs() throws Exception {
    List<InterpreterCompletion> completions =
        group.get("load").completion("fi", 2, TestGroup.context("note-c", "p", Map.of()));

    assertEquals(1, completions.size());
    assertEquals("file", completions.get(0).getName());
    assertTrue(
        completions.get(0).getMeta().startsWith("parameter: the file"),
        completions.get(0).getMeta());
  }

  @Test
  void cancelStopsALongStageWithinASecondAndProgressWasReported() throws Exception {
    Interpreter slow = group.get("slow");
    InterpreterContext context = TestGroup.context("note-slow", "p-slow", Map.of());
    CompletableFuture<InterpreterResult> running =
        CompletableFuture.supplyAsync(() -> TestGroup.run(slow, context, ""));
    int progress = 0;
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
    while (progress == 0 && System.nanoTime() < deadline) {
      Thread.sleep(50);
      progress = slow.getProgress(context);
    }

    long cancelledAt = System.nanoTime();
    slow.cancel(context);
    InterpreterResult result = running.get(5, TimeUnit.SECONDS);
    long stopMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - cancelledAt);

    assertTrue(progress > 0 && progress < 100, "progress while running: " + progress);
    assertEquals(Code.ERROR, result.code());
    assertEquals("cancelled", TestGroup.data(result, 0));
    assertTrue(stopMillis < 1000, "stopped " + stopMillis + " ms after cancel");
    assertEquals(0, slow.getProgress(context), "no progress once the paragraph ended");
  }

  @Test
  void theGroupStillWorksAfterACancel() throws Exception {
    InterpreterContext context = TestGroup.context("note-slow", "p-slow2", Map.of());
    CompletableFuture<InterpreterResult> running =
        CompletableFuture.supplyAsync(() -> TestGroup.run(group.get("slow"), context, ""));
    while (group.get("slow").getProgress(context) == 0 && !running.isDone()) {
      Thread.sleep(20);
    }
    group.get("slow").cancel(context);
    running.get(5, TimeUnit.SECONDS);

    InterpreterResult again = group.run("slow", "note-slow", Map.of("steps", "2"), "");

    assertEquals(Code.SUCCESS, again.code());
    assertEquals("done after 2 steps", TestGroup.data(again, 0));
  }

  @Test
  void theModelTypeIsADropDownWhenTheParagraphDoesNotNameOne() {
    GUI gui = new GUI();
    InterpreterContext context =
        InterpreterContext.builder()
            .setNoteId("note-f")
            .setParagraphId("p-f")
            .setGUI(gui)
            .setInterpreterOut(new InterpreterOutput())
            .build();

    InterpreterResult result = TestGroup.run(group.get("train"), context, "");

    assertEquals("model=baseline", TestGroup.data(result, 0));
    assertTrue(gui.getForms().containsKey("model"));
    assertTrue(gui.getForms().get("model") instanceof org.apache.zeppelin.display.ui.Select);
  }

  @Test
  void theDropDownsChoiceIsTheParameterOnTheNextRun() {
    GUI gui = new GUI();
    gui.setParams(new java.util.HashMap<>(Map.of("model", "forest")));
    InterpreterContext context =
        InterpreterContext.builder()
            .setNoteId("note-f")
            .setParagraphId("p-f")
            .setGUI(gui)
            .setInterpreterOut(new InterpreterOutput())
            .build();

    assertEquals("model=forest", TestGroup.data(TestGroup.run(group.get("train"), context, ""), 0));
  }

  @Test
  void aModelInTheParagraphNeedsNoDropDown() {
    GUI gui = new GUI();
    InterpreterContext context =
        InterpreterContext.builder()
            .setNoteId("note-f")
            .setParagraphId("p-f")
            .setLocalProperties(new java.util.HashMap<>(Map.of("model", "gbt")))
            .setGUI(gui)
            .setInterpreterOut(new InterpreterOutput())
            .build();

    assertEquals("model=gbt", TestGroup.data(TestGroup.run(group.get("train"), context, ""), 0));
    assertFalse(gui.getForms().containsKey("model"));
  }

  @Test
  void aStageNotInThisBuildSaysSo() {
    InterpreterResult result = group.run("transform", "note-x", Map.of(), "");

    assertEquals(Code.ERROR, result.code());
    assertTrue(
        TestGroup.data(result, 0)
            .startsWith(
                "%prodml.transform is not available yet: this build has no 'transform' stage (it has load,"),
        TestGroup.data(result, 0));
  }

  @Test
  void aBugIsAnInternalErrorLineAndTheNoteSurvives() {
    group.run("load", "note-bug", Map.of("file", "tiny-weather/data.csv"), "");

    InterpreterResult result = group.run("audit", "note-bug", Map.of(), "");
    InterpreterResult status = group.run("prodml", "note-bug", Map.of(), "status");

    assertEquals(Code.ERROR, result.code());
    assertTrue(
        TestGroup.data(result, 0).startsWith("internal error: NullPointerException: "),
        TestGroup.data(result, 0));
    assertTrue(TestGroup.data(result, 0).endsWith(" (bug)"));
    assertTrue(TestGroup.data(status, 2).contains("data\t12\t6"), TestGroup.data(status, 2));
  }

  @Test
  void helpListsEveryRegisteredStageAndTheUnknownCommandErrorListsTheCommands() {
    InterpreterResult help = group.run("prodml", "note-h", Map.of(), "help");
    InterpreterResult unknown = group.run("prodml", "note-h", Map.of(), "shwo data");

    assertTrue(
        TestGroup.data(help, 2).contains("%prodml.slow\ta long computation (tests only)\tsteps"),
        TestGroup.data(help, 2));
    assertEquals(
        "%prodml does not know 'shwo'; write " + ProdmlInterpreter.COMMANDS,
        TestGroup.data(unknown, 0));
  }

  @Test
  void helpOfOneStageListsItsParametersWithTheirMeaningAndValues() {
    InterpreterResult split = group.run("prodml", "note-h", Map.of(), "help split");
    InterpreterResult unknown = group.run("prodml", "note-h", Map.of(), "help splt");

    String text = TestGroup.data(split, 0) + "\n" + TestGroup.data(split, 2);
    assertTrue(text.startsWith("%prodml.split: "), text);
    assertTrue(text.matches("(?s).*\nmethod\t[^\t]+\t[^\t]*random[^\t]*\n.*"), text);
    assertTrue(text.matches("(?s).*\nseed\t[^\t]+\t.*"), text);
    assertEquals(InterpreterResult.Code.ERROR, unknown.code());
    assertTrue(TestGroup.data(unknown, 0).contains("no stage 'splt'"), TestGroup.data(unknown, 0));
  }
}
