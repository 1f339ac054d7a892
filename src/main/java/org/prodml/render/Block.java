package org.prodml.render;

/**
 * A unit of output a stage returns: a table, an HTML fragment, or plain text. Adapters render
 * blocks their own way (Zeppelin's %table / %html / %text, the terminal, an HTML page), so the
 * library never formats for one front end.
 */
public sealed interface Block permits TableBlock, HtmlBlock, TextBlock {}
