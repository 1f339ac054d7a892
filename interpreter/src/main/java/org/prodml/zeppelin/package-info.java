/**
 * The Apache Zeppelin adapter: {@code %prodml} and one interpreter per stage ({@code %prodml.load},
 * {@code %prodml.train} …), declared in {@code interpreter-setting.json}. A paragraph's local
 * properties are the stage's parameters and its body the stage's longer input; the adapter turns
 * the stage's blocks into Zeppelin results, reports progress, honours cancel, completes words and
 * keeps one pipeline per note. Nothing here measures or judges: that is the library's. The same
 * classes run notes without a server ({@code ./prodml run}), which is how the course runs headless
 * and how the tests drive them, also over Zeppelin's own Thrift server.
 */
package org.prodml.zeppelin;
