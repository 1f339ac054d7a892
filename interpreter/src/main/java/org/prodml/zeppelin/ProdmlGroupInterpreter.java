package org.prodml.zeppelin;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import org.apache.zeppelin.interpreter.Interpreter;
import org.apache.zeppelin.interpreter.InterpreterContext;
import org.apache.zeppelin.interpreter.InterpreterException;
import org.apache.zeppelin.interpreter.InterpreterGroup;
import org.apache.zeppelin.interpreter.InterpreterResult;
import org.apache.zeppelin.interpreter.InterpreterResult.Code;
import org.apache.zeppelin.interpreter.thrift.InterpreterCompletion;
import org.apache.zeppelin.scheduler.Scheduler;
import org.prodml.render.Block;
import org.prodml.rules.RuleMetadata;
import org.prodml.stages.Stages;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tech.tablesaw.api.Table;

/**
 * What every interpreter of the {@code prodml} group does the same way: find the session it shares
 * with the group's default interpreter, run in the session's one FIFO scheduler, turn a paragraph's
 * blocks into Zeppelin results, report progress, honour cancel, complete words, and turn any
 * failure into a one-line {@code ERROR} that leaves the interpreter and the note's pipeline usable.
 */
abstract class ProdmlGroupInterpreter extends Interpreter {
  private static final Logger LOG = LoggerFactory.getLogger(ProdmlGroupInterpreter.class);

  private volatile ProdmlSession session;

  ProdmlGroupInterpreter(Properties properties) {
    super(properties);
  }

  /** The paragraph's work: its body and local properties in, blocks to show out. */
  abstract List<Block> run(
      String body,
      InterpreterContext context,
      ProdmlSession session,
      NotePipeline note,
      ParagraphProgress progress);

  /** Words this interpreter can complete besides stages, columns and rule ids (name → meta). */
  void moreCompletions(Map<String, String> candidates, ProdmlSession session, NotePipeline note) {}

  /**
   * The session this interpreter shares with the group's default interpreter, which owns it. An
   * interpreter used without a group (a quick test, a script) gets a session of its own.
   */
  ProdmlSession session() throws InterpreterException {
    ProdmlSession found = session;
    if (found != null) {
      return found;
    }
    synchronized (this) {
      if (session == null) {
        session = findSession();
      }
      return session;
    }
  }

  private ProdmlSession findSession() throws InterpreterException {
    InterpreterGroup group = getInterpreterGroup();
    if (group == null) {
      return new ProdmlSession(getProperties(), Stages.pipeline());
    }
    // open=false: the lookup happens in getScheduler too, which must not compile rules.
    ProdmlInterpreter owner =
        getInterpreterInTheSameSessionByClassName(ProdmlInterpreter.class, false);
    if (owner == null) {
      throw new InterpreterException(
          "the prodml group's default interpreter ("
              + ProdmlInterpreter.class.getName()
              + ") is not in this interpreter's session; create the interpreters from interpreter-setting.json");
    }
    return owner.ownSession();
  }

  /**
   * Reads the setting. A bad setting (a property that is not a number, a rule folder that does not
   * compile) is not thrown from here: Zeppelin would show the exception's stack trace under the
   * paragraph. Each paragraph opens again and shows the one-line error instead.
   */
  @Override
  public void open() throws InterpreterException {
    try {
      session().open();
    } catch (RuntimeException e) {
      LOG.warn("the prodml setting does not open: {}", Errors.oneLine(e));
    }
  }

  @Override
  public void close() throws InterpreterException {}

  @Override
  public InterpreterResult interpret(String body, InterpreterContext context) {
    ProdmlSession current;
    NotePipeline note;
    try {
      current = session();
      current.open();
      note = current.note(context.getNoteId());
    } catch (InterpreterException | RuntimeException e) {
      return error(e instanceof InterpreterException ? e.getMessage() : Errors.oneLine(e));
    }
    ParagraphProgress progress = current.start(context);
    boolean succeeded = false;
    note.state().runningParagraph(context.getParagraphId());
    // Line N of what the paragraph reads is line N of Zeppelin's editor, for its error messages.
    String script =
        ParagraphText.alignedWithEditor(body == null ? "" : body, context.getParagraphText());
    try {
      List<Block> blocks = run(script, context, current, note, progress);
      succeeded = true;
      return new InterpreterResult(
          Code.SUCCESS, ZeppelinOutput.render(blocks, maxRows(script, current.config().maxRows())));
    } catch (RuntimeException | LinkageError e) {
      if (Errors.isBug(e)) {
        LOG.error(
            "paragraph {} of note {} failed", context.getParagraphId(), context.getNoteId(), e);
      }
      return error(Errors.oneLine(e));
    } catch (VirtualMachineError e) {
      // Out of memory or a stack overflow in this paragraph: one line, and the process goes on.
      LOG.error("paragraph {} of note {} failed", context.getParagraphId(), context.getNoteId(), e);
      return error(
          (e instanceof OutOfMemoryError ? "out of memory" : "stack overflow")
              + " in this paragraph: "
              + e.getMessage());
    } finally {
      note.state().runningParagraph(null);
      if (paragraphStage() != null) {
        note.state().paragraphRan(context.getParagraphId(), paragraphStage(), succeeded);
      }
      current.finish(context, progress);
    }
  }

  /**
   * What a paragraph of this interpreter runs as, for the note's record of which paragraphs ran (an
   * exercise check reads it); null for an interpreter whose paragraphs change nothing.
   */
  String paragraphStage() {
    return null;
  }

  private static InterpreterResult error(String message) {
    return new InterpreterResult(Code.ERROR, InterpreterResult.Type.TEXT, message);
  }

  @Override
  public void cancel(InterpreterContext context) throws InterpreterException {
    session().cancel(context);
  }

  /**
   * NATIVE: forms come from the interpreter ({@code context.getGui().select}), not from ${…} in the
   * text.
   */
  @Override
  public FormType getFormType() {
    return FormType.NATIVE;
  }

  @Override
  public int getProgress(InterpreterContext context) throws InterpreterException {
    return session().progress(context);
  }

  /** All the group's paragraphs go through the session's one FIFO scheduler. */
  @Override
  public Scheduler getScheduler() {
    try {
      return session().scheduler();
    } catch (InterpreterException e) {
      LOG.warn(
          "no prodml session, using a scheduler of this interpreter alone: {}", e.getMessage());
      return super.getScheduler();
    }
  }

  /**
   * Completes the word before the cursor with stage names, this interpreter's own words
   * (parameters, commands), the column names of the note's tables and the rule ids.
   */
  @Override
  public List<InterpreterCompletion> completion(
      String buffer, int cursor, InterpreterContext context) throws InterpreterException {
    String prefix = wordBefore(buffer == null ? "" : buffer, cursor).toLowerCase(Locale.ROOT);
    Map<String, String> candidates = new LinkedHashMap<>();
    ProdmlSession current = session();
    NotePipeline note = null;
    try {
      note = current.note(context.getNoteId());
    } catch (RuntimeException e) {
      LOG.debug("completion without the note's pipeline: {}", e.getMessage());
    }
    moreCompletions(candidates, current, note);
    current
        .pipeline()
        .registry()
        .all()
        .forEach(
            (name, stage) -> candidates.putIfAbsent("prodml." + name, "stage: " + stage.summary()));
    if (note != null) {
      for (Map.Entry<String, Table> table : note.state().tables().entrySet()) {
        for (String column : table.getValue().columnNames()) {
          candidates.putIfAbsent(column, "column of " + table.getKey());
        }
      }
      try {
        for (RuleMetadata rule : note.state().rules().rules()) {
          candidates.putIfAbsent(rule.id(), "rule: " + rule.severity() + " " + rule.topic());
        }
      } catch (RuntimeException e) {
        LOG.debug("completion without rule ids: {}", e.getMessage());
      }
    }
    List<InterpreterCompletion> completions = new ArrayList<>();
    candidates.forEach(
        (word, meta) -> {
          if (word.toLowerCase(Locale.ROOT).startsWith(prefix)) {
            completions.add(new InterpreterCompletion(word, word, meta));
          }
        });
    return completions;
  }

  /** The word the cursor ends: letters, digits and {@code _ . -}. */
  static String wordBefore(String buffer, int cursor) {
    int end = Math.max(0, Math.min(cursor, buffer.length()));
    int start = end;
    while (start > 0 && isWordChar(buffer.charAt(start - 1))) {
      start--;
    }
    return buffer.substring(start, end);
  }

  private static boolean isWordChar(char c) {
    return Character.isLetterOrDigit(c) || c == '_' || c == '.' || c == '-';
  }

  /**
   * The most rows a table of this paragraph shows: the setting, unless a paragraph is reference.
   */
  int maxRows(String body, int configured) {
    return configured;
  }
}
