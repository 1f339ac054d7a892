package org.prodml.render;

/** Plain text, shown as is. */
public record TextBlock(String text) implements Block {}
