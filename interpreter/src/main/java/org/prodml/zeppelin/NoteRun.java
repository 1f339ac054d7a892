package org.prodml.zeppelin;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * A note run headless: the copy of the note with its results filled in, and how each paragraph
 * went.
 */
record NoteRun(
    String noteId, String name, ObjectNode note, List<ParagraphRun> paragraphs, long millis) {

  NoteRun {
    paragraphs = List.copyOf(paragraphs);
  }

  /** True when a paragraph failed that was not marked as expected to fail. */
  boolean failed() {
    return paragraphs.stream().anyMatch(p -> p.status().isFailure());
  }

  long count(ParagraphRun.Status status) {
    return paragraphs.stream().filter(p -> p.status() == status).count();
  }
}
