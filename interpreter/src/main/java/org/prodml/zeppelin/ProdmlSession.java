package org.prodml.zeppelin;

import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.zeppelin.interpreter.InterpreterContext;
import org.apache.zeppelin.scheduler.Scheduler;
import org.apache.zeppelin.scheduler.SchedulerFactory;
import org.prodml.data.TablesawStartup;
import org.prodml.pipeline.Pipeline;
import org.prodml.pipeline.PipelineConfig;
import org.prodml.pipeline.PipelineState;
import org.prodml.rules.RuleFiles;

/**
 * What the interpreters of one Zeppelin session of the {@code prodml} group share: the
 * configuration, the stages, one {@link PipelineState} per note, the paragraphs running now (for
 * progress and cancel) and one FIFO scheduler, so a note's paragraphs run one at a time and in
 * order whichever {@code %prodml.x} they use.
 *
 * <p>In Zeppelin's "shared" binding every note uses the same session, and the per-note map keeps
 * their pipelines apart; in "scoped per note" binding each note has a session (and scheduler) of
 * its own, so notes also run in parallel.
 */
final class ProdmlSession {
  private static final AtomicLong SESSIONS = new AtomicLong();

  private final String schedulerName = "prodml-" + SESSIONS.incrementAndGet();
  private final Properties properties;
  private final Pipeline pipeline;
  private final Map<String, NotePipeline> notes = new ConcurrentHashMap<>();
  private final Map<String, ParagraphProgress> running = new ConcurrentHashMap<>();
  private volatile PipelineConfig config;
  private volatile boolean schedulerCreated;

  ProdmlSession(Properties properties, Pipeline pipeline) {
    this.properties = properties;
    this.pipeline = pipeline;
  }

  /**
   * Reads the setting and starts compiling the configured rules in the background. Cheap after the
   * first call, and safe to call from every interpret: Zeppelin 0.11.1 never sends the open RPC, so
   * the first paragraph opens. A note's first paragraphs (load, profile) need no rules and run
   * while Drools builds them; the first paragraph that judges waits for the build, and a rule that
   * does not compile is that paragraph's error (file:line). Compiling is cached per rules version
   * in the library, so a second session in the same process does not compile again.
   */
  void open() {
    if (config != null) {
      return;
    }
    synchronized (this) {
      if (config == null) {
        PipelineConfig read = ProdmlSettings.config(properties);
        TablesawStartup.load(); // before the rules' thread starts: it sets a system property
        RuleFiles.compileAsync(read.ruleFolders());
        config = read;
      }
    }
  }

  boolean isOpen() {
    return config != null;
  }

  PipelineConfig config() {
    open();
    return config;
  }

  Pipeline pipeline() {
    return pipeline;
  }

  String schedulerName() {
    return schedulerName;
  }

  Scheduler scheduler() {
    schedulerCreated = true;
    return SchedulerFactory.singleton().createOrGetFIFOScheduler(schedulerName);
  }

  /** The note's pipeline, created on its first paragraph. */
  NotePipeline note(String noteId) {
    String key = noteId == null ? "" : noteId;
    return notes.computeIfAbsent(key, id -> new NotePipeline(id, new PipelineState(config())));
  }

  ParagraphProgress start(InterpreterContext context) {
    ParagraphProgress progress = new ParagraphProgress();
    running.put(key(context), progress);
    return progress;
  }

  void finish(InterpreterContext context, ParagraphProgress progress) {
    running.remove(key(context), progress);
  }

  /** Asks the paragraph's stage to stop; stages check between units of work. */
  void cancel(InterpreterContext context) {
    ParagraphProgress progress = running.get(key(context));
    if (progress != null) {
      progress.cancel();
    }
  }

  int progress(InterpreterContext context) {
    ParagraphProgress progress = running.get(key(context));
    return progress == null ? 0 : progress.percent();
  }

  void close() {
    running.values().forEach(ParagraphProgress::cancel);
    notes.clear();
    if (schedulerCreated) { // touching SchedulerFactory otherwise would start its (non-daemon)
      // threads
      SchedulerFactory.singleton().removeScheduler(schedulerName);
    }
  }

  private static String key(InterpreterContext context) {
    return context.getNoteId() + "/" + context.getParagraphId();
  }
}
