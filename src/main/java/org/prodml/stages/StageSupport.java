package org.prodml.stages;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.prodml.course.Course;
import org.prodml.course.ExerciseCatalog;
import org.prodml.data.ColumnRoles;
import org.prodml.data.DataInputException;
import org.prodml.facts.MlTestScoreFact;
import org.prodml.pipeline.Parameter;
import org.prodml.pipeline.Params;
import org.prodml.pipeline.PipelineState;
import org.prodml.pipeline.StageException;
import org.prodml.profile.DataFacts;
import org.prodml.profile.DataFiles;
import org.prodml.profile.DatasetProfile;
import org.prodml.profile.ProfileOptions;
import org.prodml.profile.TableProfiler;
import org.prodml.readiness.Answers;
import org.prodml.readiness.MlTestScore;
import org.prodml.readiness.QuestionCatalog;
import org.prodml.readiness.ReadinessReport;
import org.prodml.render.TableBlock;
import org.prodml.rules.Judgement;
import org.prodml.rules.RuleMetadata;
import org.prodml.suggest.ColumnDomains;
import org.prodml.train.LabelSpec;
import org.prodml.train.ModelSpec;
import tech.tablesaw.api.Table;

/**
 * What the stages share, so that no stage calls another: the note's tables and their profiles, the
 * data facts every judgement of the data starts from, labels, model specs and seeds, the readiness
 * answers, the exercise catalog, rule judgement and number display.
 */
final class StageSupport {
  /** Prefix of an exercise's answer key in a note's answers ({@code exercise.<id>}). */
  static final String EXERCISE_PREFIX = "exercise.";

  private StageSupport() {}

  // ---- running library code ----

  /** Runs library code; its argument errors become one-line stage errors. */
  static <T> T library(Supplier<T> call) {
    try {
      return call.get();
    } catch (CancellationException | StageException | DataInputException e) {
      throw e;
    } catch (IllegalArgumentException | IllegalStateException e) {
      throw new StageException(e.getMessage());
    }
  }

  /**
   * The seed a paragraph asks for: {@code seed=none} for an unseeded run (recorded as such), a
   * number, or the note's default seed when absent.
   */
  static Long seed(Params params, PipelineState state) {
    String text = params.string("seed", null);
    if (text == null) {
      return state.config().defaultSeed();
    }
    if (text.equalsIgnoreCase("none") || text.equalsIgnoreCase("random")) {
      return null;
    }
    try {
      return Long.parseLong(text);
    } catch (NumberFormatException e) {
      throw new StageException(
          "parameter 'seed' must be a whole number or none, not '" + text + "'");
    }
  }

  /** The seed parameter every seeded stage declares. */
  static Parameter seedParameter(String of) {
    return Parameter.of(
        "seed",
        "the seed of " + of + " (default: the note's seed; none = unseeded, recorded as such)");
  }

  /** The threshold-overrides parameter every judging stage declares. */
  static Parameter thresholdsParameter(String example) {
    return Parameter.of(
        Parameter.THRESHOLDS, "rule threshold overrides as name:value pairs, e.g. " + example);
  }

  /** A paragraph's threshold overrides ({@code thresholds=a:0.1 b:0.2}). */
  static Map<String, Double> thresholds(Params params) {
    Map<String, Double> overrides = new LinkedHashMap<>();
    for (String item : params.list(Parameter.THRESHOLDS)) {
      String[] kv = item.split("[:=]", 2);
      try {
        overrides.put(kv[0], Double.parseDouble(kv[1]));
      } catch (RuntimeException e) {
        throw new StageException(
            "thresholds takes name:number pairs, e.g. thresholds=skew.maxJsDivergence:0.2; got '"
                + item
                + "'");
      }
    }
    return overrides;
  }

  // ---- tables, roles, profiles and data facts ----

  /** What each column of the note's data is for. */
  static ColumnRoles roles(PipelineState state) {
    return state.get(StageKeys.ROLES).orElse(ColumnRoles.none());
  }

  /** The rule role of a table name: the loaded "data" and the "train" split are training data. */
  static String role(String table) {
    return switch (table) {
      case "data", "train" -> "train";
      default -> table;
    };
  }

  /** The training table: the "train" split when there is one, else the loaded "data". */
  static String trainingTable(PipelineState state) {
    return state.hasTable("train") ? "train" : "data";
  }

  /** The later tables (test, serving) a training table is compared with by default. */
  static List<String> laterTables(PipelineState state, String reference) {
    List<String> others = new ArrayList<>();
    for (String name : List.of("test", "serving")) {
      if (!name.equals(reference) && state.hasTable(name)) {
        others.add(name);
      }
    }
    return others;
  }

  /** How the note profiles a table: its label, time and group columns, where the table has them. */
  static ProfileOptions profileOptions(ColumnRoles roles, List<String> columns) {
    return ProfileOptions.defaults()
        .withLabel(columns.contains(roles.label()) ? roles.label() : null)
        .withTime(columns.contains(roles.time()) ? roles.time() : null)
        .withGroup(columns.contains(roles.group()) ? roles.group() : null);
  }

  /**
   * The table's profile, measured now unless the note has it already: a table read from a file is
   * profiled by streaming the file (its rows need not be loaded), a table a stage made from its
   * rows. Its facts are not stored here: the data facts are built once, for the training table and
   * the tables compared with it.
   */
  static DatasetProfile profile(PipelineState state, String name) {
    var existing = state.profile(name);
    if (existing.isPresent()) {
      return existing.get();
    }
    if (!state.hasTable(name)) {
      throw new StageException(
          "no '"
              + name
              + "' data yet: run %prodml.load(file=…"
              + (name.equals("data") ? "" : ", as=" + name)
              + ") first");
    }
    ColumnRoles roles = roles(state);
    // A file lacking a role column (serving data has no label) is profiled without that role.
    DatasetProfile profile =
        state
            .fileOf(name)
            .map(
                file ->
                    DataFiles.profile(
                            file,
                            ProfileOptions.defaults()
                                .withLabel(roles.label())
                                .withTime(roles.time())
                                .withGroup(roles.group()),
                            false)
                        .withSource(state.config().dataRoots().display(file)))
            .orElseGet(
                () -> {
                  Table table = state.requireTable(name, "%prodml.load(file=…)");
                  return TableProfiler.profile(table, profileOptions(roles, table.columnNames()));
                });
    state.putProfile(name, profile);
    return profile;
  }

  /**
   * Profiles the tables (once) and stores the data facts of the note: each table's profile facts,
   * column roles and domains, label association and balance, each later table compared with the
   * reference (skew, schema, volume, group and time overlap), and the reference's features that
   * nearly copy each other (from its profile's row sample: the file is not read again).
   */
  static DataFacts.Result dataFacts(PipelineState state, String reference, List<String> others) {
    DatasetProfile train = profile(state, reference);
    Map<String, DatasetProfile> compared = new LinkedHashMap<>();
    for (String name : others) {
      compared.put(role(name), profile(state, name));
    }
    ColumnRoles roles = roles(state);
    DataFacts.Result built = DataFacts.build(train, compared, roles);
    List<Object> facts = new ArrayList<>(built.facts());
    facts.addAll(ColumnDomains.facts(train, "train"));
    compared.forEach((role, profile) -> facts.addAll(ColumnDomains.facts(profile, role)));
    state.setFacts("validate", facts);
    state.put(StageKeys.VALIDATION, built);
    return built;
  }

  /** Checks that the table has the columns a parameter names; the error lists the ones it has. */
  static void requireColumns(
      Table table, String tableName, String parameter, List<String> columns) {
    for (String c : columns) {
      if (!table.columnNames().contains(c)) {
        throw new StageException(
            parameter
                + " names '"
                + c
                + "', which is not a column of '"
                + tableName
                + "'; it has "
                + String.join(", ", table.columnNames()));
      }
    }
  }

  // ---- models ----

  /** The label a paragraph names, or the data's; with {@code above=} a derived yes/no label. */
  static LabelSpec label(Params params, ColumnRoles roles, Table table) {
    String column = params.string("label", roles.label());
    if (column == null) {
      throw new StageException(
          "no label: write %prodml.train(label=…) or name it in %prodml.load(label=…)");
    }
    if (!table.columnNames().contains(column)) {
      throw new StageException(
          "no label column '"
              + column
              + "'; the data has "
              + String.join(", ", table.columnNames()));
    }
    Double above = params.has("above") ? params.decimal("above", 0) : null;
    return new LabelSpec(column, above);
  }

  /** Hyperparameters a paragraph may give, passed to the model type that takes them. */
  static final List<String> HYPERPARAMETERS =
      List.of(
          "trees",
          "maxDepth",
          "maxNodes",
          "nodeSize",
          "mtry",
          "subsample",
          "shrinkage",
          "lambda",
          "iterations");

  /** The model a paragraph asks for, with its seed and hyperparameters. */
  static ModelSpec spec(Params params, PipelineState state, LabelSpec label, Table table) {
    Map<String, String> given = new LinkedHashMap<>();
    for (String h : HYPERPARAMETERS) {
      if (params.has(h)) {
        given.put(h, params.string(h, null));
      }
    }
    Long seed = seed(params, state);
    return library(
        () -> ModelSpec.defaultFor(table, label, params.string("model", null), seed, given));
  }

  // ---- readiness answers and exercises ----

  /**
   * The question catalog: the configured one, else the {@code questions} folder of the first rule
   * folder that has one.
   */
  static QuestionCatalog questions(PipelineState state) {
    if (state.config().questions() != null) {
      return QuestionCatalog.load(state.config().questions());
    }
    for (Path folder : state.config().ruleFolders()) {
      Path questions = folder.resolve("questions");
      if (Files.isDirectory(questions)) {
        return QuestionCatalog.load(questions);
      }
    }
    throw new StageException(
        "no readiness question catalog (questions/) in the rule folders "
            + state.config().ruleFolders());
  }

  /**
   * The note's readiness answers: an answers file's, then the note's own (a later answer to the
   * same question wins), every other catalog question "unknown". Exercise answers are apart.
   */
  static Answers answers(PipelineState state) {
    Map<String, String> given = new LinkedHashMap<>();
    state
        .answers()
        .forEach(
            (id, answer) -> {
              if (!id.startsWith(EXERCISE_PREFIX)) {
                given.put(id, answer);
              }
            });
    QuestionCatalog catalog = questions(state);
    Answers fromFile = state.get(StageKeys.ANSWERS_FILE).orElse(null);
    if (fromFile == null) {
      return Answers.of(given, Answers.NOTEBOOK, catalog);
    }
    return given.isEmpty()
        ? fromFile
        : fromFile.overriddenBy(Answers.of(given, Answers.NOTEBOOK, catalog));
  }

  /** The ML Test Score as one fact: section sums, final, band. */
  static MlTestScoreFact scoreFact(ReadinessReport report) {
    MlTestScore score = report.mlTestScore();
    return new MlTestScoreFact(
        score.section("Data"),
        score.section("Model"),
        score.section("Infra"),
        score.section("Monitor"),
        score.finalScore(),
        score.band().range());
  }

  /** The configured course: its notes, as shipped, and their exercises. */
  static Course course(PipelineState state) {
    Path course = state.config().course();
    if (course == null || !Files.isDirectory(course)) {
      throw new StageException(
          "no course here (" + course + "): exercises are checked against the course's notes");
    }
    return Course.read(course);
  }

  /** The course's exercises, from the notes of the configured course. */
  static ExerciseCatalog exercises(PipelineState state) {
    return course(state).exercises();
  }

  // ---- judging and showing ----

  /** The rules the filter accepts over every fact of the note, with the paragraph's overrides. */
  static Judgement judge(PipelineState state, Params params, Predicate<RuleMetadata> filter) {
    return judge(state, state.facts(), thresholds(params), filter);
  }

  static Judgement judge(
      PipelineState state,
      List<Object> facts,
      Map<String, Double> thresholds,
      Predicate<RuleMetadata> filter) {
    try {
      return state.rules().evaluate(facts, thresholds, filter);
    } catch (IllegalArgumentException e) {
      throw new StageException(e.getMessage());
    }
  }

  /** The rules of one stage. */
  static Predicate<RuleMetadata> stage(org.prodml.rules.Stage stage) {
    return r -> r.stage() == stage;
  }

  /** A two-column table of names and values. */
  static TableBlock keyValues(String title, List<String[]> pairs) {
    List<List<String>> rows = new ArrayList<>();
    for (String[] p : pairs) {
      rows.add(List.of(p[0], p[1]));
    }
    return TableBlock.of(title, List.of("what", "value"), rows);
  }

  static String findingsSummary(int findings) {
    return findings == 0 ? "no finding" : findings + " finding" + (findings == 1 ? "" : "s");
  }
}
