package org.prodml.csv;

import de.siegmar.fastcsv.reader.AbstractBaseCsvCallbackHandler;
import de.siegmar.fastcsv.reader.CsvParseException;
import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.RecordWrapper;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.function.LongConsumer;
import org.prodml.data.DataInputException;

/**
 * Parses the bytes [start, end) of a file with FastCSV's callback parser and hands each field to a
 * {@link CsvFieldHandler} as a char range. Line numbers count from the part's start: a part does
 * not know how many lines precede it until the parts before it are read.
 */
final class CsvPartParser {
  private CsvPartParser() {}

  /**
   * Parses one part; the part that starts at 0 begins with the header, which is skipped. {@code
   * counts}, when not null, receives the quotes and newlines of the part's bytes.
   *
   * @throws Problem for a ragged row, a broken quote, or a read error
   */
  static void parse(
      Path file,
      long start,
      long end,
      int width,
      CsvFieldHandler handler,
      LongConsumer progress,
      QuoteAndNewlineCounts counts) {
    FieldForwarder forwarder = new FieldForwarder(handler, width, start == 0);
    try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
      try (Reader reader = new Utf8PartReader(channel, start, end, progress, counts);
          CsvReader<Object> csv =
              CsvReader.builder().skipEmptyLines(true).build(forwarder, reader)) {
        for (Object ignored : csv) {
          // the forwarder does the work as fields arrive
        }
      }
    } catch (CsvParseException e) {
      if (e.getCause() instanceof Problem p) {
        throw p; // a ragged row, found by the forwarder
      }
      throw new Problem(forwarder.line, "not valid CSV: " + rootMessage(e));
    } catch (IOException | UncheckedIOException e) {
      throw new Problem(-1, "cannot read: " + e.getMessage());
    }
  }

  /** A problem at a line counted from the start of a part (or -1 when no line is known). */
  static final class Problem extends RuntimeException {
    final long line;
    final String problem;

    Problem(long line, String problem) {
      super(problem, null, false, false);
      this.line = line;
      this.problem = problem;
    }

    DataInputException at(String file, long linesBefore) {
      return new DataInputException(file, line < 0 ? -1 : line + linesBefore, null, problem);
    }
  }

  static String rowWidthProblem(int fields, int width) {
    return "row has "
        + fields
        + " field"
        + (fields == 1 ? "" : "s")
        + " but the header has "
        + width;
  }

  static String rootMessage(Throwable e) {
    Throwable t = e;
    while (t.getCause() != null) {
      t = t.getCause();
    }
    return t.getMessage();
  }

  /** Hands fields on as they arrive; checks every row's width. */
  private static final class FieldForwarder extends AbstractBaseCsvCallbackHandler<Object> {
    private static final Object ROW = new Object();
    private final CsvFieldHandler handler;
    private final int width;
    private boolean skipNext;
    long line;

    FieldForwarder(CsvFieldHandler handler, int width, boolean hasHeader) {
      this.handler = handler;
      this.width = width;
      this.skipNext = hasHeader;
    }

    @Override
    protected void handleBegin(long startingLineNumber) {
      line = startingLineNumber;
    }

    @Override
    protected void handleField(int index, char[] buf, int offset, int len, boolean quoted) {
      if (!skipNext && index < width) {
        handler.field(index, buf, offset, len, line);
      }
    }

    @Override
    protected RecordWrapper<Object> buildRecord() {
      if (skipNext) {
        skipNext = false;
      } else if (isEmptyLine()) {
        handler.emptyLine();
      } else if (getFieldCount() != width) {
        throw new Problem(line, rowWidthProblem(getFieldCount(), width));
      } else {
        handler.endRecord();
      }
      return wrapRecord(ROW);
    }
  }
}
