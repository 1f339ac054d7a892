package org.prodml.pipeline;

/** One run of a stage in a note: how long it took and how many findings it raised. */
public record StageRun(String stage, long millis, int findings) {}
