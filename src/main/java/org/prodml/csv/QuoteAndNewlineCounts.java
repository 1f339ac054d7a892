package org.prodml.csv;

/**
 * Quotes and newlines among the bytes a part of a file read. They check a guessed cut afterwards
 * (the quotes before it are even when it is outside a quoted field) and give the part's first line
 * (the newlines before it).
 */
final class QuoteAndNewlineCounts {
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
