package org.prodml.pipeline;

import java.nio.file.Path;
import java.util.List;

/**
 * Settings shared by every note: where data may be read from, which rule folders are loaded, the
 * readiness question catalog, the course (whose exercises checks grade), how many rows a table
 * shows, and the seed stages use when a paragraph gives none.
 *
 * @param questions the readiness question catalog; null for the {@code questions} folder of the
 *     first rule folder that has one
 * @param course the course's notes folder (course.yaml and one folder per note); null for none
 * @param workspace the learner's workspace, whose progress file exercise checks count attempts in;
 *     null for none (a check then counts attempts in memory, for this run only)
 */
public record PipelineConfig(
    DataRoots dataRoots,
    List<Path> ruleFolders,
    Path questions,
    Path course,
    int maxRows,
    long defaultSeed,
    Path workspace) {

  public static final int DEFAULT_MAX_ROWS = 50;
  public static final long DEFAULT_SEED = 42;

  public PipelineConfig {
    ruleFolders = List.copyOf(ruleFolders);
  }

  /** Settings without a learner's workspace. */
  public PipelineConfig(
      DataRoots dataRoots,
      List<Path> ruleFolders,
      Path questions,
      Path course,
      int maxRows,
      long defaultSeed) {
    this(dataRoots, ruleFolders, questions, course, maxRows, defaultSeed, null);
  }

  /**
   * Data, rules and course from a ProdML Lab checkout (its {@code datasets/}, {@code rules/},
   * {@code notebooks/}).
   */
  public static PipelineConfig forHome(Path home) {
    return new PipelineConfig(
        DataRoots.of(home.resolve("datasets"), home),
        List.of(home.resolve("rules")),
        null,
        home.resolve("notebooks"),
        DEFAULT_MAX_ROWS,
        DEFAULT_SEED);
  }
}
