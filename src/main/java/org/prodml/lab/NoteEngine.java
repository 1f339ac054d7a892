package org.prodml.lab;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Optional;

/**
 * Opens notes for running paragraph by paragraph, one pipeline per note, as a learner runs them in
 * Zeppelin. The Zeppelin adapter implements it with its interpreter classes.
 */
public interface NoteEngine {
  /** A copy of the note, opened with a session of its own. */
  OpenNote open(ObjectNode note);

  /**
   * Why a paragraph's text cannot be run as it is (its properties do not parse), as the one line a
   * learner reads; empty when it can.
   */
  Optional<String> malformed(String text);
}
