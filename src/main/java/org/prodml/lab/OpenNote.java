package org.prodml.lab;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;

/**
 * A note opened for running: its copy (results filled in as paragraphs run) and its session. {@link
 * #run} runs on the note's own thread; {@link #progress} and {@link #cancel} are called from others
 * while it runs.
 */
public interface OpenNote extends AutoCloseable {
  /** The note with the results of the paragraphs run so far. */
  ObjectNode note();

  /** Replaces a paragraph's text (its old results go). */
  void setText(String paragraphId, String text);

  /** Sets a paragraph's form values (drop-downs), used when it runs next. */
  void setForms(String paragraphId, Map<String, String> values);

  /** Runs one paragraph; the outcome's message is the one-line error when it failed. */
  Outcome run(String paragraphId);

  /** How far the running paragraph is, 0–100 (0 when it is not running). */
  int progress(String paragraphId);

  /** Asks the running paragraph to stop. */
  void cancel(String paragraphId);

  /** Words that complete the one before the cursor, from the paragraph's interpreter. */
  List<Completion> completion(String paragraphId, String text, int cursor);

  @Override
  void close();

  /** How a paragraph's run ended. */
  record Outcome(boolean ok, String message, long millis) {}

  /** A completion: the word and what it is. */
  record Completion(String word, String meta) {}
}
