package org.prodml.csv;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import org.prodml.data.DataInputException;

/**
 * Cuts a file into parts that start at record boundaries, for one thread each. Two ways: a guess
 * that reads a few bytes per cut (right unless a cut lands inside a quoted field, which the parts
 * find out as they read), and a careful split that scans the file up to its last cut, counting
 * quotes and newlines.
 */
final class CsvSplitter {
  private CsvSplitter() {}

  /**
   * Where a file's parts start: part i spans [starts[i], starts[i + 1]) and the last entry is the
   * file's size. Part i starts after linesBefore[i] lines of the file; linesBefore is null when the
   * cuts were guessed (the parts count their lines as they read).
   */
  record Cuts(long[] starts, long[] linesBefore) {
    int parts() {
      return starts.length - 1;
    }
  }

  /**
   * Cuts just after the first newline at or past each i/parts of the file, whether or not it is
   * inside a quoted field; fewer parts when the file has too few newlines.
   */
  static Cuts guess(Path file, long size, int parts) {
    List<Long> starts = new ArrayList<>(List.of(0L));
    try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
      ByteBuffer buf = ByteBuffer.allocate(1 << 16);
      byte[] bytes = buf.array();
      for (int p = 1; p < parts; p++) {
        long pos = Math.max(size * p / parts, starts.get(starts.size() - 1));
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
        if (cut > starts.get(starts.size() - 1) && cut < size) {
          starts.add(cut);
        }
      }
    } catch (IOException e) {
      throw new DataInputException(file.toString(), "cannot read: " + e.getMessage());
    }
    starts.add(size);
    return new Cuts(toArray(starts), null);
  }

  /**
   * Cuts just after the first newline outside quotes at or past each i/parts of the file, counting
   * the lines before each cut: a serial scan of the file up to its last cut.
   */
  static Cuts outsideQuotes(Path file, long size, int parts) {
    List<Long> starts = new ArrayList<>(List.of(0L));
    List<Long> linesBefore = new ArrayList<>(List.of(0L));
    try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
      // a heap buffer read as an array: a direct buffer's get(i) is several times slower before the
      // JIT warms up
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
                starts.add(boundary);
                linesBefore.add(newlines);
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
    starts.add(size);
    return new Cuts(toArray(starts), toArray(linesBefore));
  }

  private static long[] toArray(List<Long> values) {
    return values.stream().mapToLong(Long::longValue).toArray();
  }
}
