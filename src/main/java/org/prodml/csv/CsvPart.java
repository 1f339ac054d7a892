package org.prodml.csv;

/**
 * One part of a file as read by {@link CsvFile#read}: the handler that received its records, and
 * the number of lines before the part, to add to the line numbers the handler was given.
 */
public record CsvPart<H extends CsvFieldHandler>(H handler, long linesBefore) {}
