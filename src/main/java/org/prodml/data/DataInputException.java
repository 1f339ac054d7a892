package org.prodml.data;

/**
 * Input a person must fix: a missing or empty file, a ragged row, an unknown column, a value that
 * does not parse. The message is one line naming the file, and the line and column when known.
 */
public class DataInputException extends RuntimeException {
  private final String file;
  private final long line;
  private final String column;
  private final String problem;

  public DataInputException(String file, long line, String column, String problem) {
    super(location(file, line, column) + problem);
    this.file = file;
    this.line = line;
    this.column = column;
    this.problem = problem;
  }

  public DataInputException(String file, String problem) {
    this(file, -1, null, problem);
  }

  private static String location(String file, long line, String column) {
    StringBuilder s = new StringBuilder(file == null ? "input" : file);
    if (line > 0) {
      s.append(':').append(line);
    }
    s.append(": ");
    if (column != null) {
      s.append("column '").append(column).append("': ");
    }
    return s.toString();
  }

  public String file() {
    return file;
  }

  public long line() {
    return line;
  }

  public String column() {
    return column;
  }

  /** What is wrong, without the location. */
  public String problem() {
    return problem;
  }
}
