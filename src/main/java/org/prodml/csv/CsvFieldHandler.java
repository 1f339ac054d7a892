package org.prodml.csv;

/**
 * Receives the records of one part of a CSV file field by field, as the parser finds them: no
 * String and no record object is made per field. One handler serves one part, on one thread; the
 * header is not handed on.
 *
 * <p>For a record with the header's width, {@link #field} is called for each column in order, then
 * {@link #endRecord}. Extra fields of a longer record are not handed on, and a record of the wrong
 * width stops the read with an error naming its line: the handler's state is then of no use.
 */
public interface CsvFieldHandler {
  /**
   * One field of the current record: the characters {@code chars[offset, offset + length)}, quotes
   * removed, valid only during the call (the parser reuses its buffer). {@code line} is the line
   * the record starts on, counted from the part's start: add {@link CsvPart#linesBefore()} for the
   * file's line.
   */
  void field(int column, char[] chars, int offset, int length, long line);

  /** The current record ended, with exactly the header's width. */
  void endRecord();

  /** A line with nothing on it went by: it is no record (no field of it was handed on). */
  void emptyLine();
}
