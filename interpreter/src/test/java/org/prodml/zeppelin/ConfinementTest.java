package org.prodml.zeppelin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.apache.zeppelin.interpreter.InterpreterResult;
import org.apache.zeppelin.interpreter.InterpreterResult.Code;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.prodml.cli.Home;

/** A paragraph reads only below the configured data roots. */
class ConfinementTest {
  static TestGroup group;

  @BeforeAll
  static void open() {
    group = TestGroup.create();
  }

  @AfterAll
  static void close() throws Exception {
    group.close();
  }

  private static InterpreterResult load(String file) {
    return group.run("load", "note-confined", Map.of("file", file), "");
  }

  @Test
  void dotDotOutOfTheDataRootsIsRefused() {
    InterpreterResult result = load("../pom.xml");

    assertEquals(Code.ERROR, result.code());
    assertTrue(
        TestGroup.data(result, 0).startsWith("'../pom.xml' is outside the data folders ("),
        TestGroup.data(result, 0));
  }

  @Test
  void dotDotThroughADatasetFolderIsRefusedToo() {
    InterpreterResult result = load("seattle-weather/../../pom.xml");

    assertEquals(Code.ERROR, result.code());
    assertTrue(
        TestGroup.data(result, 0).contains("is outside the data folders"),
        TestGroup.data(result, 0));
  }

  @Test
  void anAbsolutePathOutsideIsRefused() {
    InterpreterResult result = load("/etc/passwd");

    assertEquals(Code.ERROR, result.code());
    assertTrue(
        TestGroup.data(result, 0).startsWith("'/etc/passwd' is outside the data folders"),
        TestGroup.data(result, 0));
  }

  @Test
  void anAbsolutePathInsideADataRootIsAllowed() {
    String inside =
        Home.get().resolve(TestGroup.FIXTURES).resolve("tiny-weather/data.csv").toString();

    InterpreterResult result = load(inside);

    assertEquals(Code.SUCCESS, result.code(), TestGroup.messages(result).toString());
  }

  @Test
  void aRelativePathResolvesAgainstEachRootInTurn() {
    assertEquals(Code.SUCCESS, load("tiny-weather/data.csv").code()); // the fixtures root
    assertEquals(Code.SUCCESS, load("penguins/data.csv").code()); // the datasets root
  }

  @Test
  void aFileLinkOutOfADataRootIsRefused() throws Exception {
    java.nio.file.Path link =
        Home.get().resolve(TestGroup.FIXTURES).resolve("tiny-weather/outside-link.csv");
    java.nio.file.Files.deleteIfExists(link);
    java.nio.file.Files.createSymbolicLink(link, Home.get().resolve("pom.xml"));
    try {
      InterpreterResult result = load("tiny-weather/outside-link.csv");

      assertEquals(Code.ERROR, result.code());
      assertTrue(
          TestGroup.data(result, 0)
              .startsWith("'tiny-weather/outside-link.csv' leads outside the data folders"),
          TestGroup.data(result, 0));
    } finally {
      java.nio.file.Files.deleteIfExists(link);
    }
  }

  @Test
  void aFolderLinkOutOfADataRootIsRefused() throws Exception {
    java.nio.file.Path outside = java.nio.file.Files.createTempDirectory("prodml-outside");
    java.nio.file.Files.copy(
        Home.get().resolve(TestGroup.FIXTURES).resolve("tiny-weather/data.csv"),
        outside.resolve("data.csv"));
    java.nio.file.Path link = Home.get().resolve(TestGroup.FIXTURES).resolve("linked-folder");
    java.nio.file.Files.deleteIfExists(link);
    java.nio.file.Files.createSymbolicLink(link, outside);
    try {
      InterpreterResult result = load("linked-folder/data.csv");

      assertEquals(Code.ERROR, result.code());
      assertTrue(
          TestGroup.data(result, 0).contains("leads outside the data folders"),
          TestGroup.data(result, 0));
    } finally {
      java.nio.file.Files.deleteIfExists(link);
      java.nio.file.Files.deleteIfExists(outside.resolve("data.csv"));
      java.nio.file.Files.deleteIfExists(outside);
    }
  }

  @Test
  void aLinkThatStaysInsideTheDataRootsIsFollowed() throws Exception {
    java.nio.file.Path link =
        Home.get().resolve(TestGroup.FIXTURES).resolve("tiny-weather/inside-link.csv");
    java.nio.file.Files.deleteIfExists(link);
    java.nio.file.Files.createSymbolicLink(link, link.resolveSibling("data.csv"));
    try {
      assertEquals(Code.SUCCESS, load("tiny-weather/inside-link.csv").code());
    } finally {
      java.nio.file.Files.deleteIfExists(link);
    }
  }
}
