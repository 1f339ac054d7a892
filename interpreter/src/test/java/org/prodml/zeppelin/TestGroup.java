package org.prodml.zeppelin;

import java.io.File;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.zeppelin.display.GUI;
import org.apache.zeppelin.interpreter.Interpreter;
import org.apache.zeppelin.interpreter.InterpreterContext;
import org.apache.zeppelin.interpreter.InterpreterException;
import org.apache.zeppelin.interpreter.InterpreterGroup;
import org.apache.zeppelin.interpreter.InterpreterOutput;
import org.apache.zeppelin.interpreter.InterpreterResult;
import org.apache.zeppelin.interpreter.InterpreterResultMessage;
import org.apache.zeppelin.interpreter.LazyOpenInterpreter;
import org.prodml.cli.Home;
import org.prodml.pipeline.StageRegistry;
import org.prodml.stages.Stages;

/**
 * A {@code prodml} group wired the way Zeppelin wires it (as Zeppelin's own
 * PythonInterpreterPandasSqlTest does): every interpreter of {@code interpreter-setting.json} in
 * one session, each wrapped in {@link LazyOpenInterpreter}, the default one built with the stages a
 * test chooses.
 */
final class TestGroup implements AutoCloseable {
  static final String FIXTURES = "interpreter/src/test/resources/fixtures";

  final InterpreterGroup group;
  final Map<String, Interpreter> interpreters = new LinkedHashMap<>();
  private final List<String> sessions = new ArrayList<>();

  private TestGroup(InterpreterGroup group) {
    this.group = group;
  }

  /**
   * The fixtures and the shipped datasets as data roots, the shipped rules, at most 5 rows a table.
   */
  static Properties properties() {
    Properties p = new Properties();
    p.setProperty(ProdmlSettings.HOME, Home.get().toString());
    p.setProperty(ProdmlSettings.DATA_ROOTS, FIXTURES + File.pathSeparator + "datasets");
    p.setProperty(ProdmlSettings.RULE_DIRS, "rules");
    p.setProperty(ProdmlSettings.MAX_ROWS, "5");
    return p;
  }

  static TestGroup create() {
    return create(properties(), Stages.registry());
  }

  static TestGroup create(Properties properties, StageRegistry registry, Interpreter... extra) {
    TestGroup test = new TestGroup(new InterpreterGroup("prodml-test"));
    test.addSession("session_1", properties, registry, extra);
    return test;
  }

  /** Another session of the same group (Zeppelin's "scoped per note" binding has one per note). */
  Map<String, Interpreter> addSession(
      String sessionId, Properties properties, StageRegistry registry, Interpreter... extra) {
    Map<String, Interpreter> byName = new LinkedHashMap<>();
    List<Interpreter> session = new ArrayList<>();
    for (InterpreterSettings.Entry entry : InterpreterSettings.load().entries()) {
      Interpreter interpreter =
          entry.isDefault()
              ? new ProdmlInterpreter(properties, registry)
              : instantiate(entry, properties);
      byName.put(entry.name(), interpreter);
    }
    for (Interpreter interpreter : extra) {
      byName.put(((StageInterpreter) interpreter).stageName(), interpreter);
    }
    byName.replaceAll(
        (name, interpreter) -> {
          interpreter.setInterpreterGroup(group);
          LazyOpenInterpreter lazy = new LazyOpenInterpreter(interpreter);
          session.add(lazy);
          return lazy;
        });
    group.put(sessionId, session);
    sessions.add(sessionId);
    if (interpreters.isEmpty()) {
      interpreters.putAll(byName);
    }
    return byName;
  }

  private static Interpreter instantiate(InterpreterSettings.Entry entry, Properties properties) {
    try {
      return (Interpreter)
          Class.forName(entry.className()).getConstructor(Properties.class).newInstance(properties);
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException(e);
    }
  }

  Interpreter get(String name) {
    Interpreter interpreter = interpreters.get(name);
    if (interpreter == null) {
      throw new IllegalArgumentException("no interpreter " + name + " in the test group");
    }
    return interpreter;
  }

  static InterpreterContext context(
      String noteId, String paragraphId, Map<String, String> localProperties) {
    return InterpreterContext.builder()
        .setNoteId(noteId)
        .setParagraphId(paragraphId)
        .setLocalProperties(new HashMap<>(localProperties))
        .setGUI(new GUI())
        .setInterpreterOut(new InterpreterOutput())
        .build();
  }

  /** Runs a paragraph: {@code run("load", "note1", Map.of("file", "x.csv"), "")}. */
  InterpreterResult run(
      String interpreter, String noteId, Map<String, String> localProperties, String body) {
    return run(get(interpreter), context(noteId, "p-" + interpreter, localProperties), body);
  }

  static InterpreterResult run(Interpreter interpreter, InterpreterContext context, String body) {
    try {
      return interpreter.interpret(body, context);
    } catch (InterpreterException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The messages' types and data, e.g. "TABLE:a\tb\n1\t2\n". */
  static List<String> messages(InterpreterResult result) {
    List<String> out = new ArrayList<>();
    for (InterpreterResultMessage m : result.message()) {
      out.add(m.getType() + ":" + m.getData());
    }
    return out;
  }

  static String data(InterpreterResult result, int index) {
    return result.message().get(index).getData();
  }

  @Override
  public void close() throws IOException {
    for (Interpreter interpreter : interpreters.values()) {
      try {
        interpreter.close();
      } catch (InterpreterException e) {
        throw new IOException(e);
      }
    }
    group.close();
  }
}
