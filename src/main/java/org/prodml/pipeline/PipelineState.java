package org.prodml.pipeline;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.prodml.profile.DatasetProfile;
import org.prodml.rules.RuleBase;
import org.prodml.rules.RuleFiles;
import org.prodml.rules.RuleSource;
import org.prodml.work.Work;
import tech.tablesaw.api.Table;

/**
 * Everything one note's pipeline holds: named tables ("data", "train", "test", "serving"), their
 * profiles, the artifacts stages keep (fitted transforms, models, evaluations …), the facts each
 * stage produced, the note's own rules and answers, and how long each stage ran. Facts are kept per
 * source and replaced when a stage runs again, so re-running a paragraph never duplicates them. One
 * note's paragraphs run one at a time (a FIFO scheduler); the methods are synchronized so a reader
 * on another thread (progress, completion) sees a consistent state.
 */
public final class PipelineState {
  private final PipelineConfig config;
  private final Map<String, NamedTable> tables = new LinkedHashMap<>();
  private final Map<String, DatasetProfile> profiles = new LinkedHashMap<>();
  private final Map<String, Object> artifacts = new LinkedHashMap<>();
  private final Map<String, List<Object>> facts = new LinkedHashMap<>();
  private final Map<String, RuleSource> noteRules = new LinkedHashMap<>();
  private final Map<String, String> answers = new LinkedHashMap<>();
  private final Map<String, String> answerOrigins = new LinkedHashMap<>();
  private String runningParagraph;
  private final List<StageRun> runs = new ArrayList<>();
  private final Map<String, ParagraphRun> paragraphs = new LinkedHashMap<>();
  private long paragraphSequence;

  /** The paragraph running now, whose cancel also stops the rules it runs. */
  private volatile Work running = Work.NONE;

  public PipelineState(PipelineConfig config) {
    this.config = config;
  }

  public PipelineConfig config() {
    return config;
  }

  /** A path named in a paragraph, confined to the data roots. */
  public Path resolve(String path) {
    return config.dataRoots().resolve(path);
  }

  /**
   * A table a stage made (a split, a derived table): replaces any table of that name and its
   * profile, which no longer describes it.
   */
  public synchronized void putTable(String name, Table table) {
    tables.put(name, new NamedTable(null, () -> table));
    profiles.remove(name);
  }

  /**
   * A table read from a file, loaded the first time a stage needs its rows: a stage that only needs
   * the file's streamed profile (validation, an audit of the data) never holds the whole file in
   * memory. Replaces any table of that name and its profile.
   */
  public synchronized void putFileTable(String name, Path file, Supplier<Table> load) {
    tables.put(name, new NamedTable(file, load));
    profiles.remove(name);
  }

  /** Whether the note has a table of that name (without loading it). */
  public synchronized boolean hasTable(String name) {
    return tables.containsKey(name);
  }

  /** The file a table was read from, unless a stage made it. */
  public synchronized Optional<Path> fileOf(String name) {
    NamedTable t = tables.get(name);
    return t == null ? Optional.empty() : Optional.ofNullable(t.file());
  }

  /** Whether the named table's rows are in memory (a file's are loaded on first use). */
  public boolean isLoaded(String name) {
    NamedTable t;
    synchronized (this) {
      t = tables.get(name);
    }
    return t != null && t.loaded();
  }

  /** The tables' names, in the order they were first put. */
  public synchronized List<String> tableNames() {
    return List.copyOf(tables.keySet());
  }

  /** The named table, loaded from its file if no stage needed its rows yet. */
  public Optional<Table> table(String name) {
    NamedTable t;
    synchronized (this) {
      t = tables.get(name);
    }
    return t == null ? Optional.empty() : Optional.of(t.rows());
  }

  /** The named table, or an error telling which paragraph makes it. */
  public Table requireTable(String name, String madeBy) {
    return table(name)
        .orElseThrow(
            () -> new StageException("no '" + name + "' data yet: run " + madeBy + " first"));
  }

  /** Every table, each loaded if needed. */
  public Map<String, Table> tables() {
    Map<String, Table> all = new LinkedHashMap<>();
    for (String name : tableNames()) {
      table(name).ifPresent(t -> all.put(name, t));
    }
    return Collections.unmodifiableMap(all);
  }

  /**
   * A table and, when it was read from a file, the file; its rows are loaded once, on first use.
   */
  private static final class NamedTable {
    private final Path file;
    private Supplier<Table> load;
    private Table rows;

    NamedTable(Path file, Supplier<Table> load) {
      this.file = file;
      this.load = load;
    }

    Path file() {
      return file;
    }

    synchronized boolean loaded() {
      return rows != null;
    }

    synchronized Table rows() {
      if (rows == null) {
        rows = load.get();
        load = null;
      }
      return rows;
    }
  }

  public synchronized void putProfile(String name, DatasetProfile profile) {
    profiles.put(name, profile);
  }

  public synchronized Optional<DatasetProfile> profile(String name) {
    return Optional.ofNullable(profiles.get(name));
  }

  public synchronized Map<String, DatasetProfile> profiles() {
    return Collections.unmodifiableMap(new LinkedHashMap<>(profiles));
  }

  public synchronized <T> void put(ArtifactKey<T> key, T value) {
    artifacts.put(key.name(), value);
  }

  public synchronized <T> Optional<T> get(ArtifactKey<T> key) {
    return Optional.ofNullable(artifacts.get(key.name())).map(key.type()::cast);
  }

  /** The artifact, or an error telling which paragraph makes it. */
  public synchronized <T> T require(ArtifactKey<T> key, String madeBy) {
    return get(key)
        .orElseThrow(
            () -> new StageException("no " + key.name() + " yet: run " + madeBy + " first"));
  }

  public synchronized void remove(ArtifactKey<?> key) {
    artifacts.remove(key.name());
  }

  /** Replaces the facts from one source (a stage and its subject, e.g. "profile:train"). */
  public synchronized void setFacts(String source, List<?> newFacts) {
    facts.put(source, List.copyOf(newFacts));
  }

  public synchronized void clearFacts(String sourcePrefix) {
    facts.keySet().removeIf(k -> k.startsWith(sourcePrefix));
  }

  /** Every fact the note's stages produced so far. */
  public synchronized List<Object> facts() {
    List<Object> all = new ArrayList<>();
    facts.values().forEach(all::addAll);
    return all;
  }

  public synchronized Map<String, List<Object>> factsBySource() {
    return Collections.unmodifiableMap(new LinkedHashMap<>(facts));
  }

  /** Adds (or replaces, by origin) DRL written in the note. */
  public synchronized void putNoteRules(RuleSource source) {
    noteRules.put(source.origin(), source);
  }

  public synchronized List<RuleSource> noteRules() {
    return List.copyOf(noteRules.values());
  }

  /**
   * The configured rule folders plus the note's own rules, compiled once per rules version; each
   * run is held to the configured limits and stops when the running paragraph is cancelled.
   */
  public RuleBase rules() {
    List<RuleSource> sources = new ArrayList<>(RuleFiles.load(config.ruleFolders()));
    sources.addAll(noteRules());
    return RuleBase.compile(sources).limitedTo(config.ruleLimits(), running);
  }

  /** Marks the work of the stage that runs now ({@link Pipeline} does, around each stage). */
  void running(Work work) {
    running = work == null ? Work.NONE : work;
  }

  public synchronized void putAnswer(String questionId, String answer) {
    answers.put(questionId, answer);
    answerOrigins.remove(questionId);
  }

  /**
   * The answers one paragraph gives, replacing what it gave on its previous run: an answer the
   * learner deleted from the paragraph is no longer given. Another paragraph's answer to the same
   * question is replaced too (the latest answer counts).
   *
   * @param origin the paragraph giving them (see {@link #runningParagraph()}); null for none
   */
  public synchronized void replaceAnswers(String origin, Map<String, String> given) {
    if (origin != null) {
      answerOrigins
          .entrySet()
          .removeIf(
              e -> {
                if (e.getValue().equals(origin)) {
                  answers.remove(e.getKey());
                  return true;
                }
                return false;
              });
    }
    given.forEach(
        (id, answer) -> {
          answers.put(id, answer);
          if (origin != null) {
            answerOrigins.put(id, origin);
          } else {
            answerOrigins.remove(id);
          }
        });
  }

  /** Tells the state which note paragraph runs now (null between paragraphs). */
  public synchronized void runningParagraph(String paragraphId) {
    this.runningParagraph = paragraphId;
  }

  /** The note paragraph running now; null outside a note (a command line run). */
  public synchronized String runningParagraph() {
    return runningParagraph;
  }

  public synchronized Map<String, String> answers() {
    return Collections.unmodifiableMap(new LinkedHashMap<>(answers));
  }

  public synchronized void recordRun(StageRun run) {
    runs.add(run);
  }

  public synchronized List<StageRun> runs() {
    return List.copyOf(runs);
  }

  /**
   * The latest run of a note paragraph that succeeded: what it ran as ({@code split}, {@code rules}
   * …) and when, as a sequence number that grows with every paragraph run of the note.
   */
  public record ParagraphRun(String paragraph, String stage, long sequence) {}

  /**
   * Records that a paragraph of the note ran as a stage (or {@code rules}), or, when it failed,
   * that its latest text did not run: an exercise check asks which of the paragraphs it grades
   * really ran, and in which order.
   */
  public synchronized void paragraphRan(String paragraphId, String stage, boolean succeeded) {
    if (paragraphId == null || paragraphId.isEmpty()) {
      return;
    }
    paragraphSequence++;
    paragraphs.remove(paragraphId);
    if (succeeded) {
      paragraphs.put(paragraphId, new ParagraphRun(paragraphId, stage, paragraphSequence));
    }
  }

  /** The latest successful run of each paragraph, by paragraph id. */
  public synchronized Map<String, ParagraphRun> paragraphRuns() {
    return Collections.unmodifiableMap(new LinkedHashMap<>(paragraphs));
  }
}
