/**
 * What a stage shows, independent of where it is shown: text, titled tables and HTML blocks. The
 * Zeppelin adapter turns them into {@code %table} and {@code %html} results, a note's page and the
 * audit report into HTML, the terminal into aligned text. {@link org.prodml.render.Tables} and
 * {@link org.prodml.render.ModelTables} build the tables every front end shares (findings,
 * profiles, comparisons, a model's card and metrics), so a number reads the same everywhere.
 */
package org.prodml.render;
