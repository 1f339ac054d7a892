/**
 * Data in: loading CSV and JSON files into tables with declared or inferred column types ({@link
 * org.prodml.data.DataLoader}), the description shipped beside a dataset ({@link
 * org.prodml.data.DatasetSpec}, the one schema of every {@code dataset.json}), what each column is
 * for ({@link org.prodml.data.ColumnRoles}), and seeded damage to a copy of a file ({@link
 * org.prodml.data.CsvDamage}) from which the course's scenario datasets and the tests plant flaws.
 * Bad input is reported as a {@link org.prodml.data.DataInputException} that names the file, line
 * and column.
 */
package org.prodml.data;
