package org.prodml.profile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.prodml.report.Json;

/**
 * Profiles must not change when the code that reads the CSV changes: each profile here is compared,
 * as JSON, with one recorded under {@code src/test/resources/profiles/}. The shipped datasets are
 * read in one part; the generated files are large enough to be cut into two parts read at once,
 * once where the first cut is right and once where it falls inside a quoted field (the careful
 * split then takes over), each with an invalid value whose line must come out right.
 *
 * <p>After an intended change to profiles, run this test with {@code -Dprodml.recordProfiles=true}
 * to record them again, and review the difference.
 */
class RecordedProfilesTest {
  private static final Path RECORDED = Path.of("src/test/resources/profiles");
  private static final boolean RECORD = Boolean.getBoolean("prodml.recordProfiles");

  @TempDir Path dir;

  @Test
  void seattleWeather() throws Exception {
    assertAsRecorded(
        "seattle-weather.json",
        Path.of("datasets/seattle-weather/data.csv"),
        ProfileOptions.defaults().withLabel("weather").withTime("date"));
  }

  @Test
  void flights20k() throws Exception {
    assertAsRecorded(
        "flights-20k.json",
        Path.of("datasets/flights-20k/data.csv"),
        ProfileOptions.defaults().withLabel("delay").withTime("date").withGroup("origin"));
  }

  @Test
  void aLargeFileReadInTwoParts() throws Exception {
    assertAsRecorded("two-parts.json", largeFile(false), twoParts());
  }

  @Test
  void aLargeFileWhoseMiddleIsOneQuotedField() throws Exception {
    assertAsRecorded("quoted-middle.json", largeFile(true), twoParts());
  }

  private static ProfileOptions twoParts() {
    return ProfileOptions.defaults().withLabel("k").withGroup("q").withThreads(2);
  }

  /**
   * About 10 MB of rows; when asked, one quoted field of many lines sits across the file's middle,
   * where the first guessed cut falls.
   */
  private Path largeFile(boolean quotedMiddle) throws Exception {
    List<String> rows = new ArrayList<>();
    for (int i = 0; i < 320_000; i++) {
      String q = i % 7 == 0 ? "\"a,\"\"b\"\"\"" : "plain";
      rows.add("k" + (i % 50) + "," + (i % 2000 - 1000) / 10.0 + "," + q + "\n");
    }
    for (int i = 0; i < 320_000; i++) {
      rows.add(
          "k" + (i % 37) + "," + (i % 3000) + "," + (i % 11 == 0 ? "" : "p" + (i % 13)) + "\n");
    }
    rows.add("k2,oops,plain\n");
    rows.add("k3,2.5,plain\n");
    StringBuilder quoted = new StringBuilder("k1,1.5,\"");
    for (int i = 0; i < 100; i++) {
      quoted.append("line ").append(i).append('\n');
    }
    quoted.append("\"\n");
    long total = 6 + rows.stream().mapToLong(String::length).sum();
    // the middle of the file with the quoted field is then the middle of the quoted field
    long quotedAt = quotedMiddle ? total / 2 : Long.MAX_VALUE;
    Path f = dir.resolve("large.csv");
    try (BufferedWriter w = Files.newBufferedWriter(f)) {
      w.write("k,x,q\n");
      long written = 6;
      for (String row : rows) {
        if (written >= quotedAt) {
          w.write(quoted.toString());
          quotedAt = Long.MAX_VALUE;
        }
        w.write(row);
        written += row.length();
      }
    }
    assertTrue(Files.size(f) > 8 << 20, "large enough to be read in parts");
    return f;
  }

  private static void assertAsRecorded(String recorded, Path file, ProfileOptions options)
      throws Exception {
    DatasetProfile p = CsvProfiler.profile(file, options);
    // the source is the path as given: a temporary folder's name must not count
    String source = file.startsWith("datasets") ? p.source() : file.getFileName().toString();
    String json =
        Json.write(
            new DatasetProfile(
                source,
                p.rows(),
                p.columns(),
                p.duplicateRows(),
                p.duplicatesExact(),
                p.label(),
                p.time(),
                p.group(),
                p.associations(),
                p.groupSketch(),
                p.sample()));
    Path expected = RECORDED.resolve(recorded);
    if (RECORD) {
      Files.createDirectories(RECORDED);
      Files.writeString(expected, json);
    }
    assertEquals(Files.readString(expected), json, recorded);
  }
}
