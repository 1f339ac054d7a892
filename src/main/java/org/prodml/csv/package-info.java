/**
 * Reading CSV files fast, in one pass, without holding them: the machinery under the streaming
 * profiler, which knows nothing about profiles. It hands each record's fields, as char ranges with
 * the record's line, to a {@link org.prodml.csv.CsvFieldHandler}; what the fields mean is the
 * handler's business.
 *
 * <p><b>How a file is read.</b> {@link org.prodml.csv.CsvFile} checks the file and reads its {@link
 * org.prodml.csv.CsvHeader} (with a sample of the first records, for type inference). Then it reads
 * every record after the header: a large file is cut into one part per thread; each part streams
 * its bytes from the file channel ({@code Utf8PartReader}: ASCII widened in a plain loop, a UTF-8
 * decoder from the first other byte, a byte order mark skipped) into FastCSV's callback parser
 * ({@code CsvPartParser}), which hands each field on to the part's own handler. Line numbers count
 * from the part's start; each {@link org.prodml.csv.CsvPart} says how many lines came before it.
 *
 * <p><b>Where to cut.</b> A newline inside a quoted field is no record boundary, and only a scan
 * from the file's start can tell which newlines are. Scanning first would make every part wait for
 * it, so {@code CsvSplitter} guesses: each part starts just after the first newline past each 1/n
 * of the file, and all parts start at once. Each part counts the quotes and newlines it reads; an
 * odd number of quotes before a cut means it fell inside a quoted field, and only then is the file
 * split the careful way (a serial scan counting quotes) and read again. The newlines before a part
 * give its first line, so an error names the line in the file whichever way it was cut.
 *
 * <p><b>What must stay fast.</b> The per-field path is a FastCSV callback, one call to the handler
 * (a single implementation in a run, which the JIT inlines) and nothing else: no String, no record
 * object, no stream chain. Byte scans read heap arrays in plain loops (a direct buffer's {@code
 * get(i)} is slow before the JIT warms up). Measure a change with {@code scripts/bench-profile.sh}.
 *
 * <p><b>Errors.</b> A missing, empty or folder path, a ragged row, a quote that never closes (a
 * field too large for the parser): each is one {@link org.prodml.data.DataInputException} naming
 * the file, and the line when there is one ({@code file:line: row has 3 fields but the header has
 * 2}, {@code file:line: not valid CSV: ...}).
 */
package org.prodml.csv;
