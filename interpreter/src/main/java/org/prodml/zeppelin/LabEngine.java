package org.prodml.zeppelin;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.zeppelin.interpreter.InterpreterException;
import org.prodml.lab.NoteEngine;
import org.prodml.lab.OpenNote;

/**
 * The lab's notes run through the interpreter classes Zeppelin and {@code ./prodml run} use: one
 * {@link NoteRunner.Open} (one session, one pipeline) per note.
 */
final class LabEngine implements NoteEngine {
  private final NoteRunner runner;

  LabEngine(Map<String, String> properties) {
    this(new NoteRunner(properties));
  }

  /** Over another runner (tests add a slow interpreter to cancel). */
  LabEngine(NoteRunner runner) {
    this.runner = runner;
  }

  @Override
  public OpenNote open(ObjectNode note) {
    return new Opened(runner.open(note));
  }

  @Override
  public Optional<String> malformed(String text) {
    try {
      ParagraphText.parse(text);
      return Optional.empty();
    } catch (IllegalArgumentException e) {
      return Optional.of(e.getMessage());
    }
  }

  private record Opened(NoteRunner.Open open) implements OpenNote {
    @Override
    public ObjectNode note() {
      return open.note();
    }

    @Override
    public void setText(String paragraphId, String text) {
      open.setText(paragraphId, text);
    }

    @Override
    public void setForms(String paragraphId, Map<String, String> values) {
      open.setForms(paragraphId, values);
    }

    @Override
    public Outcome run(String paragraphId) {
      int i = open.indexOf(paragraphId);
      if (i < 0) {
        throw new IllegalArgumentException("the note has no paragraph " + paragraphId);
      }
      ParagraphRun run = open.run(i);
      if (run == null) {
        return new Outcome(true, "", 0);
      }
      return new Outcome(!run.status().isFailure(), run.message(), run.millis());
    }

    @Override
    public int progress(String paragraphId) {
      return open.progress(paragraphId);
    }

    @Override
    public void cancel(String paragraphId) {
      open.cancel(paragraphId);
    }

    @Override
    public List<Completion> completion(String paragraphId, String text, int cursor) {
      try {
        return open.completion(paragraphId, text, cursor).stream()
            .map(c -> new Completion(c.getValue(), c.getMeta()))
            .toList();
      } catch (InterpreterException e) {
        throw new IllegalStateException(Errors.oneLine(e), e);
      }
    }

    @Override
    public void close() {
      open.close();
    }
  }
}
