package org.prodml.zeppelin;

import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.prodml.cli.Home;
import org.prodml.pipeline.DataRoots;
import org.prodml.pipeline.PipelineConfig;
import org.prodml.pipeline.Stage;
import org.prodml.pipeline.StageRegistry;
import org.prodml.rules.EvaluationLimits;
import org.prodml.stages.Stages;

/**
 * The interpreter setting's properties (declared in {@code interpreter-setting.json}) turned into
 * the library's {@link PipelineConfig}. Relative folders resolve against {@code prodml.home}, so a
 * setting made once works wherever Zeppelin starts the interpreter process.
 */
final class ProdmlSettings {
  static final String HOME = "prodml.home";
  static final String DATA_ROOTS = "prodml.data.roots";
  static final String RULE_DIRS = "prodml.rules.dirs";
  static final String QUESTIONS = "prodml.questions";
  static final String COURSE = "prodml.course";
  static final String MAX_ROWS = "prodml.maxRows";
  static final String SEED = "prodml.seed";
  static final String EXTRA_STAGES = "prodml.stages.extra";
  static final String WORKSPACE = "prodml.workspace";
  static final String RULES_MAX_FIRINGS = "prodml." + EvaluationLimits.MAX_FIRINGS;
  static final String RULES_MAX_SECONDS = "prodml." + EvaluationLimits.MAX_SECONDS;

  private ProdmlSettings() {}

  static PipelineConfig config(Properties properties) {
    Path home = home(properties);
    List<Path> dataRoots = folders(properties.getProperty(DATA_ROOTS), home, "datasets");
    List<Path> ruleDirs = folders(properties.getProperty(RULE_DIRS), home, "rules");
    int maxRows = positiveInt(properties, MAX_ROWS, PipelineConfig.DEFAULT_MAX_ROWS);
    long seed = longValue(properties, SEED, PipelineConfig.DEFAULT_SEED);
    String questions = properties.getProperty(QUESTIONS, "");
    String course = properties.getProperty(COURSE, "");
    String workspace = properties.getProperty(WORKSPACE, "");
    EvaluationLimits defaults = EvaluationLimits.DEFAULT;
    long maxFirings = longValue(properties, RULES_MAX_FIRINGS, defaults.maxFirings());
    long maxSeconds = longValue(properties, RULES_MAX_SECONDS, defaults.maxTime().toSeconds());
    EvaluationLimits limits;
    try {
      limits = EvaluationLimits.of(maxFirings, maxSeconds);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("interpreter property prodml." + e.getMessage());
    }
    return new PipelineConfig(
        new DataRoots(dataRoots),
        ruleDirs,
        questions.isBlank() ? null : home.resolve(questions.strip()).normalize(),
        home.resolve(course.isBlank() ? "notebooks" : course.strip()).normalize(),
        maxRows,
        seed,
        workspace.isBlank() ? null : workspace(home.resolve(workspace.strip()).normalize()),
        limits);
  }

  /**
   * The library's stages plus the {@code prodml.stages.extra} ones: comma-separated names of {@link
   * Stage} classes on the interpreter's class path (a course's own stage; the Thrift test's slow
   * stage). Each needs a {@code StageInterpreter} subclass to be addressed as a paragraph.
   */
  static StageRegistry registry(Properties properties) {
    List<Stage> stages = new ArrayList<>(Stages.all());
    String extra = properties.getProperty(EXTRA_STAGES, "");
    for (String className : extra.split(",")) {
      if (className.isBlank()) {
        continue;
      }
      try {
        stages.add((Stage) Class.forName(className.strip()).getConstructor().newInstance());
      } catch (ReflectiveOperationException | ClassCastException e) {
        throw new IllegalArgumentException(
            "interpreter property "
                + EXTRA_STAGES
                + ": cannot create stage "
                + className.strip()
                + " ("
                + e
                + ")");
      }
    }
    return new StageRegistry(stages);
  }

  /**
   * The learner's workspace a {@code prodml.workspace} property names: it must be one, so that a
   * typo is an error rather than progress silently kept nowhere.
   */
  private static Path workspace(Path folder) {
    if (!org.prodml.course.Workspace.isWorkspace(folder)) {
      throw new IllegalArgumentException(
          "interpreter property "
              + WORKSPACE
              + " names "
              + folder
              + ", which is not a course workspace (make one with ./prodml course start "
              + folder
              + ")");
    }
    return folder;
  }

  /** {@code prodml.home}, else the launcher's home (system property or working folder). */
  static Path home(Properties properties) {
    String home = properties.getProperty(HOME);
    return home == null || home.isBlank()
        ? Home.get()
        : Path.of(home.strip()).toAbsolutePath().normalize();
  }

  private static List<Path> folders(String value, Path home, String fallback) {
    List<Path> folders = new ArrayList<>();
    String list = value == null || value.isBlank() ? fallback : value;
    for (String part : list.split(File.pathSeparator)) {
      if (!part.isBlank()) {
        folders.add(home.resolve(part.strip()).normalize());
      }
    }
    return folders;
  }

  private static int positiveInt(Properties properties, String key, int fallback) {
    long value = longValue(properties, key, fallback);
    if (value < 1 || value > Integer.MAX_VALUE) {
      throw new IllegalArgumentException(
          "interpreter property " + key + " must be a positive whole number, not " + value);
    }
    return (int) value;
  }

  private static long longValue(Properties properties, String key, long fallback) {
    String value = properties.getProperty(key);
    if (value == null || value.isBlank()) {
      return fallback;
    }
    try {
      return Long.parseLong(value.strip());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(
          "interpreter property " + key + " must be a whole number, not '" + value + "'");
    }
  }
}
