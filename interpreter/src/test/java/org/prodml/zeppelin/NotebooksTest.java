package org.prodml.zeppelin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.prodml.cli.Home;

/** Every note under notebooks/ runs headless, as a learner's "run all" would, without an unexpected error. */
class NotebooksTest {

  @TestFactory
  Stream<DynamicTest> everyNoteRunsHeadless() throws Exception {
    Path notebooks = Home.get().resolve("notebooks");
    List<Path> notes = new ArrayList<>();
    try (Stream<Path> walk = Files.walk(notebooks)) {
      walk.filter(NoteRunner::isNote).sorted().forEach(notes::add);
    }
    assertFalse(notes.isEmpty(), "no notes under " + notebooks);
    NoteRunner runner = new NoteRunner(Map.of());
    return notes.stream().map(note -> DynamicTest.dynamicTest(notebooks.relativize(note).toString(), () -> {
      List<String> lines = new ArrayList<>();
      NoteRun run = runner.run(NoteRunner.read(note), paragraph -> lines.add(HeadlessRun.line(paragraph)));
      List<String> failures = run.paragraphs().stream().filter(p -> p.status().isFailure())
          .map(HeadlessRun::line).toList();
      assertEquals(List.of(), failures, String.join("\n", lines));
    }));
  }
}
