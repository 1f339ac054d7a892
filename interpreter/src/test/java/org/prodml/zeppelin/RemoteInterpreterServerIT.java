package org.prodml.zeppelin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.File;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Proxy;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.apache.thrift.protocol.TBinaryProtocol;
import org.apache.thrift.server.TServer;
import org.apache.thrift.server.TThreadPoolServer;
import org.apache.thrift.transport.TServerSocket;
import org.apache.thrift.transport.TSocket;
import org.apache.zeppelin.interpreter.thrift.InterpreterCompletion;
import org.apache.zeppelin.interpreter.thrift.RegisterInfo;
import org.apache.zeppelin.interpreter.thrift.RemoteInterpreterContext;
import org.apache.zeppelin.interpreter.thrift.RemoteInterpreterEventService;
import org.apache.zeppelin.interpreter.thrift.RemoteInterpreterResult;
import org.apache.zeppelin.interpreter.thrift.RemoteInterpreterResultMessage;
import org.apache.zeppelin.interpreter.thrift.RemoteInterpreterService;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.prodml.cli.Home;

/**
 * The interpreter driven the way a Zeppelin server drives it: Zeppelin's own {@code
 * RemoteInterpreterServer} runs in a child JVM on the packaged interpreter folder's class path,
 * registers with our callback server, and gets {@code createInterpreter}, {@code open}, {@code
 * interpret}, {@code completion}, {@code getProgress}, {@code cancel} and {@code close} over
 * Thrift. Needs {@code mvn package} first (failsafe runs it in {@code verify}); a missing folder
 * fails the test rather than skipping it.
 */
class RemoteInterpreterServerIT {
  static final String GROUP_ID = "prodml-it";

  /** Zeppelin's "shared" binding: every note in one session, kept apart by note id. */
  static final String SESSION = "shared_session";

  static final String NOTE = "note-it";
  static final Path BUILD =
      Path.of(System.getProperty("prodml.build", Home.get().resolve("target").toString()));
  static final Path FOLDER = BUILD.resolve("zeppelin/prodml");
  static final Path DEMO = Home.get().resolve("notebooks/Demo/Pipeline tour_2PMLTOUR1.zpln");

  static final List<String> events = new CopyOnWriteArrayList<>();
  static final CompletableFuture<RegisterInfo> registered = new CompletableFuture<>();
  static TServer callbackServer;
  static Process child;
  static TSocket socket;
  static RemoteInterpreterService.Client client;
  static long openMillis;

  /** The callback (event) service a Zeppelin server runs: records registration and every event. */
  static RemoteInterpreterEventService.Iface eventService() {
    InvocationHandler handler =
        (proxy, method, args) -> {
          events.add(method.getName());
          if (method.getName().equals("registerInterpreterProcess")) {
            registered.complete((RegisterInfo) args[0]);
          }
          Class<?> type = method.getReturnType();
          if (type == List.class) {
            return List.of();
          }
          return type == boolean.class
              ? false
              : type.isPrimitive() && type != void.class ? 0 : null;
        };
    return (RemoteInterpreterEventService.Iface)
        Proxy.newProxyInstance(
            RemoteInterpreterServerIT.class.getClassLoader(),
            new Class<?>[] {RemoteInterpreterEventService.Iface.class},
            handler);
  }

  @BeforeAll
  static void startZeppelinsInterpreterProcess() throws Exception {
    assertTrue(
        Files.isRegularFile(FOLDER.resolve("prodml.jar"))
            && Files.isRegularFile(FOLDER.resolve("interpreter-setting.json")),
        FOLDER + " has no prodml.jar and interpreter-setting.json: run mvn package first");
    for (Path folder : List.of(BUILD.resolve("lib-zeppelin"), BUILD.resolve("zeppelin-it/lib"))) {
      assertTrue(
          Files.isDirectory(folder),
          folder + " is missing: run mvn verify (package and pre-integration-test fill it)");
    }

    TServerSocket serverSocket = new TServerSocket(new InetSocketAddress("127.0.0.1", 0));
    int callbackPort = serverSocket.getServerSocket().getLocalPort();
    callbackServer =
        new TThreadPoolServer(
            new TThreadPoolServer.Args(serverSocket)
                .processor(new RemoteInterpreterEventService.Processor<>(eventService())));
    Thread serving = new Thread(callbackServer::serve, "callback-server");
    serving.setDaemon(true);
    serving.start();

    // As bin/interpreter.sh lays it out: the interpreter folder first, then Zeppelin's own jars.
    String classPath =
        FOLDER.resolve("*")
            + File.pathSeparator
            + BUILD.resolve("lib-zeppelin").resolve("*")
            + File.pathSeparator
            + BUILD.resolve("zeppelin-it/lib").resolve("*")
            + File.pathSeparator
            + BUILD.resolve("test-classes"); // the test-only slow stage
    Path log = BUILD.resolve("remote-interpreter-it.log");
    child =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx1g",
                "-cp",
                classPath,
                "org.apache.zeppelin.interpreter.remote.RemoteInterpreterServer",
                "127.0.0.1",
                String.valueOf(callbackPort),
                GROUP_ID,
                ":")
            .redirectErrorStream(true)
            .redirectOutput(log.toFile())
            .start();

    RegisterInfo info = registered.get(60, TimeUnit.SECONDS);
    assertEquals(GROUP_ID, info.getInterpreterGroupId());
    socket = new TSocket("127.0.0.1", info.getPort());
    socket.open();
    client = new RemoteInterpreterService.Client(new TBinaryProtocol(socket));
    client.init(new HashMap<>());

    Map<String, String> properties = new LinkedHashMap<>();
    properties.put(ProdmlSettings.HOME, Home.get().toString());
    properties.put(
        ProdmlSettings.DATA_ROOTS,
        Home.get().resolve(TestGroup.FIXTURES) + File.pathSeparator + "datasets");
    properties.put(ProdmlSettings.EXTRA_STAGES, TestStages.Slow.class.getName());
    properties.put(ProdmlSettings.RULES_MAX_SECONDS, "3");
    // What a Zeppelin server adds to every interpreter's properties (the process's dependency
    // loader needs it).
    properties.put("zeppelin.interpreter.localRepo", BUILD.resolve("it-local-repo").toString());
    for (InterpreterSettings.Entry entry : InterpreterSettings.load().entries()) {
      client.createInterpreter(GROUP_ID, SESSION, entry.className(), properties, "anonymous");
    }
    client.createInterpreter(
        GROUP_ID, SESSION, TestStages.SlowInterpreter.class.getName(), properties, "anonymous");
    long start = System.nanoTime();
    client.open(SESSION, ProdmlInterpreter.class.getName());
    openMillis = (System.nanoTime() - start) / 1_000_000;
  }

  @AfterAll
  static void stop() throws Exception {
    try {
      if (client != null) {
        for (InterpreterSettings.Entry entry : InterpreterSettings.load().entries()) {
          client.close(SESSION, entry.className());
        }
        client.shutdown();
      }
    } finally {
      if (socket != null) {
        socket.close();
      }
      if (child != null) {
        child.destroy();
        if (!child.waitFor(10, TimeUnit.SECONDS)) {
          child.destroyForcibly();
        }
      }
      if (callbackServer != null) {
        callbackServer.stop();
      }
    }
  }

  static RemoteInterpreterContext context(
      String paragraphId, String text, Map<String, String> localProperties) {
    return context(NOTE, paragraphId, text, localProperties);
  }

  static RemoteInterpreterContext context(
      String noteId, String paragraphId, String text, Map<String, String> localProperties) {
    return new RemoteInterpreterContext(
        noteId,
        "note " + noteId,
        paragraphId,
        "prodml",
        "",
        text,
        "{\"user\":\"anonymous\"}",
        "{}",
        "{\"params\":{},\"forms\":{}}",
        "{\"params\":{},\"forms\":{}}",
        new HashMap<>(localProperties));
  }

  /** What Zeppelin does for a paragraph: parse its text, pick the class, interpret remotely. */
  static RemoteInterpreterResult interpret(String paragraphId, String text) throws Exception {
    return interpret(NOTE, paragraphId, text);
  }

  static RemoteInterpreterResult interpret(String noteId, String paragraphId, String text)
      throws Exception {
    return interpret(noteId, paragraphId, text, Map.of());
  }

  /**
   * What Zeppelin's {@code Paragraph} does: parse the text as {@code ParagraphTextParser} does,
   * merge the interpreter setting's config over the paragraph's and skip a blank paragraph as
   * {@code shouldSkipRunParagraph} does (null: skipped), else send the script (the text after the
   * binding) and the local properties, with the whole text beside them.
   */
  static RemoteInterpreterResult interpret(
      String noteId, String paragraphId, String text, Map<String, Object> paragraphConfig)
      throws Exception {
    ParagraphText parsed = ParagraphText.parse(text);
    String name = parsed.binding().contains(".") ? parsed.binding().split("\\.")[1] : "prodml";
    InterpreterSettings.Entry entry =
        InterpreterSettings.load().entry("prodml", name).orElseThrow();
    if (parsed.skippedByZeppelin(paragraphConfig, entry.config())) {
      return null;
    }
    return client.interpret(
        SESSION,
        entry.className(),
        parsed.script(),
        context(noteId, paragraphId, text, parsed.localProperties()));
  }

  /**
   * What must be the same headless and through Zeppelin: the kind of every message, every %text,
   * and of every %table its header, its row keys (first column) and, for findings, which rule fired
   * on what. Measured numbers are left out: the profiles' quantile sketches (KLL) compact at
   * random, so drift statistics differ in their last digits from one process to the next.
   */
  static List<String> shape(List<String> typesAndData) {
    List<String> shape = new ArrayList<>();
    for (String message : typesAndData) {
      String type = message.substring(0, message.indexOf(':'));
      String data = message.substring(type.length() + 1);
      if (type.equals("TEXT")) {
        shape.add(message);
      } else if (type.equals("TABLE")) {
        List<String> lines = data.lines().toList();
        boolean findings = lines.get(0).startsWith("severity\trule\t");
        StringBuilder table = new StringBuilder("TABLE:" + lines.get(0));
        for (String line : lines.subList(1, lines.size())) {
          String[] cells = line.split("\t", -1);
          table
              .append(" | ")
              .append(findings ? String.join(",", List.of(cells).subList(0, 4)) : cells[0]);
        }
        shape.add(table.toString());
      } else {
        shape.add(type);
      }
    }
    return shape;
  }

  /**
   * One %prodml paragraph of a note, as Zeppelin got it over Thrift and as the headless runner
   * wrote it.
   */
  record BothWays(
      JsonNode paragraph,
      String id,
      String remoteCode,
      List<String> remote,
      String localCode,
      List<String> local) {}

  /**
   * Runs the note headless, then each of its %prodml paragraphs through Thrift as note {@code
   * noteId}.
   */
  static List<BothWays> runBothWays(Path file, String noteId) throws Exception {
    NoteRun headless =
        new NoteRunner(Map.of(ProdmlSettings.HOME, Home.get().toString()))
            .run(NoteRunner.read(file), p -> {});
    List<BothWays> paragraphs = new ArrayList<>();
    for (JsonNode paragraph : NoteRunner.read(file).get("paragraphs")) {
      String text = paragraph.path("text").asText("");
      if (!text.startsWith("%prodml")) {
        continue;
      }
      String id = paragraph.get("id").asText();
      Map<String, Object> config =
          NoteRunner.JSON.convertValue(
              paragraph.path("config"),
              new com.fasterxml.jackson.core.type.TypeReference<Map<String, Object>>() {});
      RemoteInterpreterResult remote =
          interpret(noteId, id, text, config == null ? Map.of() : config);
      assertTrue(remote != null, id + " (" + text + ") is skipped by Zeppelin as blank");
      List<String> remoteMessages = new ArrayList<>();
      for (RemoteInterpreterResultMessage m : remote.getMsg()) {
        remoteMessages.add(m.getType() + ":" + m.getData());
      }
      JsonNode local = findParagraph(headless, id);
      List<String> localMessages = new ArrayList<>();
      local
          .at("/results/msg")
          .forEach(m -> localMessages.add(m.get("type").asText() + ":" + m.get("data").asText()));
      paragraphs.add(
          new BothWays(
              paragraph,
              id,
              remote.getCode(),
              remoteMessages,
              local.at("/results/code").asText(),
              localMessages));
    }
    return paragraphs;
  }

  @Test
  void theDemoNoteGivesTheSameResultsThroughThriftAsHeadless() throws Exception {
    List<BothWays> paragraphs = runBothWays(DEMO, NoteRunner.read(DEMO).get("id").asText());
    for (BothWays p : paragraphs) {
      assertEquals("SUCCESS", p.remoteCode(), p.id() + ": " + p.remote());
      assertEquals(shape(p.local()), shape(p.remote()), p.id());
    }
    assertEquals(6, paragraphs.size());
  }

  /**
   * Every course note, as shipped, through Thrift: each %prodml paragraph succeeds (or fails where
   * the note expects it), and the tables' shapes and the exercise verdicts with their hints are
   * those of the same note run headless.
   */
  @TestFactory
  Stream<DynamicTest> everyCourseNoteRunsThroughThriftAsItRunsHeadless() {
    return NotebooksTest.notes().stream()
        .filter(n -> !n.file().equals(DEMO))
        .map(
            n ->
                DynamicTest.dynamicTest(
                    n.name(),
                    () -> {
                      int compared = 0;
                      int verdicts = 0;
                      for (BothWays p : runBothWays(n.file(), "thrift-" + n.id())) {
                        boolean expectError =
                            p.paragraph()
                                .path("config")
                                .path(NoteRunner.EXPECT_ERROR)
                                .asBoolean(false);
                        String where = n.name() + " " + p.id();
                        assertEquals(
                            expectError ? "ERROR" : "SUCCESS",
                            p.remoteCode(),
                            where + ": " + p.remote());
                        assertEquals(p.localCode(), p.remoteCode(), where);
                        assertEquals(verdictLines(p.local()), verdictLines(p.remote()), where);
                        assertEquals(tableHeaders(p.local()), tableHeaders(p.remote()), where);
                        verdicts += verdictLines(p.remote()).size();
                        compared++;
                      }
                      assertTrue(
                          compared > 5, n.name() + ": only " + compared + " %prodml paragraphs");
                      assertTrue(
                          verdicts >= 2,
                          n.name() + ": " + verdicts + " exercise verdicts through Thrift");
                    }));
  }

  /**
   * The exercise verdicts and the hint each failed check reveals: what a learner reads first. An
   * unseeded model's fingerprint (forest-1baf31c7) differs from run to run, which is the point of
   * the reproducibility exercises, so it is masked.
   */
  private static List<String> verdictLines(List<String> messages) {
    return messages.stream()
        .flatMap(String::lines)
        .filter(l -> l.matches("(?i).*exercise \\S+: (PASS|FAIL).*") || l.contains("Hint "))
        .map(RemoteInterpreterServerIT::maskFingerprints)
        .toList();
  }

  private static String maskFingerprints(String text) {
    return text.replaceAll("-[0-9a-f]{8}\\b", "-########");
  }

  /**
   * The header of every table but the findings: an unsolved note trains unseeded models on an
   * unseeded split, so which findings fire may change from run to run; the tables a stage shows may
   * not.
   */
  private static List<String> tableHeaders(List<String> messages) {
    return messages.stream()
        .filter(m -> m.startsWith("TABLE:"))
        .map(m -> m.substring(6).lines().findFirst().orElse(""))
        .filter(header -> !header.startsWith("severity\trule\t"))
        .map(RemoteInterpreterServerIT::maskFingerprints)
        .toList();
  }

  private static JsonNode findParagraph(NoteRun run, String id) {
    for (JsonNode p : run.note().get("paragraphs")) {
      if (p.path("id").asText().equals(id)) {
        return p;
      }
    }
    throw new AssertionError("no paragraph " + id);
  }

  @Test
  void openIsCheapAfterTheFirstAndTheProcessRegistered() throws Exception {
    long start = System.nanoTime();
    client.open(SESSION, LoadInterpreter.class.getName());
    long again = (System.nanoTime() - start) / 1_000_000;

    assertTrue(events.contains("registerInterpreterProcess"), events.toString());
    assertTrue(openMillis < 30_000, "first open (rules compiled) took " + openMillis + " ms");
    assertTrue(again < 1_000, "an open after the first took " + again + " ms");
  }

  @Test
  void completionOverThriftOffersParametersAndColumns() throws Exception {
    interpret("p-load", "%prodml.load(file=tiny-weather/data.csv, as=tiny)");

    List<InterpreterCompletion> parameters =
        client.completion(
            SESSION,
            LoadInterpreter.class.getName(),
            "fi",
            2,
            context("p-c", "%prodml.load\nfi", Map.of()));
    List<InterpreterCompletion> columns =
        client.completion(
            SESSION,
            ProdmlInterpreter.class.getName(),
            "show temp_",
            10,
            context("p-c", "%prodml\nshow temp_", Map.of()));

    assertEquals(
        List.of("file"), parameters.stream().map(InterpreterCompletion::getValue).toList());
    assertTrue(
        columns.stream().map(InterpreterCompletion::getValue).toList().contains("temp_max"),
        columns.toString());
  }

  @Test
  void aLongParagraphReportsProgressAndStopsWithinASecondOfCancel() throws Exception {
    ExecutorService thread = Executors.newSingleThreadExecutor();
    try {
      RemoteInterpreterContext context = context("p-slow", "%prodml.slow", Map.of());
      // A second connection: a Thrift client is not shared between threads, and Zeppelin uses a
      // pool.
      try (TSocket other = new TSocket("127.0.0.1", registered.get().getPort())) {
        other.open();
        RemoteInterpreterService.Client running =
            new RemoteInterpreterService.Client(new TBinaryProtocol(other));
        Future<RemoteInterpreterResult> result =
            thread.submit(
                () ->
                    running.interpret(
                        SESSION, TestStages.SlowInterpreter.class.getName(), "", context));
        int progress = 0;
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (progress == 0 && System.nanoTime() < deadline) {
          Thread.sleep(100);
          progress =
              client.getProgress(SESSION, TestStages.SlowInterpreter.class.getName(), context);
        }
        long cancelledAt = System.nanoTime();
        client.cancel(SESSION, TestStages.SlowInterpreter.class.getName(), context);
        RemoteInterpreterResult cancelled = result.get(10, TimeUnit.SECONDS);
        long stopMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - cancelledAt);

        assertTrue(progress > 0 && progress < 100, "progress " + progress);
        assertTrue(
            stopMillis < 1_500,
            "stopped " + stopMillis + " ms after cancel (Zeppelin polls jobs each second)");
        assertTrue(List.of("ERROR", "ABORT").contains(cancelled.getCode()), cancelled.toString());
      }
    } finally {
      thread.shutdownNow();
    }
  }

  @Test
  void anErrorIsOneLineAndTheSessionGoesOn() throws Exception {
    RemoteInterpreterResult refused = interpret("p-bad", "%prodml.load(file=../pom.xml)");
    RemoteInterpreterResult next = interpret("p-ok", "%prodml\nhelp");

    assertEquals("ERROR", refused.getCode());
    assertTrue(
        refused.getMsg().get(0).getData().startsWith("'../pom.xml' is outside the data folders"),
        refused.toString());
    assertEquals("SUCCESS", next.getCode());
  }

  /** A rule with a syntax error on line 7 of the paragraph as Zeppelin's editor numbers it. */
  static final String BROKEN_RULE =
      """
      %prodml.rules
      package rules.note;
      import org.prodml.facts.ColumnProfileFact;
      import org.prodml.facts.Evidence;
      rule "NOTE-101 Broken"
          @id("NOTE-101") @severity("INFO") @topic("RANGE") @stage("VALIDATE") @explanation("x") @remedy("y")
      when $c : ColumnProfileFact(max > )
      then insert(Evidence.of($c.column()));
      end
      """;

  @Test
  void errorLinesAreTheEditorsLines() throws Exception {
    RemoteInterpreterResult rules = interpret("p-broken-rule", BROKEN_RULE);
    RemoteInterpreterResult ask =
        interpret(
            "p-bad-ask", "%prodml.ask\ndata.schema.captured: yes-manual\nno.such.question: yes");

    assertEquals("ERROR", rules.getCode());
    assertTrue(
        rules.getMsg().get(0).getData().startsWith("paragraph p-broken-rule:7: "),
        rules.getMsg().get(0).getData());
    assertEquals("ERROR", ask.getCode());
    assertTrue(ask.getMsg().get(0).getData().startsWith("line 3: "), ask.getMsg().get(0).getData());
  }

  @Test
  void aRuleThatRunsACommandIsRefusedAndOneThatLoopsIsStoppedAndTheNextParagraphRuns()
      throws Exception {
    Path marker = BUILD.resolve("remote-sandbox.marker");
    Files.deleteIfExists(marker);
    String header =
        """
        %%prodml.rules
        package rules.note;
        import org.prodml.facts.FeatureFact;
        rule "NOTE-%s"
            @id("NOTE-%s") @severity("INFO") @topic("RANGE") @stage("VALIDATE") @explanation("x") @remedy("y")
        when FeatureFact()
        then %s
        end
        """;
    String exec =
        header.formatted(
            "102 Runs a command",
            "102",
            "Runtime.getRuntime().exec(new String[] {\"touch\", \"" + marker + "\"});");
    String loop =
        header.formatted("103 Feeds itself", "103", "insert(FeatureFact.feature(\"x\"));");

    RemoteInterpreterResult refused = interpret("sandbox", "p-exec", exec, Map.of());
    RemoteInterpreterResult added = interpret("sandbox", "p-loop", loop, Map.of());
    interpret("sandbox", "p-load", "%prodml.load(file=tiny-weather/data.csv)", Map.of());
    long start = System.nanoTime();
    RemoteInterpreterResult stopped = interpret("sandbox", "p-audit", "%prodml.audit", Map.of());
    long millis = (System.nanoTime() - start) / 1_000_000;
    RemoteInterpreterResult next = interpret("sandbox", "p-next", "%prodml\nstatus", Map.of());

    assertEquals("ERROR", refused.getCode());
    assertTrue(
        refused.getMsg().get(0).getData().startsWith("paragraph p-exec:7: the call "),
        refused.getMsg().get(0).getData());
    assertTrue(!Files.exists(marker), "the command ran");
    assertEquals("SUCCESS", added.getCode(), added.toString());
    assertEquals("ERROR", stopped.getCode());
    assertTrue(
        stopped.getMsg().get(0).getData().contains("NOTE-103 Feeds itself"),
        stopped.getMsg().get(0).getData());
    assertTrue(millis < 20_000, "stopped after " + millis + " ms");
    assertEquals("SUCCESS", next.getCode(), next.toString());
  }

  @Test
  void aBadSettingPropertyIsOneLineNotAStackTrace() throws Exception {
    Map<String, String> properties = new LinkedHashMap<>();
    properties.put(ProdmlSettings.HOME, Home.get().toString());
    properties.put(ProdmlSettings.MAX_ROWS, "many");
    properties.put("zeppelin.interpreter.localRepo", BUILD.resolve("it-local-repo").toString());
    String session = "bad-setting";
    for (InterpreterSettings.Entry entry : InterpreterSettings.load().entries()) {
      client.createInterpreter(GROUP_ID, session, entry.className(), properties, "anonymous");
    }
    try {
      RemoteInterpreterResult result =
          client.interpret(
              session,
              ProdmlInterpreter.class.getName(),
              "\nhelp",
              context("note-bad", "p-bad-setting", "%prodml\nhelp", Map.of()));

      assertEquals("ERROR", result.getCode());
      String message = result.getMsg().get(0).getData();
      assertEquals(1, message.lines().count(), message);
      assertTrue(message.contains("prodml.maxRows must be a whole number"), message);
    } finally {
      for (InterpreterSettings.Entry entry : InterpreterSettings.load().entries()) {
        client.close(session, entry.className());
      }
    }
  }
}
