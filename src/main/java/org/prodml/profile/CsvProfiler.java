package org.prodml.profile;

import de.siegmar.fastcsv.reader.AbstractBaseCsvCallbackHandler;
import de.siegmar.fastcsv.reader.CsvParseException;
import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import de.siegmar.fastcsv.reader.RecordWrapper;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.LongConsumer;
import org.prodml.data.DataInputException;

/**
 * Profiles a CSV file in one streaming pass with bounded memory: the file is never loaded as a
 * table. FastCSV hands each field to the column accumulators as a char range (no String per
 * number). Large files are cut at record boundaries into one part per thread; the parts' sketches
 * merge into the profile of the whole file. The file is only read.
 */
public final class CsvProfiler {
  /** Below this size a second thread costs more than it saves. */
  static final long PARALLEL_MIN_BYTES = 8L << 20;
  /**
   * A column is typed as, say, DOUBLE when 99% of its sample values are numbers; the rest count
   * as invalid values, which a validation rule reports, instead of turning it into text.
   */
  static final double TYPE_SHARE = 0.99;

  private CsvProfiler() {}

  public static DatasetProfile profile(Path file, ProfileOptions options) {
    return profile(file, options, rows -> {});
  }

  /**
   * Profiles the file; {@code progress} receives the bytes read so far (for progress bars).
   *
   * @throws DataInputException for a missing or empty file, a ragged row, a broken quote, or an
   *     option naming a column the header does not have
   */
  public static DatasetProfile profile(Path file, ProfileOptions options, LongConsumer progress) {
    String name = file.toString();
    long size = sizeOf(file);
    Header header = readHeader(file, options);
    List<ValueType> types = header.types;
    List<DatasetAccumulator> results = null;
    if (size >= PARALLEL_MIN_BYTES && options.threads() > 1) {
      long[] guessed = RecordBoundaries.guess(file, size, options.threads());
      if (guessed.length > 2) {
        results = parseParts(file, size, guessed, header, options, progress);
      }
    }
    if (results == null) {
      long[] bounds = size >= PARALLEL_MIN_BYTES && options.threads() > 1
          ? RecordBoundaries.split(file, size, options.threads())
          : new long[] {0, 0, size};
      results = parseParts(file, bounds, header, options, progress);
    }
    DatasetAccumulator whole = results.get(0);
    for (int i = 1; i < results.size(); i++) {
      whole.merge(results.get(i));
    }
    return whole.toProfile(name, options);
  }

  /** Parses parts [bounds_i, bounds_i+1) of the file with known line offsets, one thread each. */
  private static List<DatasetAccumulator> parseParts(
      Path file, long[] bounds, Header header, ProfileOptions options, LongConsumer progress) {
    int chunks = (bounds.length - 1) / 2;
    long[] starts = new long[chunks + 1];
    for (int i = 0; i < chunks; i++) {
      starts[i] = bounds[2 * i];
    }
    starts[chunks] = bounds[bounds.length - 1];
    List<Part> parts = runParts(file, starts, header, options, progress, false);
    List<DatasetAccumulator> results = new ArrayList<>();
    for (int i = 0; i < parts.size(); i++) {
      Part part = parts.get(i);
      if (part.problem != null) {
        throw part.problem.at(file.toString(), bounds[2 * i + 1]);
      }
      part.acc.shiftLines(bounds[2 * i + 1]);
      results.add(part.acc);
    }
    return results;
  }

  /**
   * Parses parts that start just after the first newline past each 1/n of the file, all at once,
   * without a serial pre-scan. Each part counts the quotes and newlines it reads: a cut is right
   * when the quotes before it are even (it is no newline inside a quoted field), and the newlines
   * before it give the part's line numbers, which are shifted afterwards. Returns null when a cut
   * fell inside a quoted field: the caller then splits the file the careful way.
   */
  private static List<DatasetAccumulator> parseParts(
      Path file, long size, long[] starts, Header header, ProfileOptions options, LongConsumer progress) {
    List<Part> parts = runParts(file, starts, header, options, progress, true);
    List<DatasetAccumulator> results = new ArrayList<>();
    long quotes = 0;
    long newlines = 0;
    for (int i = 0; i < parts.size(); i++) {
      if ((quotes & 1) != 0) {
        return null;
      }
      Part part = parts.get(i);
      if (part.problem != null) {
        throw part.problem.at(file.toString(), newlines);
      }
      part.acc.shiftLines(newlines);
      results.add(part.acc);
      quotes += part.counts.quotes;
      newlines += part.counts.newlines;
    }
    return results;
  }

  /** One part's outcome: its accumulator, or the problem that stopped it (lines local to the part). */
  private record Part(DatasetAccumulator acc, Problem problem, ByteCounts counts) {}

  private static List<Part> runParts(
      Path file, long[] starts, Header header, ProfileOptions options, LongConsumer progress, boolean count) {
    int chunks = starts.length - 1;
    List<Part> parts = new ArrayList<>();
    if (chunks == 1) {
      parts.add(runPart(file, starts[0], starts[1], true, header, options, progress, count));
      return parts;
    }
    ExecutorService pool = Executors.newFixedThreadPool(chunks - 1, r -> {
      Thread t = new Thread(r, "prodml-profile");
      t.setDaemon(true);
      return t;
    });
    try {
      List<Future<Part>> futures = new ArrayList<>();
      for (int i = 1; i < chunks; i++) {
        long start = starts[i];
        long end = starts[i + 1];
        futures.add(pool.submit(() -> runPart(file, start, end, false, header, options, progress, count)));
      }
      parts.add(runPart(file, starts[0], starts[1], true, header, options, progress, count));
      for (Future<Part> f : futures) {
        parts.add(f.get());
      }
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException re) {
        throw re;
      }
      throw new IllegalStateException(e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("profiling interrupted", e);
    } finally {
      pool.shutdownNow();
    }
    return parts;
  }

  private static Part runPart(
      Path file, long start, long end, boolean first, Header header, ProfileOptions options,
      LongConsumer progress, boolean count) {
    DatasetAccumulator acc = new DatasetAccumulator(header.names, header.types, options);
    ByteCounts counts = count ? new ByteCounts() : null;
    try {
      parse(file, start, end, first, header.names.size(), acc, progress, counts);
      return new Part(acc, null, counts);
    } catch (Problem p) {
      return new Part(null, p, counts);
    }
  }

  /** A problem at a line counted from the start of a part. */
  private static final class Problem extends RuntimeException {
    final long line;
    final String problem;

    Problem(long line, String problem) {
      super(problem, null, false, false);
      this.line = line;
      this.problem = problem;
    }

    DataInputException at(String file, long lineOffset) {
      return new DataInputException(file, line < 0 ? -1 : line + lineOffset, null, problem);
    }
  }

  /** Quotes and newlines among the bytes a part read. */
  static final class ByteCounts {
    long quotes;
    long newlines;

    void count(byte[] b, int off, int len) {
      long q = 0;
      long nl = 0;
      for (int i = off; i < off + len; i++) {
        byte c = b[i];
        if (c == '"') {
          q++;
        } else if (c == '\n') {
          nl++;
        }
      }
      quotes += q;
      newlines += nl;
    }
  }

  private static long sizeOf(Path file) {
    if (!Files.exists(file)) {
      throw new DataInputException(file.toString(), "no such file");
    }
    if (Files.isDirectory(file)) {
      throw new DataInputException(file.toString(), "is a folder, not a CSV file");
    }
    try {
      long size = Files.size(file);
      if (size == 0) {
        throw new DataInputException(file.toString(), "the file is empty (no header row)");
      }
      return size;
    } catch (IOException e) {
      throw new DataInputException(file.toString(), "cannot read: " + e.getMessage());
    }
  }

  private record Header(List<String> names, List<ValueType> types) {}

  /** Reads the header and infers types from the first sample rows (unless declared). */
  private static Header readHeader(Path file, ProfileOptions options) {
    String name = file.toString();
    List<String> names = null;
    List<TypeInference> inference = new ArrayList<>();
    try (CsvReader<CsvRecord> reader = CsvReader.builder().ofCsvRecord(file)) {
      int seen = 0;
      for (CsvRecord record : reader) {
        if (names == null) {
          names = headerNames(name, record);
          for (int i = 0; i < names.size(); i++) {
            inference.add(new TypeInference(options.missingMarkers(), TYPE_SHARE));
          }
          continue;
        }
        if (record.getFieldCount() != names.size()) {
          throw ragged(name, record.getStartingLineNumber(), record.getFieldCount(), names.size());
        }
        for (int i = 0; i < names.size(); i++) {
          inference.get(i).accept(record.getField(i));
        }
        if (++seen >= options.sampleRows()) {
          break;
        }
      }
    } catch (CsvParseException e) {
      throw new DataInputException(name, "not valid CSV: " + rootMessage(e));
    } catch (UncheckedIOException | IOException e) {
      throw new DataInputException(name, "cannot read: " + e.getMessage());
    }
    if (names == null) {
      throw new DataInputException(name, "the file is empty (no header row)");
    }
    for (String role : new String[] {options.label(), options.group(), options.time()}) {
      requireColumn(name, names, role);
    }
    for (String declared : options.types().keySet()) {
      requireColumn(name, names, declared);
    }
    List<ValueType> types = new ArrayList<>();
    for (int i = 0; i < names.size(); i++) {
      ValueType declared = options.types().get(names.get(i));
      types.add(declared != null ? declared : inference.get(i).result());
    }
    return new Header(names, types);
  }

  static void requireColumn(String file, List<String> names, String column) {
    if (column != null && !names.contains(column)) {
      throw new DataInputException(file, -1, column,
          "no such column; the header has " + String.join(", ", names));
    }
  }

  private static List<String> headerNames(String file, CsvRecord record) {
    List<String> names = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < record.getFieldCount(); i++) {
      String n = record.getField(i).strip();
      if (i == 0 && n.startsWith("\uFEFF")) {
        n = n.substring(1);
      }
      if (n.isEmpty()) {
        n = "column_" + (i + 1);
      }
      if (!seen.add(n)) {
        throw new DataInputException(file, record.getStartingLineNumber(), n, "appears twice in the header");
      }
      names.add(n);
    }
    return names;
  }

  static DataInputException ragged(String file, long line, int fields, int expected) {
    return new DataInputException(file, line, null,
        "row has " + fields + " field" + (fields == 1 ? "" : "s") + " but the header has " + expected);
  }

  private static String rootMessage(Throwable e) {
    Throwable t = e;
    while (t.getCause() != null) {
      t = t.getCause();
    }
    return t.getMessage();
  }

  /** Parses [start, end); lines in problems and in the accumulator count from the part's start. */
  private static void parse(
      Path file, long start, long end, boolean hasHeader, int fields,
      DatasetAccumulator acc, LongConsumer progress, ByteCounts counts) {
    ProfilingHandler handler = new ProfilingHandler(acc, fields, hasHeader);
    try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
      try (Reader reader = new PartReader(channel, start, end, progress, counts);
           CsvReader<Object> csv = CsvReader.builder().skipEmptyLines(true).build(handler, reader)) {
        for (Object ignored : csv) {
          // the handler does the work as fields arrive
        }
      }
    } catch (CsvParseException e) {
      if (e.getCause() instanceof Problem p) {
        throw p; // a ragged row, found by the handler
      }
      throw new Problem(handler.line, "not valid CSV: " + rootMessage(e));
    } catch (IOException | UncheckedIOException e) {
      throw new Problem(-1, "cannot read: " + e.getMessage());
    }
  }

  /** Feeds fields straight into the column accumulators; checks every row's width. */
  private static final class ProfilingHandler extends AbstractBaseCsvCallbackHandler<Object> {
    private static final Object ROW = new Object();
    private final DatasetAccumulator acc;
    private final ColumnAccumulator[] columns;
    private final int expected;
    private boolean skipNext;
    long line;

    ProfilingHandler(DatasetAccumulator acc, int expected, boolean hasHeader) {
      this.acc = acc;
      this.columns = acc.columns;
      this.expected = expected;
      this.skipNext = hasHeader;
    }

    @Override
    protected void handleBegin(long startingLineNumber) {
      line = startingLineNumber;
    }

    @Override
    protected void handleField(int index, char[] buf, int offset, int len, boolean quoted) {
      if (!skipNext && index < expected) {
        columns[index].acceptText(buf, offset, len, line);
      }
    }

    @Override
    protected RecordWrapper<Object> buildRecord() {
      if (skipNext) {
        skipNext = false;
      } else if (isEmptyLine()) {
        // an empty line took one "missing" value in the first column: give it back
        columns[0].count--;
        columns[0].missing--;
      } else if (getFieldCount() != expected) {
        int fields = getFieldCount();
        throw new Problem(line, "row has " + fields + " field" + (fields == 1 ? "" : "s")
            + " but the header has " + expected);
      } else {
        acc.endRow();
      }
      return wrapRecord(ROW);
    }
  }

  /**
   * Reads the bytes [start, end) of a file as UTF-8 text (a byte order mark at the file's start is
   * skipped), counting quotes and newlines as they pass and reporting progress every megabyte.
   * ASCII text, the common case, is widened byte by byte; from the first other byte on, a UTF-8
   * decoder takes over (malformed input becomes U+FFFD, as with an InputStreamReader).
   */
  private static final class PartReader extends Reader {
    private final FileChannel channel;
    private long pos;
    private final long end;
    private final LongConsumer progress;
    private final ByteCounts counts;
    private final ByteBuffer buffer = ByteBuffer.allocate(1 << 16);
    private final byte[] bytes = buffer.array();
    private int next;
    private int limit;
    private boolean eof;
    private long sinceReport;
    private CharsetDecoder decoder;
    private boolean flushed;

    PartReader(FileChannel channel, long start, long end, LongConsumer progress, ByteCounts counts) throws IOException {
      this.channel = channel;
      this.pos = start;
      this.end = end;
      this.progress = progress;
      this.counts = counts;
      if (start == 0) {
        fill();
        if (limit >= 3 && (bytes[0] & 0xFF) == 0xEF && (bytes[1] & 0xFF) == 0xBB && (bytes[2] & 0xFF) == 0xBF) {
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
        decoder = StandardCharsets.UTF_8.newDecoder()
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

  /** Cuts a file into parts that start at record boundaries, outside quoted fields. */
  static final class RecordBoundaries {
    private RecordBoundaries() {}

    /**
     * Returns {0, cut_1, …, size}: cut_i is just after the first newline at or past i/parts of the
     * file, whether or not it is inside a quoted field (the parts check that afterwards).
     */
    static long[] guess(Path file, long size, int parts) {
      List<Long> out = new ArrayList<>(List.of(0L));
      try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
        ByteBuffer buf = ByteBuffer.allocate(1 << 16);
        byte[] bytes = buf.array();
        for (int p = 1; p < parts; p++) {
          long pos = Math.max(size * p / parts, out.get(out.size() - 1));
          long cut = -1;
          while (cut < 0 && pos < size) {
            buf.clear();
            int n = channel.read(buf, pos);
            if (n <= 0) {
              break;
            }
            for (int i = 0; i < n; i++) {
              if (bytes[i] == '\n') {
                cut = pos + i + 1;
                break;
              }
            }
            pos += n;
          }
          if (cut > out.get(out.size() - 1) && cut < size) {
            out.add(cut);
          }
        }
      } catch (IOException e) {
        throw new DataInputException(file.toString(), "cannot read: " + e.getMessage());
      }
      out.add(size);
      return out.stream().mapToLong(Long::longValue).toArray();
    }

    /**
     * Returns {start0, lineOffset0, start1, lineOffset1, …, size}: part i spans [start_i,
     * start_{i+1}) and its first line is lineOffset_i + 1.
     */
    static long[] split(Path file, long size, int parts) {
      List<Long> out = new ArrayList<>(List.of(0L, 0L));
      try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
        // a heap buffer read as an array: a direct buffer's get(i) is several times slower before the JIT warms up
        ByteBuffer buf = ByteBuffer.allocate(1 << 20);
        byte[] bytes = buf.array();
        long pos = 0;
        long newlines = 0;
        boolean inQuotes = false;
        int next = 1;
        long target = size * next / parts;
        boolean seeking = false; // past the target, looking for a newline outside quotes
        while (pos < size && next < parts) {
          buf.clear();
          int n = channel.read(buf, pos);
          if (n <= 0) {
            break;
          }
          for (int i = 0; i < n; i++) {
            byte b = bytes[i];
            if (b == '"') {
              inQuotes = !inQuotes;
            } else if (b == '\n') {
              newlines++;
              if (seeking && !inQuotes) {
                long boundary = pos + i + 1;
                if (boundary < size) {
                  out.add(boundary);
                  out.add(newlines);
                }
                next++;
                seeking = false;
                if (next >= parts) {
                  break;
                }
                target = size * next / parts;
              }
            }
            if (!seeking && pos + i + 1 >= target) {
              seeking = true;
            }
          }
          pos += n;
        }
      } catch (IOException e) {
        throw new DataInputException(file.toString(), "cannot read: " + e.getMessage());
      }
      out.add(size);
      return out.stream().mapToLong(Long::longValue).toArray();
    }
  }
}
