package org.prodml.csv;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import java.util.function.LongConsumer;
import java.util.function.Supplier;
import org.prodml.data.DataInputException;

/**
 * A CSV file read in one streaming pass with bounded memory, in parts on several threads when it is
 * large: each part's records go to a handler of its own, as char ranges. The file is only read.
 * Every problem is a {@link DataInputException} naming the file, and the line when there is one.
 */
public final class CsvFile {
  /** Below this size a second thread costs more than it saves. */
  public static final long PARALLEL_MIN_BYTES = 8L << 20;

  private final Path path;
  private final long size;

  private CsvFile(Path path, long size) {
    this.path = path;
    this.size = size;
  }

  /**
   * @throws DataInputException for a missing, unreadable or empty file, or a folder
   */
  public static CsvFile of(Path path) {
    if (!Files.exists(path)) {
      throw new DataInputException(path.toString(), "no such file");
    }
    if (Files.isDirectory(path)) {
      throw new DataInputException(path.toString(), "is a folder, not a CSV file");
    }
    if (!Files.isRegularFile(path)) {
      throw new DataInputException(
          path.toString(), "is not a regular file (a pipe, socket or device); give a CSV file");
    }
    try {
      long size = Files.size(path);
      if (size == 0) {
        throw new DataInputException(path.toString(), "the file is empty (no header row)");
      }
      return new CsvFile(path, size);
    } catch (IOException e) {
      throw new DataInputException(path.toString(), "cannot read: " + e.getMessage());
    }
  }

  /**
   * The header, and the first {@code sampleRecords} records after it as field lists to {@code
   * sample}.
   */
  public CsvHeader readHeader(int sampleRecords, Consumer<List<String>> sample) {
    return CsvHeader.read(path, sampleRecords, sample);
  }

  /**
   * Reads every record after the header, each part of the file into a handler of its own made by
   * {@code newHandler} (called on the part's thread). Files of {@link #PARALLEL_MIN_BYTES} or more
   * are cut into up to {@code threads} parts read at once; {@code progress} receives the bytes read
   * as they are read, from every thread.
   *
   * @param width the header's width: every record must have it
   * @return the parts in file order, each with the number of lines before it
   * @throws DataInputException for a ragged row or a broken quote, naming its line in the file
   */
  public <H extends CsvFieldHandler> List<CsvPart<H>> read(
      int threads, int width, Supplier<H> newHandler, LongConsumer progress) {
    if (size < PARALLEL_MIN_BYTES || threads <= 1) {
      return readCut(
          new CsvSplitter.Cuts(new long[] {0, size}, new long[] {0}), width, newHandler, progress);
    }
    CsvSplitter.Cuts guessed = CsvSplitter.guess(path, size, threads);
    if (guessed.parts() > 1) {
      List<CsvPart<H>> parts = readGuessed(guessed, width, newHandler, progress);
      if (parts != null) {
        return parts;
      }
    }
    return readCut(CsvSplitter.outsideQuotes(path, size, threads), width, newHandler, progress);
  }

  /** Reads parts whose line offsets are known. */
  private <H extends CsvFieldHandler> List<CsvPart<H>> readCut(
      CsvSplitter.Cuts cuts, int width, Supplier<H> newHandler, LongConsumer progress) {
    List<PartOutcome<H>> outcomes = readParts(cuts.starts(), width, newHandler, progress, false);
    List<CsvPart<H>> parts = new ArrayList<>();
    for (int i = 0; i < outcomes.size(); i++) {
      PartOutcome<H> outcome = outcomes.get(i);
      long linesBefore = cuts.linesBefore()[i];
      if (outcome.problem != null) {
        throw outcome.problem.at(path.toString(), linesBefore);
      }
      parts.add(new CsvPart<>(outcome.handler, linesBefore));
    }
    return parts;
  }

  /**
   * Reads parts cut where a newline follows each 1/n of the file, all at once, without a serial
   * pre-scan. Each part counts the quotes and newlines it reads: a cut is right when the quotes
   * before it are even (it is no newline inside a quoted field), and the newlines before it give
   * the part's first line. Returns null when a cut fell inside a quoted field: the caller then
   * splits the file the careful way.
   */
  private <H extends CsvFieldHandler> List<CsvPart<H>> readGuessed(
      CsvSplitter.Cuts cuts, int width, Supplier<H> newHandler, LongConsumer progress) {
    List<PartOutcome<H>> outcomes = readParts(cuts.starts(), width, newHandler, progress, true);
    List<CsvPart<H>> parts = new ArrayList<>();
    long quotes = 0;
    long newlines = 0;
    for (PartOutcome<H> outcome : outcomes) {
      if ((quotes & 1) != 0) {
        return null;
      }
      if (outcome.problem != null) {
        throw outcome.problem.at(path.toString(), newlines);
      }
      parts.add(new CsvPart<>(outcome.handler, newlines));
      quotes += outcome.counts.quotes;
      newlines += outcome.counts.newlines;
    }
    return parts;
  }

  /** One part's outcome: its handler, or the problem that stopped it (lines local to the part). */
  private record PartOutcome<H>(
      H handler, CsvPartParser.Problem problem, QuoteAndNewlineCounts counts) {}

  /**
   * Reads the parts [starts_i, starts_i+1), the first on this thread, the others on one thread
   * each.
   */
  private <H extends CsvFieldHandler> List<PartOutcome<H>> readParts(
      long[] starts, int width, Supplier<H> newHandler, LongConsumer progress, boolean count) {
    int chunks = starts.length - 1;
    List<PartOutcome<H>> outcomes = new ArrayList<>();
    if (chunks == 1) {
      outcomes.add(readPart(starts[0], starts[1], width, newHandler, progress, count));
      return outcomes;
    }
    ExecutorService pool =
        Executors.newFixedThreadPool(
            chunks - 1,
            r -> {
              Thread t = new Thread(r, "prodml-csv-part");
              t.setDaemon(true);
              return t;
            });
    try {
      List<Future<PartOutcome<H>>> futures = new ArrayList<>();
      for (int i = 1; i < chunks; i++) {
        long start = starts[i];
        long end = starts[i + 1];
        futures.add(pool.submit(() -> readPart(start, end, width, newHandler, progress, count)));
      }
      outcomes.add(readPart(starts[0], starts[1], width, newHandler, progress, count));
      for (Future<PartOutcome<H>> f : futures) {
        outcomes.add(f.get());
      }
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException re) {
        throw re;
      }
      throw new IllegalStateException(e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("reading " + path + " interrupted", e);
    } finally {
      pool.shutdownNow();
    }
    return outcomes;
  }

  private <H extends CsvFieldHandler> PartOutcome<H> readPart(
      long start,
      long end,
      int width,
      Supplier<H> newHandler,
      LongConsumer progress,
      boolean count) {
    H handler = newHandler.get();
    QuoteAndNewlineCounts counts = count ? new QuoteAndNewlineCounts() : null;
    try {
      CsvPartParser.parse(path, start, end, width, handler, progress, counts);
      return new PartOutcome<>(handler, null, counts);
    } catch (CsvPartParser.Problem p) {
      return new PartOutcome<>(null, p, counts);
    }
  }
}
