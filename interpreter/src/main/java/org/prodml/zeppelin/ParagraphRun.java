package org.prodml.zeppelin;

/** How one paragraph of a note went in a headless run. */
record ParagraphRun(
    int index,
    String id,
    String title,
    String binding,
    Status status,
    long millis,
    String message) {

  /** The outcome, as printed. */
  enum Status {
    OK("ok"),
    ERROR("ERROR"),
    /** Failed, and its {@code config.expectError} says it should. */
    EXPECTED_ERROR("error (expected)"),
    /** Succeeded although its {@code config.expectError} says it should fail. */
    UNEXPECTED_SUCCESS("ERROR (expected an error)"),
    /** Not a prodml or md paragraph, or disabled: left as it is. */
    SKIPPED("skipped"),
    /** After a failed paragraph the rest of the note does not run, as in Zeppelin's "run all". */
    NOT_RUN("not run");

    private final String label;

    Status(String label) {
      this.label = label;
    }

    String label() {
      return label;
    }

    boolean isFailure() {
      return this == ERROR || this == UNEXPECTED_SUCCESS;
    }
  }
}
