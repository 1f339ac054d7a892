package org.prodml.zeppelin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.apache.zeppelin.interpreter.Interpreter;
import org.apache.zeppelin.interpreter.InterpreterResult;
import org.apache.zeppelin.interpreter.InterpreterResult.Code;
import org.apache.zeppelin.scheduler.Scheduler;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.prodml.stages.Stages;

/**
 * One pipeline per note: notes never see each other's state, also when they run at the same time.
 */
class NoteIsolationTest {
  private TestGroup group;

  @BeforeEach
  void open() {
    group = TestGroup.create();
  }

  @AfterEach
  void close() throws Exception {
    group.close();
  }

  /** Loads, profiles and checks its own table, a few times over. */
  private List<String> work(String noteId, String file, int rows, CyclicBarrier start)
      throws Exception {
    List<String> problems = new ArrayList<>();
    start.await(30, TimeUnit.SECONDS);
    for (int round = 0; round < 3; round++) {
      InterpreterResult load = group.run("load", noteId, Map.of("file", file), "");
      InterpreterResult profile = group.run("profile", noteId, Map.of("charts", "false"), "");
      InterpreterResult status = group.run("prodml", noteId, Map.of(), "status");
      if (load.code() != Code.SUCCESS || profile.code() != Code.SUCCESS) {
        problems.add(noteId + " failed: " + TestGroup.messages(load) + TestGroup.messages(profile));
      }
      String tables = TestGroup.data(status, 2);
      String expected = "table\trows\tcolumns\tsource\tprofiled\ndata\t" + rows + "\t";
      if (!tables.startsWith(expected) || tables.lines().count() != 2) {
        problems.add(noteId + " round " + round + " sees " + tables);
      }
      if (!TestGroup.data(profile, 0).startsWith("Profiled 'data': " + rows + " rows")) {
        problems.add(noteId + " profiled " + TestGroup.data(profile, 0));
      }
    }
    return problems;
  }

  @Test
  void twoNotesRunAtTheSameTimeOnTwoThreadsEachSeeingOnlyItsOwnData() throws Exception {
    ExecutorService threads = Executors.newFixedThreadPool(2);
    CyclicBarrier start = new CyclicBarrier(2);
    try {
      Future<List<String>> weather =
          threads.submit(() -> work("note-weather", "seattle-weather/data.csv", 1461, start));
      Future<List<String>> tiny =
          threads.submit(() -> work("note-tiny", "tiny-weather/data.csv", 12, start));

      assertEquals(List.of(), weather.get(120, TimeUnit.SECONDS));
      assertEquals(List.of(), tiny.get(120, TimeUnit.SECONDS));
    } finally {
      threads.shutdownNow();
    }
  }

  @Test
  void aNoteThatNeverLoadedHasNoTables() {
    group.run("load", "note-a", Map.of("file", "tiny-weather/data.csv"), "");

    InterpreterResult other = group.run("prodml", "note-b", Map.of(), "show data");

    assertEquals(Code.ERROR, other.code());
    assertEquals(
        "no table 'data' in this note: run %prodml.load(file=…) first", TestGroup.data(other, 0));
  }

  @Test
  void theInterpretersOfASessionShareOneFifoSchedulerAndAnotherSessionHasItsOwn() {
    Map<String, Interpreter> secondSession =
        group.addSession("session_2", TestGroup.properties(), Stages.registry());

    Scheduler first = group.get("prodml").getScheduler();

    for (String name : List.of("load", "profile", "validate", "train", "audit", "rules", "ask")) {
      assertSame(first, group.get(name).getScheduler(), name);
    }
    assertTrue(first.getName().startsWith("prodml-"), first.getName());
    assertTrue(first.getClass().getSimpleName().startsWith("FIFO"), first.getClass().getName());
    assertNotSame(first, secondSession.get("load").getScheduler());
    assertSame(
        secondSession.get("prodml").getScheduler(), secondSession.get("rules").getScheduler());
  }

  @Test
  void twoSessionsKeepTheSameNoteIdApart() {
    Map<String, Interpreter> secondSession =
        group.addSession("session_2", TestGroup.properties(), Stages.registry());
    group.run("load", "note-same", Map.of("file", "tiny-weather/data.csv"), "");

    InterpreterResult inSecond =
        TestGroup.run(
            secondSession.get("prodml"), TestGroup.context("note-same", "p", Map.of()), "status");

    assertEquals(
        "Note note-same: 0 tables, 0 stage runs, 0 facts, 0 rule paragraphs, 0 answers.",
        TestGroup.data(inSecond, 0));
  }
}
