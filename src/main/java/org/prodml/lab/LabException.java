package org.prodml.lab;

/** A request the lab refuses, with the HTTP status and the one line the learner reads. */
public final class LabException extends RuntimeException {
  private final int status;

  public LabException(int status, String message) {
    super(message);
    this.status = status;
  }

  public int status() {
    return status;
  }

  static LabException notFound(String message) {
    return new LabException(404, message);
  }

  static LabException badRequest(String message) {
    return new LabException(400, message);
  }
}
