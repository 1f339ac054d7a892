package org.prodml.csv;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class Utf8PartReaderTest {
  @TempDir Path dir;

  /** Reads [start, end) of the file as FastCSV does, 8192 chars at a time. */
  private static String read(
      Path file, long start, long end, QuoteAndNewlineCounts counts, AtomicLong progress)
      throws IOException {
    StringBuilder text = new StringBuilder();
    try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ);
        Utf8PartReader reader =
            new Utf8PartReader(channel, start, end, progress::addAndGet, counts)) {
      char[] buf = new char[8192];
      for (int n; (n = reader.read(buf, 0, buf.length)) >= 0; ) {
        text.append(buf, 0, n);
      }
    }
    return text.toString();
  }

  @Test
  void aPartIsItsBytesWithTheirQuotesAndNewlinesCounted() throws Exception {
    Path f = Files.writeString(dir.resolve("p.csv"), "a,b\n\"x\",1\n\"y\nz\",2\n3,4\n");
    QuoteAndNewlineCounts counts = new QuoteAndNewlineCounts();
    AtomicLong progress = new AtomicLong();
    assertEquals("\"x\",1\n\"y\nz\",2\n", read(f, 4, 18, counts, progress));
    assertEquals(4, counts.quotes);
    assertEquals(3, counts.newlines);
    assertEquals(14, progress.get());
  }

  @Test
  void aByteOrderMarkIsSkippedAtTheFileStartOnly() throws Exception {
    Path f = Files.writeString(dir.resolve("bom.csv"), "\uFEFFa\n\uFEFFb\n");
    long size = Files.size(f);
    assertEquals("a\n\uFEFFb\n", read(f, 0, size, null, new AtomicLong()));
    assertEquals("\uFEFFb\n", read(f, 5, size, null, new AtomicLong()));
  }

  @Test
  void multiByteCharactersAcrossTheBufferEndDecodeAsWritten() throws Exception {
    StringBuilder text = new StringBuilder();
    for (int i = 0; text.length() < 200_000; i++) {
      String word = i % 3 == 0 ? "caf\u00e9 \uD83D\uDE00 \u65e5\u672c" : "plain ascii";
      text.append(word).append(',').append(i).append('\n');
    }
    // the first non-ASCII byte hands over to the decoder past the first buffer of bytes
    String ascii = "x".repeat(70_000) + "\n";
    Path f = Files.writeString(dir.resolve("utf8.csv"), ascii + text);
    QuoteAndNewlineCounts counts = new QuoteAndNewlineCounts();
    AtomicLong progress = new AtomicLong();
    assertEquals(ascii + text, read(f, 0, Files.size(f), counts, progress));
    assertEquals(text.chars().filter(c -> c == '\n').count() + 1, counts.newlines);
    assertEquals(Files.size(f), progress.get());
  }

  @Test
  void malformedBytesBecomeTheReplacementCharacter() throws Exception {
    Path f = dir.resolve("latin1.csv");
    Files.write(f, "caf\u00e9\n".getBytes(StandardCharsets.ISO_8859_1));
    assertEquals("caf\uFFFD\n", read(f, 0, Files.size(f), null, new AtomicLong()));
  }
}
