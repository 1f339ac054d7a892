/**
 * Profiles: what a dataset holds, measured. A profile is the dataset's inferred schema (each
 * column's type, presence, numeric range, categorical domain) plus the statistics data validation
 * needs: missing, NaN, infinite and invalid values, quantiles and histograms, value frequencies,
 * distinct counts, duplicate rows, each feature's association with the label. Comparing the profile
 * of serving data with the profile of training data is how skew and drift are found.
 *
 * <p><b>Bounded memory.</b> Production data does not fit in memory, so a profile is accumulated,
 * never computed from a table. {@link org.prodml.profile.CsvProfiler} streams a CSV file once,
 * through {@link org.prodml.csv}, feeding each field as a char range to a {@code ColumnAccumulator}
 * and each row to a {@code DatasetAccumulator}; exact counts give way to sketches (KLL quantiles,
 * HyperLogLog distinct counts, frequent items, a Theta sketch of the group column) only once a
 * column outgrows them. A large file is read in parts on several threads, each into accumulators of
 * its own, which merge into the profile of the whole. {@link org.prodml.profile.TableProfiler}
 * profiles a table a notebook already holds with the same accumulators, so both give the same
 * profile; {@link org.prodml.profile.DataFiles} picks the way for a file.
 *
 * <p><b>Types.</b> Declared types (options, or a dataset.json beside the file) win; otherwise
 * {@code data.TypeInference} types each column from a sample of its first rows, tolerating a few
 * stray values, which the profile then counts as invalid so a rule can report them.
 *
 * <p><b>Rows together.</b> What needs several columns of the same rows (which features nearly copy
 * each other: {@link org.prodml.profile.FeatureCorrelations}) is measured on a {@link
 * org.prodml.profile.RowSample} gathered in the same pass: the rows of the lowest seeded hashes, so
 * the same data gives the same sample however the file was cut into parts, and no file is read
 * twice or loaded whole, whatever its size.
 *
 * <p><b>Linear in the width.</b> Memory is bounded per part of a file, not per column: a table of
 * more than 128 numeric columns gives each a smaller share of the values kept exactly, and the
 * sample fewer rows; nothing compares every column with every other except the correlation screen,
 * a short dot product per pair.
 *
 * <p><b>Repeatable.</b> The same data gives the same profile, so two runs, and two versions of the
 * code, can be compared; the one exception is the quantile sketch of a column of more than 65,536
 * values with more than 8,192 distinct ones (fewer in a table of more than 128 numeric columns),
 * which KLL streams and compacts at random. {@link org.prodml.profile.ProfileComparison} measures
 * the distance between two profiles and {@link org.prodml.profile.ProfileFacts} turns profiles into
 * the facts the rules judge.
 *
 * <p><b>Fast.</b> Values go on to their next stage (kept values, value table, sketches) a block of
 * 1024 at a time, so the per-field code the JIT compiled never meets a branch it has not taken;
 * measure a change with {@code scripts/bench-profile.sh}.
 */
package org.prodml.profile;
