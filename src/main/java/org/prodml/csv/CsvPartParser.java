package org.prodml.csv;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.function.LongConsumer;
import org.prodml.data.DataInputException;

/**
 * Parses the bytes [start, end) of a file into records, field by field, straight from the file
 * channel: the bytes are scanned for separators where they were read, and each field is handed to
 * the {@link CsvFieldHandler} as chars (an ASCII field widened byte by byte, any other decoded as
 * UTF-8, malformed bytes becoming U+FFFD), with no String, no record object and no reader in
 * between. Line numbers count from the part's start: a part does not know how many lines precede it
 * until the parts before it are read.
 *
 * <p>It reads CSV as FastCSV does (which reads the header and the type sample, and is this parser's
 * reference in the tests): a comma separates fields; CR, LF and CRLF end a record and each counts
 * as one line, inside quotes too; a line with nothing on it is skipped; a field that starts with a
 * quote is quoted, where each quote toggles quoting, so a comma or line break counts only outside
 * quotes, and its text is its bytes after the first quote, a lone quote dropped and a doubled one
 * kept once ({@code "a""b"} is {@code a"b}, {@code "ab"c} is {@code abc}); a quote inside an
 * unquoted field is kept. A byte order mark at the file's start is skipped, and the part that
 * starts the file skips its header, the first record that is not an empty line.
 */
final class CsvPartParser {
  /** The longest field: longer means a quote that never closes (FastCSV's limit too). */
  static final int MAX_FIELD = 1 << 24;

  private static final int BUFFER = 1 << 18;
  private static final int REPORT_EVERY = 1 << 20;

  private final FileChannel channel;
  private long pos;
  private final long end;
  private final int width;
  private final CsvFieldHandler handler;
  private final LongConsumer progress;
  private final QuoteAndNewlineCounts counts;

  private byte[] buf;
  private int limit;
  private boolean eof;
  private long sinceReport;

  /** A field's text, as the handler receives it. */
  private char[] chars = new char[1024];

  /** A quoted field's bytes without their quotes. */
  private byte[] unquoted = new byte[1024];

  private CharsetDecoder decoder;

  /** The line the parser is on, and the one the current record started on. */
  private long line = 1;

  private long recordLine;
  private int column;
  private boolean header;

  /** The last record ended with CR: an LF right after it belongs to the same line break. */
  private boolean afterCr;

  private CsvPartParser(
      FileChannel channel,
      long start,
      long end,
      int width,
      CsvFieldHandler handler,
      LongConsumer progress,
      QuoteAndNewlineCounts counts,
      int buffer) {
    this.buf = new byte[buffer];
    this.channel = channel;
    this.pos = start;
    this.end = end;
    this.width = width;
    this.handler = handler;
    this.progress = progress;
    this.counts = counts;
    this.header = start == 0;
  }

  /**
   * Parses one part; the part that starts at 0 begins with the header, which is skipped. {@code
   * counts}, when not null, receives the quotes and newlines of the part's bytes.
   *
   * @throws Problem for a ragged row, a field too long, or a read error
   */
  static void parse(
      Path file,
      long start,
      long end,
      int width,
      CsvFieldHandler handler,
      LongConsumer progress,
      QuoteAndNewlineCounts counts) {
    parse(file, start, end, width, handler, progress, counts, BUFFER);
  }

  /** As above, reading {@code buffer} bytes at a time (tests read a byte or two). */
  static void parse(
      Path file,
      long start,
      long end,
      int width,
      CsvFieldHandler handler,
      LongConsumer progress,
      QuoteAndNewlineCounts counts,
      int buffer) {
    try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
      CsvPartParser parser =
          new CsvPartParser(channel, start, end, width, handler, progress, counts, buffer);
      try {
        parser.records();
      } finally {
        parser.reportProgress();
      }
    } catch (IOException e) {
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

  // ---- records ----

  private void records() throws IOException {
    int p = 0;
    fill();
    while (header && limit < 3 && fill()) {
      // the byte order mark's three bytes, whatever the buffer
    }
    if (header
        && limit >= 3
        && (buf[0] & 0xFF) == 0xEF
        && (buf[1] & 0xFF) == 0xBB
        && (buf[2] & 0xFF) == 0xBF) {
      p = 3;
    }
    while (true) {
      if (p == limit) {
        p = keepFrom(p);
        if (!fill()) {
          return;
        }
      }
      byte b = buf[p];
      if (afterCr) {
        afterCr = false;
        if (b == '\n') {
          p++;
          continue;
        }
      }
      if (b == '\n' || b == '\r') { // a line with nothing on it
        line++;
        afterCr = b == '\r';
        p++;
        if (!header) {
          handler.emptyLine();
        }
        continue;
      }
      p = record(p);
    }
  }

  /** Reads one record from its first byte; returns where the next one starts. */
  private int record(int p) throws IOException {
    recordLine = line;
    column = 0;
    while (true) {
      int t = buf[p] == '"' ? quoted(p) : unquoted(p);
      // t is the field's terminator: a comma, a line break, or the part's end
      if (t < limit && buf[t] == ',') {
        p = t + 1;
        if (p == limit) {
          p = keepFrom(p);
          if (!fill()) { // a comma at the very end: one more, empty, field
            deliverEmpty();
            endRecord();
            return p;
          }
        }
        continue;
      }
      endRecord();
      if (t == limit) {
        return t;
      }
      line++;
      afterCr = buf[t] == '\r';
      return t + 1;
    }
  }

  private void endRecord() {
    if (header) {
      header = false;
    } else if (column != width) {
      throw new Problem(recordLine, rowWidthProblem(column, width));
    } else {
      handler.endRecord();
    }
  }

  // ---- fields ----

  /** Scans an unquoted field from p; returns the index of its terminator. */
  private int unquoted(int p) throws IOException {
    int s = p;
    int high = 0;
    while (true) {
      byte[] b = buf;
      int lim = limit;
      while (p < lim) {
        byte c = b[p];
        if (c == ',' || c == '\n' || c == '\r') {
          deliver(s, p, high < 0);
          return p;
        }
        high |= c;
        p++;
      }
      int kept = keepFrom(s);
      p -= s - kept;
      s = kept;
      if (!fill()) {
        deliver(s, p, high < 0);
        return p;
      }
    }
  }

  /** Scans a quoted field from its opening quote at p; returns the index of its terminator. */
  private int quoted(int p) throws IOException {
    int s = p;
    p++;
    boolean inQuotes = true;
    boolean cr = false;
    while (true) {
      byte[] b = buf;
      int lim = limit;
      while (p < lim) {
        byte c = b[p];
        if (c == '"') {
          inQuotes = !inQuotes;
          cr = false;
        } else if (c == '\n' || c == '\r' || c == ',') {
          if (!inQuotes) {
            deliverQuoted(s, p);
            return p;
          }
          if (c != ',') {
            if (c == '\r' || !cr) {
              line++;
            }
            cr = c == '\r';
          }
        } else {
          cr = false;
        }
        p++;
      }
      int kept = keepFrom(s);
      p -= s - kept;
      s = kept;
      if (!fill()) {
        // At the end of the input a quote that ends the field closes it (as in FastCSV).
        deliverQuoted(s, p - 1 > s && buf[p - 1] == '"' ? p - 1 : p);
        return p;
      }
    }
  }

  /** Hands on the field [s, e) as it is. */
  private void deliver(int s, int e, boolean high) {
    if (header || column >= width) {
      column++;
      return;
    }
    int n = e - s;
    if (high) {
      n = decode(buf, s, n);
    } else {
      char[] out = room(n);
      byte[] b = buf;
      for (int i = 0; i < n; i++) {
        out[i] = (char) b[s + i];
      }
    }
    handler.field(column++, chars, 0, n, recordLine);
  }

  private void deliverEmpty() {
    if (!header && column < width) {
      handler.field(column, chars, 0, 0, recordLine);
    }
    column++;
  }

  /**
   * Hands on the quoted field [s, e), s its opening quote: the bytes after it, a lone quote
   * dropped, the second of two kept (FastCSV's rule, also after the closing quote).
   */
  private void deliverQuoted(int s, int e) {
    if (header || column >= width) {
      column++;
      return;
    }
    if (unquoted.length < e - s) {
      unquoted = new byte[Math.max(e - s, unquoted.length * 2)];
    }
    byte[] b = buf;
    byte[] out = unquoted;
    int n = 0;
    int high = 0;
    boolean quote = false;
    for (int i = s + 1; i < e; i++) {
      byte c = b[i];
      if (c == '"') {
        quote = !quote;
        if (quote) {
          continue;
        }
      }
      out[n++] = c;
      high |= c;
    }
    if (high < 0) {
      n = decode(out, 0, n);
    } else {
      char[] text = room(n);
      for (int i = 0; i < n; i++) {
        text[i] = (char) out[i];
      }
    }
    handler.field(column++, chars, 0, n, recordLine);
  }

  /** Decodes UTF-8 bytes into {@link #chars}; returns the number of chars. */
  private int decode(byte[] b, int s, int n) {
    if (decoder == null) {
      decoder =
          StandardCharsets.UTF_8
              .newDecoder()
              .onMalformedInput(CodingErrorAction.REPLACE)
              .onUnmappableCharacter(CodingErrorAction.REPLACE);
    }
    CharBuffer out = CharBuffer.wrap(room(n)); // UTF-8 never takes fewer bytes than UTF-16 chars
    decoder.reset();
    decoder.decode(ByteBuffer.wrap(b, s, n), out, true);
    decoder.flush(out);
    return out.position();
  }

  private char[] room(int n) {
    if (chars.length < n) {
      chars = new char[Math.max(n, chars.length * 2)];
    }
    return chars;
  }

  // ---- the buffer ----

  /**
   * Moves the bytes from {@code from} to the buffer's start, to read more after them; returns where
   * {@code from}'s byte is now (0).
   */
  private int keepFrom(int from) {
    if (from > 0) {
      System.arraycopy(buf, from, buf, 0, limit - from);
      limit -= from;
    }
    return 0;
  }

  /** Reads more bytes after the kept ones; false at the end of the part. */
  private boolean fill() throws IOException {
    if (eof) {
      return false;
    }
    if (limit == buf.length) {
      if (buf.length >= MAX_FIELD) {
        throw new Problem(
            recordLine,
            "not valid CSV: a field longer than "
                + MAX_FIELD
                + " bytes (a quote that never closes?)");
      }
      buf = java.util.Arrays.copyOf(buf, Math.min(MAX_FIELD, buf.length * 2));
    }
    while (pos < end) {
      int want = (int) Math.min(buf.length - limit, end - pos);
      int n = channel.read(ByteBuffer.wrap(buf, limit, want), pos);
      if (n < 0) {
        break;
      }
      if (n > 0) {
        if (counts != null) {
          counts.count(buf, limit, n);
        }
        limit += n;
        pos += n;
        sinceReport += n;
        if (sinceReport >= REPORT_EVERY) {
          reportProgress();
        }
        return true;
      }
    }
    eof = true;
    return false;
  }

  private void reportProgress() {
    if (sinceReport > 0) {
      progress.accept(sinceReport);
      sinceReport = 0;
    }
  }
}
