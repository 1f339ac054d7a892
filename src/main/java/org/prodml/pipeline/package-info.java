/**
 * A note's pipeline: its state and how a stage runs on it. {@link
 * org.prodml.pipeline.PipelineState} holds one note's tables (a table read from a file is profiled
 * by streaming it and loaded only when a stage needs its rows), their profiles, the artifacts
 * stages keep (a fitted transform, a model, an evaluation), the facts each stage produced and the
 * note's own rules and answers. A {@link org.prodml.pipeline.Stage} is one step of the lifecycle;
 * it declares its {@link org.prodml.pipeline.Parameter}s once, and help, completion, drop-downs and
 * errors all come from that declaration. A {@link org.prodml.pipeline.Step} is a paragraph as data,
 * which is how a command-line run becomes a note.
 */
package org.prodml.pipeline;
