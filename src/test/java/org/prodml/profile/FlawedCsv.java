package org.prodml.profile;

import java.nio.file.Files;
import java.nio.file.Path;

/** A seeded CSV file with flaws planted where a profile must count them. */
public final class FlawedCsv {
  private FlawedCsv() {}

  /**
   * 150,000 rows with planted flaws: a unique id (its values reach the streamed sketches), a double
   * with missing markers, NaN, ±Inf and text, a small whole number (a value table), 3,000 cities
   * (past the exact category table), a date, yes/no, a label, and repeated rows (more distinct rows
   * than the duplicate table holds, so duplicates are estimated).
   */
  public static Path write(Path dir, int rows) throws Exception {
    java.util.Random r = new java.util.Random(16);
    StringBuilder s = new StringBuilder("id,x,k,city,day,flag,label\n");
    String previous = null;
    for (int i = 0; i < rows; i++) {
      if (previous != null && r.nextInt(50) == 0) {
        s.append(previous);
        continue;
      }
      int p = r.nextInt(400);
      String x =
          p == 0
              ? ""
              : p == 1
                  ? "NA"
                  : p == 2
                      ? "NaN"
                      : p == 3
                          ? "Inf"
                          : p == 4
                              ? "-Inf"
                              : p == 5
                                  ? "abc"
                                  : String.valueOf(Math.round(r.nextGaussian() * 1e4) / 100.0);
      String row =
          i
              + ","
              + x
              + ","
              + r.nextInt(60)
              + ",c"
              + r.nextInt(3000)
              + ","
              + String.format("2024-%02d-%02d", 1 + r.nextInt(12), 1 + r.nextInt(28))
              + ","
              + (r.nextBoolean() ? "true" : "false")
              + ","
              + (r.nextInt(3) == 0 ? "yes" : "no")
              + "\n";
      s.append(row);
      previous = row;
    }
    Path f = dir.resolve("flawed.csv");
    Files.writeString(f, s);
    return f;
  }
}
