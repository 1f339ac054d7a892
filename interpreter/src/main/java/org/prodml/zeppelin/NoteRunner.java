package org.prodml.zeppelin;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.function.Consumer;
import java.util.function.Function;
import org.apache.zeppelin.display.GUI;
import org.apache.zeppelin.interpreter.Interpreter;
import org.apache.zeppelin.interpreter.InterpreterContext;
import org.apache.zeppelin.interpreter.InterpreterException;
import org.apache.zeppelin.interpreter.InterpreterGroup;
import org.apache.zeppelin.interpreter.InterpreterOutput;
import org.apache.zeppelin.interpreter.InterpreterResult;
import org.apache.zeppelin.interpreter.InterpreterResult.Code;
import org.apache.zeppelin.interpreter.InterpreterResultMessage;
import org.apache.zeppelin.interpreter.LazyOpenInterpreter;
import org.apache.zeppelin.user.AuthenticationInfo;
import org.prodml.note.NoteFiles;
import org.prodml.zeppelin.InterpreterSettings.Entry;
import org.prodml.zeppelin.ParagraphRun.Status;

/**
 * Runs a Zeppelin note without a Zeppelin server, through the interpreter classes Zeppelin would
 * run: the group is built from {@code interpreter-setting.json}, each interpreter wrapped in
 * Zeppelin's {@link LazyOpenInterpreter} (so the first paragraph opens, as in 0.11.1), one session
 * per note, and each paragraph gets an {@link InterpreterContext} with the note id, paragraph id,
 * local properties and form values, as the server would build it.
 *
 * <p>Paragraphs run in order. {@code %md} is rendered with a small safe Markdown subset ({@link
 * Markdown}); other interpreters' paragraphs are kept as they are. A paragraph whose {@code
 * config.expectError} is true must fail. After any other failure the rest of the note does not run,
 * as Zeppelin's "run all" stops. The input note is never changed: the run works on a copy.
 */
final class NoteRunner {
  static final String EXPECT_ERROR = "expectError";
  static final String MARKDOWN_GROUP = "md";
  private static final DateTimeFormatter ZEPPELIN_DATE =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS");
  static final ObjectMapper JSON = new ObjectMapper();

  private final InterpreterSettings settings;
  private final Properties properties;
  private final Function<Entry, Interpreter> factory;

  /** The group as declared, with these interpreter properties over the declared defaults. */
  NoteRunner(Map<String, String> propertyOverrides) {
    this(InterpreterSettings.load(), propertyOverrides, null);
  }

  /** A factory other than "the declared class with the properties" lets tests inject stages. */
  NoteRunner(
      InterpreterSettings settings,
      Map<String, String> propertyOverrides,
      Function<Entry, Interpreter> factory) {
    this.settings = settings;
    this.properties = settings.properties(propertyOverrides);
    this.factory = factory != null ? factory : this::instantiate;
  }

  static ObjectNode read(Path file) {
    return NoteFiles.read(file);
  }

  static String write(ObjectNode note) {
    return NoteFiles.write(note);
  }

  NoteRun run(ObjectNode input, Consumer<ParagraphRun> listener) {
    long start = System.nanoTime();
    List<ParagraphRun> runs = new ArrayList<>();
    try (Open open = open(input)) {
      boolean stopped = false;
      for (int i = 0; i < open.size(); i++) {
        ParagraphRun run = stopped ? open.skip(i) : open.run(i);
        if (run == null) {
          continue;
        }
        runs.add(run);
        listener.accept(run);
        stopped |= run.status() == Status.ERROR;
      }
      return new NoteRun(
          open.noteKey, open.name, open.note, runs, (System.nanoTime() - start) / 1_000_000);
    }
  }

  /**
   * A note opened for running paragraph by paragraph, as a learner does in Zeppelin: one session,
   * one pipeline, paragraphs run in any order and again after their text changed. {@link #run} runs
   * a whole note through one of these.
   */
  Open open(ObjectNode input) {
    return new Open(input.deepCopy());
  }

  /** An opened note: its copy (results filled in as paragraphs run) and its session. */
  final class Open implements AutoCloseable {
    private final ObjectNode note;
    private final String noteKey;
    private final String name;
    private final String defaultGroup;
    private final Session session;

    private Open(ObjectNode note) {
      this.note = note;
      String noteId = note.path("id").asText("");
      this.name = note.path("name").asText(noteId);
      this.noteKey = noteId.isEmpty() ? name : noteId;
      String group = note.path("defaultInterpreterGroup").asText("");
      this.defaultGroup = group.isBlank() ? "prodml" : group;
      requireKnownInterpreters(note, name, defaultGroup);
      this.session = new Session(noteKey);
    }

    /** The note with the results of the paragraphs run so far. */
    ObjectNode note() {
      return note;
    }

    int size() {
      return note.path("paragraphs").size();
    }

    /** The position of a paragraph, by id; -1 when the note has none. */
    int indexOf(String paragraphId) {
      ArrayNode paragraphs = (ArrayNode) note.path("paragraphs");
      for (int i = 0; i < paragraphs.size(); i++) {
        if (paragraphs.get(i).path("id").asText("").equals(paragraphId)) {
          return i;
        }
      }
      return -1;
    }

    /** Replaces a paragraph's text, as a learner's edit would (its old results go). */
    void setText(String paragraphId, String text) {
      int i = indexOf(paragraphId);
      if (i < 0) {
        throw new IllegalArgumentException("the note has no paragraph " + paragraphId);
      }
      ObjectNode paragraph = (ObjectNode) note.path("paragraphs").get(i);
      paragraph.put("text", text);
      paragraph.remove("results");
    }

    /** Runs the paragraph at that position; null for an empty paragraph. */
    ParagraphRun run(int i) {
      if (!(note.path("paragraphs").get(i) instanceof ObjectNode paragraph)) {
        return null;
      }
      return runParagraph(i + 1, paragraph, noteKey, name, defaultGroup, session);
    }

    /** Sets a paragraph's form values (its {@code settings.params}), used when it runs next. */
    void setForms(String paragraphId, Map<String, String> values) {
      int i = indexOf(paragraphId);
      if (i < 0) {
        throw new IllegalArgumentException("the note has no paragraph " + paragraphId);
      }
      ObjectNode paragraph = (ObjectNode) note.path("paragraphs").get(i);
      ObjectNode settings =
          paragraph.path("settings") instanceof ObjectNode s ? s : paragraph.putObject("settings");
      ObjectNode params =
          settings.path("params") instanceof ObjectNode p ? p : settings.putObject("params");
      values.forEach(params::put);
    }

    /** How far the paragraph running now is, as its interpreter reports it (0 when idle). */
    int progress(String paragraphId) {
      Running now = session.running;
      if (now == null || !now.context().getParagraphId().equals(paragraphId)) {
        return 0;
      }
      try {
        return now.interpreter().getProgress(now.context());
      } catch (InterpreterException e) {
        return 0;
      }
    }

    /** Asks the paragraph running now to stop, through its interpreter's cancel. */
    void cancel(String paragraphId) {
      Running now = session.running;
      if (now != null && now.context().getParagraphId().equals(paragraphId)) {
        try {
          now.interpreter().cancel(now.context());
        } catch (InterpreterException e) {
          throw new IllegalStateException(Errors.oneLine(e), e);
        }
      }
    }

    /**
     * The paragraph interpreter's completions of the word before the cursor; the group's default
     * interpreter's while the paragraph names none it knows (the learner is typing its name).
     */
    List<org.apache.zeppelin.interpreter.thrift.InterpreterCompletion> completion(
        String paragraphId, String text, int cursor) throws InterpreterException {
      // While the learner types the properties they do not parse yet; the name before them does.
      java.util.regex.Matcher named =
          java.util.regex.Pattern.compile("^\\s*%([\\w.]+)").matcher(text);
      String binding = named.find() ? named.group(1) : "";
      Optional<Interpreter> interpreter =
          entryFor(binding, defaultGroup).or(() -> entryFor("", defaultGroup)).map(session::get);
      if (interpreter.isEmpty()) {
        return List.of();
      }
      InterpreterContext context =
          InterpreterContext.builder()
              .setNoteId(noteKey)
              .setNoteName(name)
              .setParagraphId(paragraphId)
              .setParagraphText(text)
              .setLocalProperties(new HashMap<>())
              .setGUI(new GUI())
              .setNoteGUI(new GUI())
              .setAuthenticationInfo(new AuthenticationInfo("anonymous"))
              .setInterpreterOut(new InterpreterOutput())
              .build();
      return interpreter.get().completion(text, cursor, context);
    }

    private ParagraphRun skip(int i) {
      return note.path("paragraphs").get(i) instanceof ObjectNode paragraph
          ? notRun(i + 1, paragraph)
          : null;
    }

    @Override
    public void close() {
      session.close();
    }
  }

  /**
   * Every paragraph bound to this group names one of its interpreters: Zeppelin fails such a
   * paragraph ("interpreter not found") when it comes to it; a note that names one is refused
   * before any paragraph runs.
   *
   * @throws IllegalArgumentException naming the note, the paragraph and the binding
   */
  private void requireKnownInterpreters(ObjectNode note, String name, String defaultGroup) {
    JsonNode paragraphs = note.path("paragraphs");
    for (int i = 0; i < paragraphs.size(); i++) {
      String text = paragraphs.get(i).path("text").asText("");
      ParagraphText parsed;
      try {
        parsed = ParagraphText.parse(text);
      } catch (IllegalArgumentException e) {
        continue; // the paragraph's own error, when it runs
      }
      String binding = parsed.binding();
      boolean ours =
          settings.entries().stream()
              .anyMatch(e -> e.group().equals(parsed.group()) && binding.contains("."));
      if (ours && entryFor(binding, defaultGroup).isEmpty()) {
        throw new IllegalArgumentException(
            "note '"
                + name
                + "' paragraph "
                + (i + 1)
                + " ("
                + paragraphs.get(i).path("id").asText("")
                + "): %"
                + binding
                + " is not an interpreter of the "
                + parsed.group()
                + " group; it has "
                + String.join(
                    ", ",
                    settings.entries().stream()
                        .filter(e -> e.group().equals(parsed.group()))
                        .map(e -> "%" + e.group() + (e.isDefault() ? "" : "." + e.name()))
                        .toList()));
      }
    }
  }

  /**
   * The interpreter a binding names, in Zeppelin's order: {@code group.name}; a bare name is first
   * an interpreter of the note's default group, then a group (its default interpreter); no binding
   * is the default group's default interpreter.
   */
  private Optional<Entry> entryFor(String binding, String defaultGroup) {
    String[] parts = binding.split("\\.");
    if (binding.isEmpty()) {
      return settings.defaultEntry(defaultGroup);
    } else if (parts.length == 2) {
      return settings.entry(parts[0], parts[1]);
    } else if (parts.length == 1) {
      return settings.entry(defaultGroup, binding).or(() -> settings.defaultEntry(binding));
    }
    return Optional.empty();
  }

  private ParagraphRun runParagraph(
      int index,
      ObjectNode paragraph,
      String noteId,
      String noteName,
      String defaultGroup,
      Session session) {
    String text = paragraph.path("text").asText("");
    if (text.isBlank()) {
      return null; // Zeppelin's trailing empty paragraph
    }
    String id = paragraph.path("id").asText("paragraph_" + index);
    String title = paragraph.path("title").asText("");
    JsonNode config = paragraph.path("config");
    boolean expectError = config.path(EXPECT_ERROR).asBoolean(false);
    if (!config.path("enabled").asBoolean(true)) {
      return new ParagraphRun(index, id, title, "", Status.SKIPPED, 0, "disabled");
    }
    LocalDateTime started = LocalDateTime.now();
    long start = System.nanoTime();
    ParagraphText parsed;
    try {
      parsed = ParagraphText.parse(text);
    } catch (IllegalArgumentException e) {
      setResults(
          paragraph,
          Code.ERROR,
          List.of(new InterpreterResultMessage(InterpreterResult.Type.TEXT, e.getMessage())),
          started);
      return judged(index, id, title, "", Code.ERROR, e.getMessage(), expectError, start);
    }
    String binding = parsed.binding().isEmpty() ? defaultGroup : parsed.binding();
    Optional<Entry> entry = entryFor(parsed.binding(), defaultGroup);
    Optional<Interpreter> interpreter = entry.map(session::get);
    if (entry.isPresent() && parsed.skippedByZeppelin(configOf(config), entry.get().config())) {
      return new ParagraphRun(
          index,
          id,
          title,
          binding,
          Status.SKIPPED,
          0,
          "blank: Zeppelin skips a paragraph with no script and no properties (checkEmpty)");
    }
    if (interpreter.isEmpty()) {
      if (isMarkdown(parsed.binding(), defaultGroup)) {
        setResults(
            paragraph,
            Code.SUCCESS,
            List.of(
                new InterpreterResultMessage(
                    InterpreterResult.Type.HTML, Markdown.toHtml(parsed.script()))),
            started);
        return judged(index, id, title, binding, Code.SUCCESS, "", expectError, start);
      }
      return new ParagraphRun(
          index, id, title, binding, Status.SKIPPED, 0, "%" + binding + " is not run headless");
    }

    GUI gui =
        paragraph.has("settings") ? GUI.fromJson(paragraph.get("settings").toString()) : new GUI();
    InterpreterContext context =
        InterpreterContext.builder()
            .setNoteId(noteId)
            .setNoteName(noteName)
            .setParagraphId(id)
            .setParagraphTitle(title)
            .setParagraphText(text)
            .setReplName(binding)
            .setLocalProperties(new HashMap<>(parsed.localProperties()))
            .setGUI(gui)
            .setNoteGUI(new GUI())
            .setConfig(new HashMap<>())
            .setAuthenticationInfo(new AuthenticationInfo("anonymous"))
            .setInterpreterOut(new InterpreterOutput())
            .build();
    Code code;
    List<InterpreterResultMessage> messages = new ArrayList<>();
    InterpreterContext.set(context);
    session.running = new Running(interpreter.get(), context);
    try {
      InterpreterResult result = interpreter.get().interpret(parsed.script(), context);
      context.out.flush();
      messages.addAll(
          context.out.toInterpreterResultMessage()); // as Zeppelin's server: streamed output first
      messages.addAll(result.message());
      code = result.code();
    } catch (InterpreterException e) { // opening failed (e.g. the rule folders do not compile)
      code = Code.ERROR;
      String why = e.getCause() != null ? Errors.oneLine(e.getCause()) : e.getMessage();
      messages.add(new InterpreterResultMessage(InterpreterResult.Type.TEXT, why));
    } catch (IOException | RuntimeException e) {
      code = Code.ERROR;
      messages.add(new InterpreterResultMessage(InterpreterResult.Type.TEXT, Errors.oneLine(e)));
    } finally {
      session.running = null;
      InterpreterContext.remove();
    }
    setResults(paragraph, code, messages, started);
    try {
      paragraph.set("settings", JSON.readTree(gui.toJson()));
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
    String message =
        code == Code.SUCCESS
            ? ""
            : messages.stream()
                .filter(m -> m.getType() == InterpreterResult.Type.TEXT)
                .map(InterpreterResultMessage::getData)
                .reduce((a, b) -> b)
                .orElse("");
    return judged(index, id, title, binding, code, message, expectError, start);
  }

  private static ParagraphRun judged(
      int index,
      String id,
      String title,
      String binding,
      Code code,
      String message,
      boolean expectError,
      long start) {
    long millis = (System.nanoTime() - start) / 1_000_000;
    Status status;
    if (code == Code.ERROR) {
      status = expectError ? Status.EXPECTED_ERROR : Status.ERROR;
    } else {
      status = expectError ? Status.UNEXPECTED_SUCCESS : Status.OK;
      if (expectError) {
        message = "config." + EXPECT_ERROR + " is true, but the paragraph succeeded";
      }
    }
    return new ParagraphRun(index, id, title, binding, status, millis, message);
  }

  private static ParagraphRun notRun(int index, ObjectNode paragraph) {
    if (paragraph.path("text").asText("").isBlank()) {
      return null;
    }
    paragraph.remove("results"); // no stale output beside this run's
    paragraph.put("status", "READY");
    return new ParagraphRun(
        index,
        paragraph.path("id").asText(""),
        paragraph.path("title").asText(""),
        "",
        Status.NOT_RUN,
        0,
        "an earlier paragraph failed");
  }

  /**
   * The results as Zeppelin stores them: {@code results.code} and {@code results.msg[].type/data}.
   */
  private static void setResults(
      ObjectNode paragraph,
      Code code,
      List<InterpreterResultMessage> messages,
      LocalDateTime started) {
    ObjectNode results = paragraph.putObject("results");
    results.put("code", code.name());
    ArrayNode msg = results.putArray("msg");
    for (InterpreterResultMessage m : messages) {
      msg.addObject().put("type", m.getType().name()).put("data", m.getData());
    }
    paragraph.put("dateStarted", ZEPPELIN_DATE.format(started));
    paragraph.put("dateFinished", ZEPPELIN_DATE.format(LocalDateTime.now()));
    paragraph.put("status", code == Code.SUCCESS ? "FINISHED" : "ERROR");
  }

  /** A paragraph's config as Zeppelin holds it: names to values. */
  private static Map<String, Object> configOf(JsonNode config) {
    Map<String, Object> values = new HashMap<>();
    config
        .fields()
        .forEachRemaining(
            f ->
                values.put(
                    f.getKey(),
                    f.getValue().isBoolean() ? f.getValue().asBoolean() : f.getValue().asText()));
    return values;
  }

  private static boolean isMarkdown(String binding, String defaultGroup) {
    String group = binding.isEmpty() ? defaultGroup : binding.split("\\.")[0];
    return group.equals(MARKDOWN_GROUP);
  }

  private Interpreter instantiate(Entry entry) {
    try {
      return (Interpreter)
          Class.forName(entry.className()).getConstructor(Properties.class).newInstance(properties);
    } catch (ReflectiveOperationException | ClassCastException e) {
      throw new IllegalStateException(
          "cannot create interpreter " + entry.className() + ": " + e, e);
    }
  }

  /** The paragraph a session runs now, for progress and cancel from other threads. */
  private record Running(Interpreter interpreter, InterpreterContext context) {}

  /** The group's interpreters for one note, as Zeppelin creates them for a session. */
  private final class Session implements AutoCloseable {
    private final Map<String, Interpreter> interpreters = new LinkedHashMap<>();
    private volatile Running running;

    Session(String noteId) {
      InterpreterGroup group = new InterpreterGroup("prodml-headless-" + noteId);
      List<Interpreter> session = new ArrayList<>();
      for (Entry entry : settings.entries()) {
        Interpreter interpreter = factory.apply(entry);
        interpreter.setInterpreterGroup(group);
        LazyOpenInterpreter lazy = new LazyOpenInterpreter(interpreter);
        session.add(lazy);
        interpreters.put(entry.group() + "." + entry.name(), lazy);
      }
      group.put(noteId, session); // "scoped per note": the note id is the session id
    }

    /** The session's interpreter of that entry. */
    Interpreter get(Entry entry) {
      return interpreters.get(entry.group() + "." + entry.name());
    }

    @Override
    public void close() {
      for (Interpreter interpreter : interpreters.values()) {
        try {
          interpreter.close();
        } catch (InterpreterException | RuntimeException e) {
          // closing is best effort: the run's results are already in the copy
        }
      }
    }
  }

  /**
   * Where a note's copy goes: its file name without {@code .zpln} (or a note text's {@code .txt}),
   * or its folder's name for a {@code note.json}.
   */
  static String outputName(Path file) {
    String fileName = file.getFileName().toString();
    if (fileName.equals("note.json") && file.toAbsolutePath().getParent() != null) {
      return file.toAbsolutePath().getParent().getFileName().toString();
    }
    return fileName.endsWith(".zpln")
        ? fileName.substring(0, fileName.length() - ".zpln".length())
        : fileName.replaceFirst("\\.(json|txt)$", "");
  }
}
