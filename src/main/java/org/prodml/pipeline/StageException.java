package org.prodml.pipeline;

/**
 * A paragraph a learner must change: a missing or unknown parameter, a stage run before the stage
 * it needs, a column that is not in the data. The message is one line that says what to do.
 */
public class StageException extends RuntimeException {
  public StageException(String message) {
    super(message);
  }
}
