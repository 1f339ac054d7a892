package org.prodml.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;

/**
 * Debian's headless Chromium driven through its DevTools protocol (what Selenium's Chrome driver
 * speaks underneath), with the JDK's own WebSocket client: navigate, evaluate script in the page,
 * type as a keyboard does, take screenshots, and collect the page's console errors.
 */
public final class DevTools implements AutoCloseable {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final Process chromium;
  private final WebSocket socket;
  private final AtomicInteger ids = new AtomicInteger();
  private final Map<Integer, CompletableFuture<JsonNode>> pending = new ConcurrentHashMap<>();
  private final List<String> errors = new ArrayList<>();

  private DevTools(Process chromium, WebSocket socket) {
    this.chromium = chromium;
    this.socket = socket;
  }

  /** Starts headless Chromium with an empty profile and attaches to its first page. */
  public static DevTools start(int width, int height) throws Exception {
    Path profile = Files.createTempDirectory("prodml-devtools");
    Process process =
        new ProcessBuilder(
                HeadlessChromium.browser().toString(),
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-quic",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--hide-scrollbars",
                "--user-data-dir=" + profile,
                "--remote-debugging-port=0",
                "--window-size=" + width + "," + height,
                "about:blank")
            .redirectErrorStream(true)
            .start();
    BufferedReader log =
        new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
    String browserSocket = null;
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (browserSocket == null && System.nanoTime() < deadline) {
      String line = log.readLine();
      if (line == null) {
        throw new IllegalStateException("chromium exited before it listened for DevTools");
      }
      int at = line.indexOf("ws://");
      if (line.contains("DevTools listening on") && at >= 0) {
        browserSocket = line.substring(at).strip();
      }
    }
    if (browserSocket == null) {
      process.destroyForcibly();
      throw new IllegalStateException("chromium did not open its DevTools port within 30 s");
    }
    Thread drain = new Thread(() -> log.lines().forEach(l -> {}), "chromium-log");
    drain.setDaemon(true);
    drain.start();
    URI browser = URI.create(browserSocket);
    HttpClient http = HttpClient.newHttpClient();
    String list =
        http.send(
                HttpRequest.newBuilder(
                        URI.create(
                            "http://" + browser.getHost() + ":" + browser.getPort() + "/json/list"))
                    .build(),
                HttpResponse.BodyHandlers.ofString())
            .body();
    String page = null;
    for (JsonNode target : JSON.readTree(list)) {
      if (target.path("type").asText().equals("page")) {
        page = target.path("webSocketDebuggerUrl").asText();
        break;
      }
    }
    if (page == null) {
      process.destroyForcibly();
      throw new IllegalStateException("chromium has no page to drive: " + list);
    }
    DevTools[] self = new DevTools[1];
    WebSocket socket =
        http.newWebSocketBuilder()
            .buildAsync(URI.create(page), new Listener(() -> self[0]))
            .get(30, TimeUnit.SECONDS);
    self[0] = new DevTools(process, socket);
    self[0].call("Page.enable", Map.of());
    self[0].call("Runtime.enable", Map.of());
    self[0].call(
        "Emulation.setDeviceMetricsOverride",
        Map.of("width", width, "height", height, "deviceScaleFactor", 1, "mobile", false));
    return self[0];
  }

  /** Sends a command and waits for its result (30 s at most). */
  public JsonNode call(String method, Map<String, ?> params) throws Exception {
    int id = ids.incrementAndGet();
    CompletableFuture<JsonNode> result = new CompletableFuture<>();
    pending.put(id, result);
    ObjectNode message = JSON.createObjectNode();
    message.put("id", id).put("method", method).set("params", JSON.valueToTree(params));
    synchronized (socket) {
      socket.sendText(JSON.writeValueAsString(message), true).get(30, TimeUnit.SECONDS);
    }
    JsonNode answer = result.get(60, TimeUnit.SECONDS);
    if (answer.has("error")) {
      throw new IllegalStateException(method + ": " + answer.get("error"));
    }
    return answer.path("result");
  }

  /** Opens an address and waits until the page has loaded. */
  public void navigate(String url) throws Exception {
    call("Page.navigate", Map.of("url", url));
    waitFor(() -> "complete".equals(evaluateQuietly("document.readyState")), 30, url + " loads");
  }

  /** The value of a script expression in the page (promises awaited). */
  public JsonNode evaluate(String expression) throws Exception {
    JsonNode result =
        call(
            "Runtime.evaluate",
            Map.of("expression", expression, "awaitPromise", true, "returnByValue", true));
    if (result.has("exceptionDetails")) {
      throw new IllegalStateException(
          "script failed: " + expression + ": " + result.path("exceptionDetails"));
    }
    return result.path("result").path("value");
  }

  private String evaluateQuietly(String expression) {
    try {
      return evaluate(expression).asText();
    } catch (Exception e) {
      return "";
    }
  }

  /** Text as a keyboard types it into the focused element. */
  public void type(String text) throws Exception {
    call("Input.insertText", Map.of("text", text));
  }

  /** A key with the Ctrl modifier, e.g. 'a' to select all. */
  public void control(char key) throws Exception {
    String upper = String.valueOf(Character.toUpperCase(key));
    for (String type : List.of("keyDown", "keyUp")) {
      call(
          "Input.dispatchKeyEvent",
          Map.of(
              "type",
              type,
              "modifiers",
              2,
              "key",
              String.valueOf(key),
              "code",
              "Key" + upper,
              "windowsVirtualKeyCode",
              (int) upper.charAt(0)));
    }
  }

  /** Waits until the condition holds, checking every 100 ms. */
  public static void waitFor(BooleanSupplier condition, int seconds, String what)
      throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("waited " + seconds + " s for: " + what);
      }
      Thread.sleep(100);
    }
  }

  /** A PNG of what the page shows now. */
  public Path screenshot(Path file) throws Exception {
    JsonNode shot = call("Page.captureScreenshot", Map.of("format", "png"));
    Files.createDirectories(file.getParent());
    Files.write(file, Base64.getDecoder().decode(shot.path("data").asText()));
    return file;
  }

  /** Errors the page logged or threw so far. */
  public synchronized List<String> errors() {
    return List.copyOf(errors);
  }

  private synchronized void event(JsonNode message) {
    String method = message.path("method").asText();
    JsonNode params = message.path("params");
    if (method.equals("Runtime.exceptionThrown")) {
      errors.add(
          "exception: "
              + params
                  .path("exceptionDetails")
                  .path("exception")
                  .path("description")
                  .asText(params.path("exceptionDetails").path("text").asText()));
    } else if (method.equals("Runtime.consoleAPICalled")
        && params.path("type").asText().equals("error")) {
      errors.add("console: " + params.path("args").toString());
    }
  }

  @Override
  public void close() {
    try {
      socket.sendClose(WebSocket.NORMAL_CLOSURE, "").get(5, TimeUnit.SECONDS);
    } catch (Exception e) {
      // the browser goes anyway
    }
    chromium.destroy();
    try {
      if (!chromium.waitFor(10, TimeUnit.SECONDS)) {
        chromium.destroyForcibly();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** Joins a message's fragments and hands it to the waiting call or to the event log. */
  private static final class Listener implements WebSocket.Listener {
    private final java.util.function.Supplier<DevTools> tools;
    private final StringBuilder buffer = new StringBuilder();

    Listener(java.util.function.Supplier<DevTools> tools) {
      this.tools = tools;
    }

    @Override
    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
      buffer.append(data);
      if (last) {
        String text = buffer.toString();
        buffer.setLength(0);
        try {
          JsonNode message = JSON.readTree(text);
          DevTools owner = tools.get();
          if (owner != null) {
            if (message.has("id")) {
              CompletableFuture<JsonNode> waiting = owner.pending.remove(message.get("id").asInt());
              if (waiting != null) {
                waiting.complete(message);
              }
            } else {
              owner.event(message);
            }
          }
        } catch (IOException e) {
          throw new IllegalStateException("not a DevTools message: " + text, e);
        }
      }
      webSocket.request(1);
      return null;
    }
  }
}
