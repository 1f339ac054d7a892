package org.prodml.csv;

import java.util.ArrayList;
import java.util.List;

/** A handler for tests that keeps each record of its part as text: "line: field|field|…". */
final class TextRecords implements CsvFieldHandler {
  final List<String> records = new ArrayList<>();
  int emptyLines;
  private final StringBuilder current = new StringBuilder();
  private long line;

  @Override
  public void field(int column, char[] chars, int offset, int length, long line) {
    if (column == 0) {
      this.line = line;
    } else {
      current.append('|');
    }
    current.append(chars, offset, length);
  }

  @Override
  public void endRecord() {
    records.add(line + ": " + current);
    current.setLength(0);
  }

  @Override
  public void emptyLine() {
    emptyLines++;
    current.setLength(0);
  }

  /** The records of all parts, their lines counted from the file's start. */
  static List<String> inFile(List<CsvPart<TextRecords>> parts) {
    List<String> all = new ArrayList<>();
    for (CsvPart<TextRecords> part : parts) {
      for (String r : part.handler().records) {
        int colon = r.indexOf(':');
        all.add((Long.parseLong(r.substring(0, colon)) + part.linesBefore()) + r.substring(colon));
      }
    }
    return all;
  }
}
