package org.prodml.zeppelin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.prodml.cli.Home;
import org.prodml.course.Course;
import org.prodml.course.CourseNote;
import org.prodml.course.Workspace;
import org.prodml.lab.LabNotes;
import org.prodml.lab.LabServer;
import org.prodml.note.NoteFiles;
import org.prodml.note.NoteText;

/**
 * The lab's HTTP API, over a real server on a free port and a real workspace: what a browser (or a
 * script with the token) can do, and what it is refused, always with a clear one-line error and a
 * server that keeps answering.
 */
class LabApiTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient HTTP =
      HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

  @TempDir static Path temp;
  static LabServer server;
  static Workspace workspace;
  static Course course;
  static String base;
  static String token;
  static String csrf;

  @BeforeAll
  static void start() throws Exception {
    course = Course.read(Home.get().resolve("notebooks"));
    workspace = Workspace.start(temp.resolve("ws"), course, "tester", "prodml").workspace();
    Map<String, String> properties =
        Map.of(
            ProdmlSettings.WORKSPACE,
            workspace.dir().toString(),
            ProdmlSettings.EXTRA_STAGES,
            TestStages.Slow.class.getName());
    // The declared interpreters plus %prodml.slow, a stage that runs until it is cancelled.
    ArrayNode declared;
    try (InputStream in =
        LabApiTest.class.getClassLoader().getResourceAsStream(InterpreterSettings.RESOURCE)) {
      declared = (ArrayNode) JSON.readTree(in);
    }
    declared
        .addObject()
        .put("group", "prodml")
        .put("name", "slow")
        .put("className", TestStages.SlowInterpreter.class.getName());
    NoteRunner runner = new NoteRunner(InterpreterSettings.parse(declared), properties, null);
    server = LabServer.start(() -> new LabNotes(workspace, course), new LabEngine(runner), 0);
    base = "http://127.0.0.1:" + server.port();
    token = server.url().substring(server.url().indexOf("token=") + "token=".length());
    csrf = get("/api/session").path("csrf").asText();
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  // ---- security

  @Test
  void everyRequestNeedsTheToken() throws Exception {
    for (String path : new String[] {"/", "/api/notes", "/static/lab.js", "/notes/PMLC00SYS"}) {
      HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(base + path)).GET());
      assertEquals(403, response.statusCode(), path);
      assertTrue(response.body().contains("needs its token"), response.body());
    }
    HttpResponse<String> wrong =
        send(
            HttpRequest.newBuilder(URI.create(base + "/api/notes"))
                .header("Authorization", "token " + "0".repeat(token.length())));
    assertEquals(403, wrong.statusCode());
  }

  @Test
  void theTokenInTheAddressBecomesACookie() throws Exception {
    HttpResponse<String> first =
        send(HttpRequest.newBuilder(URI.create(base + "/?token=" + token)).GET());
    assertEquals(302, first.statusCode());
    assertEquals("/", first.headers().firstValue("Location").orElse(""));
    String cookie = first.headers().firstValue("Set-Cookie").orElse("");
    assertTrue(cookie.contains("HttpOnly") && cookie.contains("SameSite=Strict"), cookie);
    HttpResponse<String> home =
        send(HttpRequest.newBuilder(URI.create(base + "/")).header("Cookie", cookie.split(";")[0]));
    assertEquals(200, home.statusCode());
    assertTrue(home.body().contains("0. The system around the model"), home.body());
    assertTrue(home.body().contains("0 of 18"), "progress on the home page");
  }

  @Test
  void aCookieRequestThatChangesSomethingNeedsTheCsrfToken() throws Exception {
    String cookie = "prodml-lab-token-" + server.port() + "=" + token;
    String note = firstCourseParagraph()[0];
    String paragraph = firstCourseParagraph()[1];
    String path = "/api/notes/" + note + "/paragraphs/" + paragraph + "/text";
    HttpResponse<String> noCsrf =
        send(
            HttpRequest.newBuilder(URI.create(base + path))
                .header("Cookie", cookie)
                .POST(HttpRequest.BodyPublishers.ofString("{\"text\":\"%md\\nforged\"}")));
    assertEquals(403, noCsrf.statusCode());
    assertTrue(noCsrf.body().contains("X-CSRF-Token"), noCsrf.body());
    HttpResponse<String> foreign =
        send(
            HttpRequest.newBuilder(URI.create(base + path))
                .header("Cookie", cookie)
                .header("X-CSRF-Token", csrf)
                .header("Origin", "http://evil.example")
                .POST(HttpRequest.BodyPublishers.ofString("{\"text\":\"%md\\nforged\"}")));
    assertEquals(403, foreign.statusCode());
    assertFalse(Files.readString(courseNoteFile(note)).contains("forged"), "nothing was written");
  }

  @Test
  void anotherHostNameIsRefused() throws Exception {
    try (Socket socket = new Socket("127.0.0.1", server.port())) {
      OutputStream out = socket.getOutputStream();
      out.write(
          ("GET /api/notes HTTP/1.1\r\nHost: evil.example:"
                  + server.port()
                  + "\r\nAuthorization: token "
                  + token
                  + "\r\nConnection: close\r\n\r\n")
              .getBytes(StandardCharsets.US_ASCII));
      out.flush();
      String response = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      assertTrue(response.startsWith("HTTP/1.1 403"), response);
    }
  }

  @Test
  void aPathOutsideTheWorkspaceIsRefused() throws Exception {
    for (String path : new String[] {"../../etc/passwd", "/etc/passwd", "out/../../x"}) {
      HttpResponse<String> response =
          call("GET", "/api/file?path=" + java.net.URLEncoder.encode(path, "UTF-8"), null);
      assertEquals(403, response.statusCode(), path);
      assertTrue(response.body().contains("outside the workspace"), response.body());
    }
    HttpResponse<String> inside = call("GET", "/api/file?path=" + Workspace.SETTINGS, null);
    assertEquals(200, inside.statusCode());
    assertTrue(inside.body().contains("learner: \"tester\""), inside.body());
  }

  // ---- notes and paragraphs

  @Test
  void aParagraphRunsAndShowsItsResultsAndTheTextIsSavedInTheWorkspace() throws Exception {
    JsonNode created = post("/api/notes", Map.of("name", "Runs"), 201);
    String note = created.path("id").asText();
    String[] ids = paragraphIds(note);
    String load = "%prodml.load(file=seattle-weather/spans/train-2012-2013.csv)";
    post("/api/notes/" + note + "/paragraphs/" + ids[1] + "/run", Map.of("text", load), 202);
    JsonNode loaded = get("/api/notes/" + note + "/paragraphs/" + ids[1] + "?wait=true");
    assertEquals("FINISHED", loaded.path("status").asText(), loaded.toString());
    post("/api/notes/" + note + "/paragraphs/" + ids[2] + "/run", Map.of(), 202);
    JsonNode profiled = get("/api/notes/" + note + "/paragraphs/" + ids[2] + "?wait=true");
    assertEquals("FINISHED", profiled.path("status").asText(), profiled.toString());
    assertTrue(profiled.path("results").asText().contains("<table>"), "a profile table");
    assertTrue(profiled.path("results").asText().contains("precipitation"), "a column row");
    Path file = workspace.dir().resolve(LabNotes.OWN_NOTES);
    try (var files = Files.list(file)) {
      Path zpln =
          files
              .filter(f -> f.getFileName().toString().equals("Runs_" + note + ".zpln"))
              .findFirst()
              .orElseThrow();
      assertTrue(Files.readString(zpln).contains("train-2012-2013.csv"), "the .zpln has the text");
      assertTrue(
          Files.readString(NoteText.besideNote(zpln)).contains("train-2012-2013.csv"),
          "the plain text has it too");
    }
  }

  @Test
  void aSaveGoesToTheWorkspaceCopyNeverTheCourseAndRestoreUndoesIt() throws Exception {
    String note = firstCourseParagraph()[0];
    String paragraph = firstCourseParagraph()[1];
    CourseNote shipped = course.note(note).orElseThrow();
    String before = Files.readString(shipped.file());
    post(
        "/api/notes/" + note + "/paragraphs/" + paragraph + "/text",
        Map.of("text", "%md\nmy own words"),
        200);
    assertTrue(Files.readString(courseNoteFile(note)).contains("my own words"));
    assertTrue(
        Files.readString(NoteText.besideNote(courseNoteFile(note))).contains("my own words"));
    assertEquals(before, Files.readString(shipped.file()), "the course's note is never written");
    HttpResponse<String> export = call("GET", "/api/notes/" + note + "/export", null);
    assertEquals(200, export.statusCode());
    assertTrue(
        export.headers().firstValue("Content-Disposition").orElse("").startsWith("attachment"));
    assertEquals(note, NoteFiles.read(writeTemp(export.body())).path("id").asText());
    post("/api/notes/" + note + "/restore", Map.of(), 200);
    assertFalse(Files.readString(courseNoteFile(note)).contains("my own words"));
  }

  @Test
  void aLongParagraphIsCancelledAndDoesNotBlockAnotherNote() throws Exception {
    String slowNote = post("/api/notes", Map.of("name", "Slow"), 201).path("id").asText();
    String slow = paragraphIds(slowNote)[1];
    post(
        "/api/notes/" + slowNote + "/paragraphs/" + slow + "/run",
        Map.of("text", "%prodml.slow(steps=3000)"),
        202);
    int progress = 0;
    for (int i = 0; i < 200 && progress == 0; i++) {
      Thread.sleep(25);
      for (JsonNode p : get("/api/notes/" + slowNote).path("paragraphs")) {
        if (p.path("id").asText().equals(slow)) {
          progress = p.path("progress").asInt();
        }
      }
    }
    assertTrue(progress > 0, "the running paragraph reports its progress");

    String other = post("/api/notes", Map.of("name", "Meanwhile"), 201).path("id").asText();
    String md = paragraphIds(other)[0];
    post("/api/notes/" + other + "/paragraphs/" + md + "/run", Map.of("text", "%md\n*hi*"), 202);
    long start = System.nanoTime();
    JsonNode quick = get("/api/notes/" + other + "/paragraphs/" + md + "?wait=true");
    assertEquals("FINISHED", quick.path("status").asText());
    assertTrue(
        (System.nanoTime() - start) / 1_000_000 < 10_000, "another note runs while one is busy");
    assertTrue(quick.path("results").asText().contains("<em>hi</em>"), quick.toString());

    post("/api/notes/" + slowNote + "/paragraphs/" + slow + "/cancel", Map.of(), 200);
    JsonNode cancelled = get("/api/notes/" + slowNote + "/paragraphs/" + slow + "?wait=true");
    assertEquals("ABORT", cancelled.path("status").asText(), cancelled.toString());
    assertEquals("cancelled", cancelled.path("error").asText(), cancelled.toString());
  }

  @Test
  void aDropDownChoosesTheParameterAndAnAddedParagraphKeepsThePipeline() throws Exception {
    String note = post("/api/notes", Map.of("name", "Forms"), 201).path("id").asText();
    String[] ids = paragraphIds(note);
    String load = "%prodml.load(file=seattle-weather/spans/train-2012-2013.csv)";
    post("/api/notes/" + note + "/paragraphs/" + ids[1] + "/run", Map.of("text", load), 202);
    assertEquals("FINISHED", get(waitFor(note, ids[1])).path("status").asText());
    String split = "%prodml.split(method=time, test=0.25)";
    post("/api/notes/" + note + "/paragraphs/" + ids[2] + "/run", Map.of("text", split), 202);
    assertEquals("FINISHED", get(waitFor(note, ids[2])).path("status").asText());
    // A paragraph added now runs on the same pipeline: the data loaded above is still there.
    String train =
        post("/api/notes/" + note + "/paragraphs", Map.of("after", ids[2]), 201)
            .path("id")
            .asText();
    post(
        "/api/notes/" + note + "/paragraphs/" + train + "/run",
        Map.of("text", "%prodml.train"),
        202);
    JsonNode first = get(waitFor(note, train));
    assertEquals("FINISHED", first.path("status").asText(), first.toString());
    String forms = first.path("forms").asText();
    assertTrue(forms.contains("<select name=\"model\">"), forms);
    assertTrue(forms.contains("<option value=\"baseline\" selected>"), forms);
    post(
        "/api/notes/" + note + "/paragraphs/" + train + "/run",
        Map.of("forms", Map.of("model", "logistic")),
        202);
    JsonNode chosen = get(waitFor(note, train));
    assertEquals("FINISHED", chosen.path("status").asText(), chosen.toString());
    assertTrue(
        chosen.path("forms").asText().contains("<option value=\"logistic\" selected>"),
        chosen.path("forms").asText());
    assertTrue(chosen.path("results").asText().contains("logistic"), "trained the chosen model");
  }

  private static String waitFor(String note, String paragraph) {
    return "/api/notes/" + note + "/paragraphs/" + paragraph + "?wait=true";
  }

  @Test
  void completionComesFromTheInterpreter() throws Exception {
    String note = firstCourseParagraph()[0];
    String paragraph = firstCourseParagraph()[1];
    JsonNode stages =
        post(
            "/api/notes/" + note + "/completion",
            Map.of("paragraph", paragraph, "text", "%prodml.prof", "cursor", 12),
            200);
    assertTrue(stages.path("completions").toString().contains("prodml.profile"), stages.toString());
    JsonNode parameters =
        post(
            "/api/notes/" + note + "/completion",
            Map.of("paragraph", paragraph, "text", "%prodml.load(fi", "cursor", 15),
            200);
    assertTrue(
        parameters.path("completions").toString().contains("\"file\""), parameters.toString());
  }

  @Test
  void progressCountsTheCourseExercises() throws Exception {
    JsonNode progress = get("/api/progress");
    assertEquals(18, progress.path("total").asInt());
    assertTrue(progress.path("exercises").has("wind-gaps-rule"));
    HttpResponse<String> early = call("GET", "/api/exercises/wind-gaps-rule/solution", null);
    assertEquals(403, early.statusCode(), "no solution before a pass or enough attempts");
    assertTrue(early.body().contains("opens after a pass or"), early.body());
  }

  // ---- bad input: a clear 4xx, and the server keeps running

  @Test
  void badInputGetsAClearClientError() throws Exception {
    String note = firstCourseParagraph()[0];
    String paragraph = firstCourseParagraph()[1];
    assertError(call("GET", "/notes/NOPE", null), 404, "no note NOPE");
    assertError(call("GET", "/api/notes/NOPE/paragraphs/x", null), 404, "no note NOPE");
    assertError(
        call("POST", "/api/notes/" + note + "/paragraphs/nope/run", "{}"),
        404,
        "no paragraph nope");
    assertError(
        call(
            "POST",
            "/api/notes/" + note + "/paragraphs/" + paragraph + "/run",
            "{\"text\":\"%prodml.load(file=x.csv\"}"),
        400,
        "never closed");
    assertError(
        call("POST", "/api/notes/" + note + "/paragraphs/" + paragraph + "/text", "{\"text\": 3}"),
        400,
        "\\\"text\\\" as a string");
    assertError(
        call("POST", "/api/notes/" + note + "/paragraphs/" + paragraph + "/text", "not json"),
        400,
        "not JSON");
    assertError(
        call(
            "POST",
            "/api/notes/" + note + "/paragraphs/" + paragraph + "/text",
            "{\"text\":\"" + "x".repeat(600 * 1024) + "\"}"),
        413,
        "larger than the lab takes");
    assertError(call("POST", "/api/notes", "{\"name\":\"../../escape\"}"), 400, "a note's name");
    assertEquals(200, call("GET", "/", null).statusCode(), "the server keeps running");
    post("/api/notes/" + note + "/restore", Map.of(), 200);
  }

  // ---- helpers

  private static void assertError(HttpResponse<String> response, int status, String says) {
    assertEquals(status, response.statusCode(), response.body());
    assertTrue(response.body().contains(says), response.body());
    assertFalse(response.body().contains("\n"), "one line: " + response.body());
  }

  /** The first course note and its first paragraph. */
  private static String[] firstCourseParagraph() throws Exception {
    String note = course.notes().get(0).id();
    return new String[] {note, paragraphIds(note)[0]};
  }

  private static Path courseNoteFile(String id) {
    return workspace.noteFile(course.note(id).orElseThrow());
  }

  private static String[] paragraphIds(String note) throws Exception {
    JsonNode paragraphs = get("/api/notes/" + note).path("paragraphs");
    String[] ids = new String[paragraphs.size()];
    for (int i = 0; i < ids.length; i++) {
      ids[i] = paragraphs.get(i).path("id").asText();
    }
    return ids;
  }

  private static Path writeTemp(String content) throws IOException {
    Path file = Files.createTempFile(temp, "export", ".zpln");
    Files.writeString(file, content);
    return file;
  }

  static JsonNode get(String path) throws Exception {
    HttpResponse<String> response = call("GET", path, null);
    assertEquals(200, response.statusCode(), path + ": " + response.body());
    return JSON.readTree(response.body());
  }

  static JsonNode post(String path, Map<String, ?> body, int status) throws Exception {
    HttpResponse<String> response = call("POST", path, JSON.writeValueAsString(body));
    assertEquals(status, response.statusCode(), path + ": " + response.body());
    return JSON.readTree(response.body());
  }

  /** A request as the page sends it: the cookie and the CSRF header. */
  static HttpResponse<String> call(String method, String path, String body) throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(base + path))
            .header("Cookie", "prodml-lab-token-" + server.port() + "=" + token)
            .header("X-CSRF-Token", csrf == null ? "" : csrf)
            .header("Content-Type", "application/json");
    request.method(
        method,
        body == null
            ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofString(body));
    return send(request);
  }

  private static HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
    return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }
}
