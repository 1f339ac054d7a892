package org.prodml.lab;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.Cookie;
import io.javalin.http.HandlerType;
import io.javalin.http.SameSite;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.prodml.course.Course;
import org.prodml.course.Exercise;
import org.prodml.course.ExerciseProgress;
import org.prodml.course.ExerciseProgress.ExerciseState;
import org.prodml.data.DataInputException;
import org.prodml.note.NoteFiles;

/**
 * The lab's web server: pages and a small JSON API over the workspace's notes, on 127.0.0.1 only.
 *
 * <p>Every request needs the token printed at start (as {@code ?token=} once, which sets a cookie,
 * or an {@code Authorization: token …} header); a request naming another host is refused, so a web
 * page elsewhere cannot reach the lab through DNS tricks. A state-changing request that comes with
 * the cookie must also carry the page's CSRF token in {@value #CSRF_HEADER} and no foreign {@code
 * Origin}. Bodies are limited to {@value #MAX_BODY} bytes.
 */
public final class LabServer implements AutoCloseable {
  static final String COOKIE = "prodml-lab-token";
  static final String CSRF_HEADER = "X-CSRF-Token";
  static final long MAX_BODY = 512 * 1024;

  /** How long a request for a paragraph's result waits for it to finish before it answers. */
  static final long WAIT_MILLIS = 20_000;

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final SecureRandom RANDOM = new SecureRandom();
  private static final Map<String, String> STATIC_FILES =
      Map.of(
          "lab.js", "text/javascript; charset=utf-8",
          "editor.js", "text/javascript; charset=utf-8",
          "lab.css", "text/css; charset=utf-8");

  private final CompletableFuture<LabNotes> notes;
  private final NoteEngine engine;
  private final String token = random();
  private final String csrf = random();
  private final Map<String, LabNote> open = new ConcurrentHashMap<>();
  private final Map<String, byte[]> statics = new ConcurrentHashMap<>();
  private Javalin app;
  private int port;

  private LabServer(CompletableFuture<LabNotes> notes, NoteEngine engine) {
    this.notes = notes;
    this.engine = engine;
  }

  /**
   * Starts the lab on 127.0.0.1 at that port (0: any free one). The notes are read while the server
   * starts (each takes about a second), and the first request waits for them.
   */
  public static LabServer start(Supplier<LabNotes> notes, NoteEngine engine, int port) {
    LabServer server = new LabServer(CompletableFuture.supplyAsync(notes), engine);
    server.app =
        Javalin.create(
                config -> {
                  config.jetty.host = "127.0.0.1";
                  config.jetty.port = port;
                  config.http.maxRequestSize = MAX_BODY;
                  config.startup.showJavalinBanner = false;
                  config.startup.showOldJavalinVersionWarning = false;
                  server.routes(config.routes);
                })
            .start();
    server.port = server.app.port();
    server.notes();
    return server;
  }

  /** The workspace's notes, once read. */
  public LabNotes notes() {
    try {
      return notes.join();
    } catch (java.util.concurrent.CompletionException e) {
      if (e.getCause() instanceof RuntimeException r) {
        throw r;
      }
      throw e;
    }
  }

  private Course course() {
    return notes().course();
  }

  private ExerciseProgress progress() {
    return notes().workspace().progress();
  }

  public int port() {
    return port;
  }

  /** The address to open, with the token, as the command prints it. */
  public String url() {
    return "http://127.0.0.1:" + port + "/?token=" + token;
  }

  /** Stops serving, stops what runs and closes every note's session. */
  @Override
  public void close() {
    if (app != null) {
      app.stop();
    }
    open.values().forEach(LabNote::close);
    open.clear();
  }

  private void routes(io.javalin.config.RoutesConfig routes) {
    routes.before(this::guard);
    routes.get("/", ctx -> html(ctx, LabPages.home(notes(), progress(), csrf)));
    routes.get("/notes/{note}", this::notePage);
    routes.get("/static/{file}", this::staticFile);
    routes.get(
        "/api/session",
        ctx -> json(ctx, Map.of("csrf", csrf, "workspace", notes().workspace().dir().toString())));
    routes.get("/api/notes", ctx -> json(ctx, Map.of("notes", noteList())));
    routes.post("/api/notes", this::createNote);
    routes.get("/api/notes/{note}", this::noteState);
    routes.get("/api/notes/{note}/export", this::export);
    routes.post("/api/notes/{note}/restore", this::restore);
    routes.post("/api/notes/{note}/run-all", this::runAll);
    routes.post("/api/notes/{note}/completion", this::completion);
    routes.post("/api/notes/{note}/paragraphs", this::addParagraph);
    routes.get("/api/notes/{note}/paragraphs/{paragraph}", this::paragraph);
    routes.post("/api/notes/{note}/paragraphs/{paragraph}/text", this::save);
    routes.post("/api/notes/{note}/paragraphs/{paragraph}/run", this::run);
    routes.post("/api/notes/{note}/paragraphs/{paragraph}/cancel", this::cancel);
    routes.get("/api/progress", ctx -> json(ctx, progressSummary()));
    routes.post("/api/exercises/{exercise}/reset", this::resetExercise);
    routes.get("/api/exercises/{exercise}/solution", this::solution);
    routes.get("/api/file", this::file);
    routes.exception(LabException.class, (e, ctx) -> error(ctx, e.status(), e.getMessage()));
    routes.exception(DataInputException.class, (e, ctx) -> error(ctx, 400, e.getMessage()));
    routes.exception(
        io.javalin.http.HttpResponseException.class,
        (e, ctx) ->
            error(
                ctx,
                e.getStatus(),
                e.getStatus() == 413
                    ? "the request is larger than the lab takes (" + MAX_BODY / 1024 + " KiB)"
                    : e.getMessage()));
    routes.exception(
        Exception.class,
        (e, ctx) ->
            error(
                ctx,
                500,
                "internal error: " + e.getClass().getSimpleName() + ": " + e.getMessage()));
  }

  // ---- security

  private void guard(Context ctx) {
    String host = ctx.header("Host");
    if (host == null || !(host.equals("127.0.0.1:" + port) || host.equals("localhost:" + port))) {
      throw new LabException(403, "the lab answers only to 127.0.0.1:" + port);
    }
    String presented = null;
    boolean byCookie = false;
    String authorization = ctx.header("Authorization");
    String query = ctx.method() == HandlerType.GET ? ctx.queryParam("token") : null;
    if (authorization != null && authorization.startsWith("token ")) {
      presented = authorization.substring("token ".length()).strip();
    } else if (query != null) { // a freshly printed address wins over an older lab's cookie
      presented = query;
    } else if (ctx.cookie(cookieName()) != null) {
      presented = ctx.cookie(cookieName());
      byCookie = true;
    }
    if (presented == null || !same(presented, token)) {
      throw new LabException(
          403, "this lab needs its token: open the address ./prodml lab printed (with ?token=…)");
    }
    if (query != null) {
      // The token leaves the address bar: from now on the cookie carries it.
      Cookie cookie = new Cookie(cookieName(), token);
      cookie.setHttpOnly(true);
      cookie.setSameSite(SameSite.STRICT);
      cookie.setPath("/");
      ctx.cookie(cookie);
      if (!ctx.path().startsWith("/api/")) {
        ctx.redirect(ctx.path());
        ctx.skipRemainingHandlers();
        return;
      }
    }
    boolean changes = ctx.method() != HandlerType.GET && ctx.method() != HandlerType.HEAD;
    if (changes && byCookie) {
      String origin = ctx.header("Origin");
      if (origin != null
          && !origin.equals("http://127.0.0.1:" + port)
          && !origin.equals("http://localhost:" + port)) {
        throw new LabException(403, "a request from " + origin + " may not change the lab");
      }
      String header = ctx.header(CSRF_HEADER);
      if (header == null || !same(header, csrf)) {
        throw new LabException(403, "missing or wrong " + CSRF_HEADER + " (reload the page)");
      }
    }
  }

  /** Cookies do not tell ports apart: each lab's cookie is named by its port. */
  String cookieName() {
    return COOKIE + "-" + port;
  }

  private static boolean same(String a, String b) {
    return MessageDigest.isEqual(
        a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));
  }

  private static String random() {
    byte[] bytes = new byte[24];
    RANDOM.nextBytes(bytes);
    return HexFormat.of().formatHex(bytes);
  }

  // ---- pages

  private void notePage(Context ctx) {
    LabNotes.Entry entry = notes().require(ctx.pathParam("note"));
    LabNote note = note(entry);
    html(ctx, LabPages.note(entry, note.note(), note.statuses(), course(), progress(), csrf));
  }

  private void staticFile(Context ctx) {
    String name = ctx.pathParam("file");
    String type = STATIC_FILES.get(name);
    if (type == null) {
      throw LabException.notFound("no file " + name);
    }
    byte[] bytes =
        statics.computeIfAbsent(
            name,
            n -> {
              try (InputStream in = LabServer.class.getResourceAsStream("static/" + n)) {
                if (in == null) {
                  throw new IllegalStateException("the jar lacks org/prodml/lab/static/" + n);
                }
                return in.readAllBytes();
              } catch (IOException e) {
                throw new UncheckedIOException(e);
              }
            });
    ctx.contentType(type).header("Cache-Control", "no-cache").result(bytes);
  }

  // ---- notes

  /** The note's lab session, opened on first use from the workspace's copy. */
  private LabNote note(LabNotes.Entry entry) {
    return open.computeIfAbsent(
        entry.id(),
        id -> {
          LabNote note = new LabNote(id, engine.open(notes().read(entry)));
          note.renderMarkdown();
          return note;
        });
  }

  private List<Map<String, Object>> noteList() {
    Map<String, ExerciseState> states = progress().all();
    List<Map<String, Object>> list = new ArrayList<>();
    for (LabNotes.Entry e : notes().list()) {
      Map<String, Object> item = new LinkedHashMap<>();
      item.put("id", e.id());
      item.put("name", e.name());
      item.put("file", notes().workspace().dir().relativize(e.file()).toString());
      List<Exercise> exercises = e.course().map(n -> n.exercises()).orElse(List.of());
      item.put("exercises", exercises.size());
      item.put(
          "passed",
          exercises.stream()
              .filter(
                  x -> states.containsKey(x.id()) && states.get(x.id()).verdict().equals("PASS"))
              .count());
      list.add(item);
    }
    return list;
  }

  private void createNote(Context ctx) {
    LabNotes.Entry entry = notes().create(text(body(ctx), "name"));
    ctx.status(201);
    json(ctx, Map.of("id", entry.id(), "name", entry.name(), "href", "/notes/" + entry.id()));
  }

  private void noteState(Context ctx) {
    LabNotes.Entry entry = notes().require(ctx.pathParam("note"));
    LabNote note = note(entry);
    List<Map<String, Object>> paragraphs = new ArrayList<>();
    for (JsonNode p : note.note().path("paragraphs")) {
      String id = p.path("id").asText("");
      paragraphs.add(
          Map.of(
              "id", id,
              "status", note.status(id, LabPages.status(p)),
              "progress", note.progress(id)));
    }
    json(ctx, Map.of("id", entry.id(), "name", entry.name(), "paragraphs", paragraphs));
  }

  private void export(Context ctx) {
    LabNotes.Entry entry = notes().require(ctx.pathParam("note"));
    LabNote note = open.get(entry.id());
    ObjectNode content = note != null ? note.note() : notes().read(entry);
    ctx.header(
            "Content-Disposition",
            "attachment; filename=\""
                + entry.file().getFileName().toString().replace("\"", "")
                + "\"")
        .contentType("application/json")
        .result(NoteFiles.write(content));
  }

  private void restore(Context ctx) {
    LabNotes.Entry entry = notes().require(ctx.pathParam("note"));
    notes().restore(entry);
    LabNote was = open.remove(entry.id());
    if (was != null) {
      was.close();
    }
    json(ctx, Map.of("restored", entry.id()));
  }

  private void addParagraph(Context ctx) {
    LabNotes.Entry entry = notes().require(ctx.pathParam("note"));
    String after = optionalText(body(ctx), "after");
    String id = notes().addParagraph(entry, after);
    LabNote note = open.get(entry.id());
    if (note != null) { // into the open note too, keeping its pipeline
      note.insert(after, LabNotes.paragraph(notes().read(entry), id));
    }
    ctx.status(201);
    json(ctx, Map.of("id", id));
  }

  // ---- paragraphs

  private void save(Context ctx) {
    LabNotes.Entry entry = notes().require(ctx.pathParam("note"));
    String paragraph = ctx.pathParam("paragraph");
    String text = text(body(ctx), "text");
    notes().save(entry, paragraph, text);
    LabNote note = open.get(entry.id());
    if (note != null) {
      note.setText(paragraph, text);
    }
    json(ctx, Map.of("saved", paragraph));
  }

  private void run(Context ctx) {
    LabNotes.Entry entry = notes().require(ctx.pathParam("note"));
    String paragraph = ctx.pathParam("paragraph");
    JsonNode body = body(ctx);
    LabNote note = note(entry);
    LabNotes.paragraph(note.note(), paragraph); // 404 for a paragraph the note lacks
    if (body.has("text")) {
      String text = text(body, "text");
      notes().save(entry, paragraph, text); // a learner's text is kept even when it cannot run
      note.setText(paragraph, text);
      Optional<String> malformed = engine.malformed(text);
      if (malformed.isPresent()) {
        throw LabException.badRequest(malformed.get());
      }
    }
    if (body.has("forms")) {
      if (!body.get("forms").isObject()) {
        throw LabException.badRequest("forms must be an object of form name → value");
      }
      Map<String, String> values = new LinkedHashMap<>();
      body.get("forms")
          .fields()
          .forEachRemaining(f -> values.put(f.getKey(), f.getValue().asText()));
      note.setForms(paragraph, values);
    }
    note.submit(List.of(paragraph));
    ctx.status(202);
    json(ctx, Map.of("paragraph", paragraph, "status", note.status(paragraph, LabNote.PENDING)));
  }

  private void runAll(Context ctx) {
    LabNotes.Entry entry = notes().require(ctx.pathParam("note"));
    String from = optionalText(body(ctx), "from");
    LabNote note = note(entry);
    List<String> ids = new ArrayList<>();
    boolean started = from == null || from.isEmpty();
    for (JsonNode p : note.note().path("paragraphs")) {
      String id = p.path("id").asText("");
      started |= id.equals(from);
      if (started && !p.path("text").asText("").isBlank()) {
        ids.add(id);
      }
    }
    if (ids.isEmpty()) {
      throw LabException.notFound("the note " + entry.id() + " has no paragraph " + from);
    }
    note.submit(ids);
    ctx.status(202);
    json(ctx, Map.of("paragraphs", ids));
  }

  private void cancel(Context ctx) {
    LabNotes.Entry entry = notes().require(ctx.pathParam("note"));
    LabNote note = open.get(entry.id());
    if (note != null) {
      note.cancel(ctx.pathParam("paragraph"));
    }
    json(ctx, Map.of("cancelled", ctx.pathParam("paragraph")));
  }

  /** A paragraph's state and results; with {@code ?wait=true}, once it has finished running. */
  private void paragraph(Context ctx) {
    LabNotes.Entry entry = notes().require(ctx.pathParam("note"));
    String id = ctx.pathParam("paragraph");
    LabNote note = note(entry);
    if ("true".equals(ctx.queryParam("wait"))) {
      note.await(id, WAIT_MILLIS);
    }
    JsonNode p = LabNotes.paragraph(note.note(), id);
    String status = note.status(id, LabPages.status(p));
    LabPages.Paragraph view = LabPages.paragraph(p, status, course(), progress());
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("id", id);
    out.put("status", status);
    out.put("progress", note.progress(id));
    out.put("text", view.text());
    out.put("results", view.results());
    out.put("error", errorLine(p));
    out.put("forms", LabPages.formsHtml(view.forms()));
    out.put("exercise", view.exercise().map(LabPages::exerciseHtml).orElse(""));
    out.put("verdict", view.exercise().map(LabPages.ExerciseView::verdict).orElse(""));
    out.put("attempts", view.exercise().map(LabPages.ExerciseView::attempts).orElse(0));
    json(ctx, out);
  }

  /** The one-line message of a failed paragraph. */
  private static String errorLine(JsonNode p) {
    if (!p.path("results").path("code").asText("").equals("ERROR")) {
      return "";
    }
    String line = "";
    for (JsonNode m : p.path("results").path("msg")) {
      if (m.path("type").asText("").equals("TEXT")) {
        line = m.path("data").asText("");
      }
    }
    return line;
  }

  private void completion(Context ctx) {
    LabNotes.Entry entry = notes().require(ctx.pathParam("note"));
    JsonNode body = body(ctx);
    String paragraph = text(body, "paragraph");
    String text = text(body, "text");
    if (!body.path("cursor").canConvertToInt()
        || body.get("cursor").asInt() < 0
        || body.get("cursor").asInt() > text.length()) {
      throw LabException.badRequest(
          "cursor must be a position in the text (0 to " + text.length() + ")");
    }
    LabNote note = note(entry);
    List<Map<String, String>> words = new ArrayList<>();
    for (OpenNote.Completion c : note.completion(paragraph, text, body.get("cursor").asInt())) {
      words.add(Map.of("word", c.word(), "meta", c.meta() == null ? "" : c.meta()));
    }
    json(ctx, Map.of("completions", words));
  }

  // ---- exercises

  private Map<String, Object> progressSummary() {
    Map<String, ExerciseState> states = progress().all();
    int passed = 0;
    Map<String, Object> exercises = new LinkedHashMap<>();
    for (Exercise e : course().exercises().all()) {
      ExerciseState s = states.get(e.id());
      boolean pass = s != null && s.verdict().equals("PASS");
      passed += pass ? 1 : 0;
      exercises.put(
          e.id(),
          Map.of(
              "note", e.note(),
              "verdict", s == null ? "" : s.verdict(),
              "attempts", s == null ? 0 : s.attempts(),
              "hintsRevealed", s == null ? 0 : s.hintsRevealed().size()));
    }
    return Map.of(
        "passed", passed, "total", course().exercises().all().size(), "exercises", exercises);
  }

  private Exercise exercise(Context ctx) {
    String id = ctx.pathParam("exercise");
    return course()
        .exercises()
        .find(id)
        .orElseThrow(() -> LabException.notFound("no exercise " + id + " in the course"));
  }

  /** Forgets the exercise's attempts and hints, and puts its ✎ paragraphs back as shipped. */
  private void resetExercise(Context ctx) {
    Exercise exercise = exercise(ctx);
    progress().reset(exercise.id());
    notes().workspace().restore(exercise, course());
    LabNote was = open.remove(exercise.note());
    if (was != null) {
      was.close();
    }
    json(ctx, Map.of("reset", exercise.id()));
  }

  private void solution(Context ctx) {
    Exercise exercise = exercise(ctx);
    Optional<ExerciseState> state = progress().of(exercise.id());
    if (!LabPages.solutionOpen(exercise, state)) {
      throw new LabException(
          403,
          "the solution opens after a pass or "
              + exercise.solutionAfter()
              + " attempts (you have "
              + state.map(ExerciseState::attempts).orElse(0)
              + ")");
    }
    json(ctx, Map.of("exercise", exercise.id(), "paragraphs", exercise.solved()));
  }

  // ---- files

  /** A file of the workspace (a run's page, a note's text); nothing outside it. */
  private void file(Context ctx) {
    Path file = notes().confined(ctx.queryParam("path"));
    if (!Files.isRegularFile(file)) {
      throw LabException.notFound("no file " + ctx.queryParam("path") + " in the workspace");
    }
    String name = file.getFileName().toString();
    ctx.contentType(
        name.endsWith(".html")
            ? "text/html; charset=utf-8"
            : name.endsWith(".zpln") || name.endsWith(".json")
                ? "application/json"
                : "text/plain; charset=utf-8");
    try {
      ctx.result(Files.readAllBytes(file));
    } catch (IOException e) {
      throw LabException.notFound("cannot read " + file + ": " + e.getMessage());
    }
  }

  // ---- helpers

  private static JsonNode body(Context ctx) {
    String body = ctx.body();
    if (body.isBlank()) {
      return JSON.createObjectNode();
    }
    try {
      JsonNode node = JSON.readTree(body);
      if (node == null || !node.isObject()) {
        throw LabException.badRequest("the body must be a JSON object");
      }
      return node;
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw LabException.badRequest(
          "the body is not JSON: " + e.getOriginalMessage().lines().findFirst().orElse(""));
    }
  }

  private static String text(JsonNode body, String field) {
    JsonNode value = body.get(field);
    if (value == null || !value.isTextual()) {
      throw LabException.badRequest("the body needs \"" + field + "\" as a string");
    }
    return value.asText();
  }

  private static String optionalText(JsonNode body, String field) {
    JsonNode value = body.get(field);
    return value == null || value.isNull() ? null : text(body, field);
  }

  private static void html(Context ctx, String page) {
    ctx.contentType("text/html; charset=utf-8").result(page);
  }

  private static void json(Context ctx, Object value) {
    try {
      ctx.contentType("application/json").result(JSON.writeValueAsString(value));
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void error(Context ctx, int status, String message) {
    ctx.status(status);
    json(ctx, Map.of("error", message == null ? "" : message));
  }
}
