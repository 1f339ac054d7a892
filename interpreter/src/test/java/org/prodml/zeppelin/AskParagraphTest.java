package org.prodml.zeppelin;

import static org.junit.jupiter.api.Assertions.assertEquals;

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
    InterpreterResult result = group.run("ask", "note-ask", Map.of(), """
        # data dependencies
        DD-1: yes, the weather feed is versioned daily

        DD-2 :  no: nobody owns the upstream join
        """);

    assertEquals(Code.SUCCESS, result.code(), TestGroup.messages(result).toString());
    assertEquals("Recorded 2 answers; this note has 2 in all.", TestGroup.data(result, 0));
    assertEquals("question\tanswer\nDD-1\tyes, the weather feed is versioned daily\nDD-2\tno: nobody owns the upstream join\n",
        TestGroup.data(result, 2));
  }

  @Test
  void aMalformedLineIsRefusedWithItsNumberAndNothingIsKept() {
    InterpreterResult result = group.run("ask", "note-ask-bad", Map.of(), "DD-1: yes\nDD-2: no\nthis line has no id\n");
    InterpreterResult status = group.run("prodml", "note-ask-bad", Map.of(), "status");

    assertEquals(Code.ERROR, result.code());
    assertEquals("line 3: expected 'id: answer' (e.g. 'DD-1: yes, the feed is versioned'), got 'this line has no id'",
        TestGroup.data(result, 0));
    assertEquals("Note note-ask-bad: 0 tables, 0 stage runs, 0 facts, 0 rule paragraphs, 0 answers.", TestGroup.data(status, 0));
  }

  @Test
  void anEmptyAnswerAndATwiceAnsweredQuestionAreRefused() {
    assertEquals("line 2: the answer to 'DD-2' is empty",
        TestGroup.data(group.run("ask", "note-ask-2", Map.of(), "DD-1: yes\nDD-2:   \n"), 0));
    assertEquals("line 3: 'DD-1' is already answered on line 1",
        TestGroup.data(group.run("ask", "note-ask-2", Map.of(), "DD-1: yes\nDD-2: no\nDD-1: maybe\n"), 0));
  }
}
