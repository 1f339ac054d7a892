package org.prodml.zeppelin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.apache.zeppelin.interpreter.InterpreterResult;
import org.apache.zeppelin.interpreter.InterpreterResult.Code;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class AskParagraphTest {
  static TestGroup group;

  @BeforeAll
  static void open() {
    group = TestGroup.create();
  }

  @AfterAll
  static void close() throws Exception {
    group.close();
  }

  @Test
  void answersAreRecordedOnePerLineSkippingBlanksAndComments() {
    InterpreterResult result =
        group.run(
            "ask",
            "note-ask",
            Map.of(),
            """
        # data dependencies
        training.reproducible: yes-manual

        data.source.versioned :  no  # nobody pins the feed
        """);

    assertEquals(Code.SUCCESS, result.code(), TestGroup.messages(result).toString());
    assertEquals(
        "Recorded 2 answers; 39 readiness questions are still unknown.", TestGroup.data(result, 0));
    String table = TestGroup.data(result, 2);
    assertTrue(
        table.startsWith("question\tanswer\ttext\ntraining.reproducible\tyes-manual\t"), table);
    assertTrue(table.contains("\ndata.source.versioned\tno\t"), table);
  }

  @Test
  void aMalformedLineIsRefusedWithItsNumberAndNothingIsKept() {
    InterpreterResult result =
        group.run(
            "ask",
            "note-ask-bad",
            Map.of(),
            "training.reproducible: yes-manual\nthis line has no id\n");
    InterpreterResult status = group.run("prodml", "note-ask-bad", Map.of(), "status");

    assertEquals(Code.ERROR, result.code());
    assertEquals(
        "line 2: expected 'question-id: answer', got 'this line has no id'",
        TestGroup.data(result, 0));
    assertEquals(
        "Note note-ask-bad: 0 tables, 0 stage runs, 0 facts, 0 rule paragraphs, 0 answers.",
        TestGroup.data(status, 0));
  }

  @Test
  void unknownQuestionsAndAnswersTheQuestionDoesNotTakeAreRefused() {
    String typo =
        TestGroup.data(
            group.run("ask", "note-ask-2", Map.of(), "data.source.reliabel: yes-manual\n"), 0);
    assertEquals(
        "line 1: unknown question 'data.source.reliabel'; did you mean 'data.source.reliable'?",
        typo);
    String vague =
        TestGroup.data(group.run("ask", "note-ask-2", Map.of(), "training.reproducible: yes\n"), 0);
    assertTrue(vague.startsWith("line 1: training.reproducible: 'yes' is not an answer"), vague);
    assertTrue(vague.contains("say whether it is automated or manual"), vague);
  }
}
