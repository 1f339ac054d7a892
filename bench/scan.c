/*
 * The baseline for `scripts/bench-profile.sh`: a minimal single-pass CSV scan, compiled, that
 * computes per column the count of values, missing (empty) values, and min / max / mean of the
 * values that parse as numbers. No quoting rules, no types, no sketches: the floor a streaming
 * profiler is measured against.
 *
 *   cc -O2 -o scan scan.c && ./scan file.csv
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <float.h>

#define MAX_COLS 256
#define BUF (1 << 20)

static long long count[MAX_COLS], missing[MAX_COLS], numeric[MAX_COLS];
static double minv[MAX_COLS], maxv[MAX_COLS], sum[MAX_COLS];

static void field(int col, const char *s, size_t len) {
  if (col >= MAX_COLS) return;
  count[col]++;
  if (len == 0) { missing[col]++; return; }
  char tmp[64];
  if (len >= sizeof tmp) return;
  memcpy(tmp, s, len);
  tmp[len] = 0;
  char *end;
  double v = strtod(tmp, &end);
  if (end == tmp + len) {
    numeric[col]++;
    sum[col] += v;
    if (v < minv[col]) minv[col] = v;
    if (v > maxv[col]) maxv[col] = v;
  }
}

int main(int argc, char **argv) {
  if (argc != 2) { fprintf(stderr, "usage: scan FILE.csv\n"); return 2; }
  FILE *f = fopen(argv[1], "rb");
  if (!f) { perror(argv[1]); return 2; }
  for (int i = 0; i < MAX_COLS; i++) { minv[i] = DBL_MAX; maxv[i] = -DBL_MAX; }
  static char buf[BUF + 4096];
  char carry[4096];
  size_t carried = 0;
  int col = 0, cols = 0;
  long long rows = -1; /* the header is not a row */
  size_t n;
  while ((n = fread(buf + carried, 1, BUF, f)) > 0 || carried > 0) {
    size_t len = carried + n;
    size_t start = 0;
    int eof = n == 0;
    for (size_t i = 0; i < len; i++) {
      char c = buf[i];
      if (c == ',' || c == '\n') {
        size_t flen = i - start;
        if (flen && buf[i - 1] == '\r') flen--;
        if (rows >= 0) field(col, buf + start, flen);
        start = i + 1;
        if (c == '\n') { if (rows < 0) cols = col + 1; rows++; col = 0; } else col++;
      }
    }
    if (eof) break;
    carried = len - start;
    if (carried > sizeof carry) { fprintf(stderr, "line too long\n"); return 2; }
    memmove(buf, buf + start, carried);
  }
  fclose(f);
  printf("rows %lld columns %d\n", rows, cols);
  for (int i = 0; i < cols; i++) {
    if (numeric[i])
      printf("col %d count %lld missing %lld min %g max %g mean %g\n", i, count[i], missing[i], minv[i], maxv[i], sum[i] / numeric[i]);
    else
      printf("col %d count %lld missing %lld (text)\n", i, count[i], missing[i]);
  }
  return 0;
}
