package org.prodml.csv;

import java.io.IOException;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.function.LongConsumer;

/**
 * Reads the bytes [start, end) of a file as UTF-8 text (a byte order mark at the file's start is
 * skipped), counting quotes and newlines as they pass and reporting progress every megabyte. ASCII
 * text, the common case, is widened byte by byte; from the first other byte on, a UTF-8 decoder
 * takes over (malformed input becomes U+FFFD, as with an InputStreamReader). The bytes come
 * straight from the file channel into one heap buffer: no stream chain per part. Read it with room
 * for two chars or more (FastCSV reads 8192): one char cannot take a surrogate pair.
 */
final class Utf8PartReader extends Reader {
  private final FileChannel channel;
  private long pos;
  private final long end;
  private final LongConsumer progress;
  private final QuoteAndNewlineCounts counts;
  private final ByteBuffer buffer = ByteBuffer.allocate(1 << 16);
  private final byte[] bytes = buffer.array();
  private int next;
  private int limit;
  private boolean eof;
  private long sinceReport;
  private CharsetDecoder decoder;
  private boolean flushed;

  /** {@code counts} may be null: nothing is counted. */
  Utf8PartReader(
      FileChannel channel,
      long start,
      long end,
      LongConsumer progress,
      QuoteAndNewlineCounts counts)
      throws IOException {
    this.channel = channel;
    this.pos = start;
    this.end = end;
    this.progress = progress;
    this.counts = counts;
    if (start == 0) {
      fill();
      if (limit >= 3
          && (bytes[0] & 0xFF) == 0xEF
          && (bytes[1] & 0xFF) == 0xBB
          && (bytes[2] & 0xFF) == 0xBF) {
        next = 3;
      }
    }
  }

  /** Keeps the unread bytes and reads more after them; false at the end of the part. */
  private boolean fill() throws IOException {
    if (next > 0) {
      System.arraycopy(bytes, next, bytes, 0, limit - next);
      limit -= next;
      next = 0;
    }
    while (pos < end) {
      buffer.limit((int) Math.min(bytes.length, limit + (end - pos)));
      buffer.position(limit);
      int n = channel.read(buffer, pos);
      if (n < 0) {
        break;
      }
      if (n > 0) {
        if (counts != null) {
          counts.count(bytes, limit, n);
        }
        limit += n;
        pos += n;
        sinceReport += n;
        if (sinceReport >= 1 << 20) {
          progress.accept(sinceReport);
          sinceReport = 0;
        }
        return true;
      }
    }
    eof = true;
    return false;
  }

  @Override
  public int read(char[] out, int off, int len) throws IOException {
    if (len == 0) {
      return 0;
    }
    if (decoder == null) {
      if (next == limit && !fill()) {
        return -1;
      }
      int n = Math.min(len, limit - next);
      int i = 0;
      for (; i < n; i++) {
        byte b = bytes[next + i];
        if (b < 0) {
          break;
        }
        out[off + i] = (char) b;
      }
      next += i;
      if (i > 0) {
        return i;
      }
      decoder =
          StandardCharsets.UTF_8
              .newDecoder()
              .onMalformedInput(CodingErrorAction.REPLACE)
              .onUnmappableCharacter(CodingErrorAction.REPLACE);
    }
    return decode(out, off, len);
  }

  private int decode(char[] out, int off, int len) throws IOException {
    CharBuffer target = CharBuffer.wrap(out, off, len);
    while (true) {
      ByteBuffer in = ByteBuffer.wrap(bytes, next, limit - next);
      decoder.decode(in, target, eof);
      next = in.position();
      if (eof && !flushed && next == limit) {
        decoder.flush(target);
        flushed = true;
      }
      int produced = target.position() - off;
      if (produced > 0) {
        return produced;
      }
      if (eof) {
        return -1;
      }
      fill(); // needs more bytes (a sequence cut at the buffer's end, or none left)
    }
  }

  @Override
  public void close() throws IOException {
    if (sinceReport > 0) {
      progress.accept(sinceReport);
      sinceReport = 0;
    }
  }
}
