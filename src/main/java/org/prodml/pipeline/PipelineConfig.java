package org.prodml.pipeline;

import java.nio.file.Path;
import java.util.List;
import org.prodml.rules.EvaluationLimits;

/**
 * Settings shared by every note: where data may be read from, which rule folders are loaded, the
 * readiness question catalog, the course (whose exercises checks grade), how many rows a table
 * shows, the seed stages use when a paragraph gives none, and the limits of one rule run.
 *
 * @param questions the readiness question catalog; null for the {@code questions} folder of the
 *     first rule folder that has one
 * @param course the course's notes folder (course.yaml and one folder per note); null for none
 * @param workspace the learner's workspace, whose progress file exercise checks count attempts in;
 *     null for none (a check then counts attempts in memory, for this run only)
 * @param ruleLimits how many firings and how much time one rule run may take
 */
public record PipelineConfig(
    DataRoots dataRoots,
    List<Path> ruleFolders,
    Path questions,
    Path course,
    int maxRows,
    long defaultSeed,
    Path workspace,
    EvaluationLimits ruleLimits) {

  public static final int DEFAULT_MAX_ROWS = 50;
  public static final long DEFAULT_SEED = 42;

  public PipelineConfig {
    ruleFolders = List.copyOf(ruleFolders);
    ruleLimits = ruleLimits == null ? EvaluationLimits.DEFAULT : ruleLimits;
  }

  /** Settings without a learner's workspace, with the default rule limits. */
  public PipelineConfig(
      DataRoots dataRoots,
      List<Path> ruleFolders,
      Path questions,
      Path course,
      int maxRows,
      long defaultSeed) {
    this(dataRoots, ruleFolders, questions, course, maxRows, defaultSeed, null, null);
  }

  /** Settings without a learner's workspace (an audit, a simulation). */
  public PipelineConfig(
      DataRoots dataRoots,
      List<Path> ruleFolders,
      Path questions,
      Path course,
      int maxRows,
      long defaultSeed,
      EvaluationLimits ruleLimits) {
    this(dataRoots, ruleFolders, questions, course, maxRows, defaultSeed, null, ruleLimits);
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
