package org.prodml.render;

/**
 * An HTML fragment (a chart as inline SVG, a summary card). Its producer escapes every value it
 * puts in; adapters insert it unchanged.
 */
public record HtmlBlock(String html) implements Block {}
