package org.prodml.pipeline;

/**
 * A typed name for something a stage keeps in the pipeline state (a fitted transform, a model, an
 * evaluation). Each stage declares its keys as constants, so readers get the right type.
 */
public record ArtifactKey<T>(String name, Class<T> type) {
  public static <T> ArtifactKey<T> of(String name, Class<T> type) {
    return new ArtifactKey<>(name, type);
  }
}
