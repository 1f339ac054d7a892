package org.prodml.lab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.prodml.cli.Home;
import org.prodml.course.Course;
import org.prodml.testing.DevTools;
import org.prodml.testing.HeadlessChromium;

/**
 * The lab as a learner meets it: {@code ./prodml lab} (the packaged jar, as the launcher runs it)
 * on a free port, headless Chromium opening the printed address, note 0's wind-gaps exercise edited
 * in the code editor and run three times (two wrong rules of different kinds, then a right one),
 * the home page's count, and the progress after a restart. Screenshots go to
 * target/lab-screenshots/.
 */
class LabBrowserIT {
  private static final String NOTE = "PMLC00SYS";
  private static final String EXERCISE = "wind-gaps-rule";
  private static final Path SHOTS =
      Path.of(System.getProperty("prodml.build", "target")).resolve("lab-screenshots");

  @TempDir Path temp;

  /** A rule whose condition holds on neither file: no file misses that many readings. */
  private static final String HOLDS_NOWHERE =
      rule("$c : ColumnProfileFact(role == \"serving\", column == \"wind\", missing > 100000)");

  /** A rule that holds on the clean file too: any serving column, missing or not. */
  private static final String HOLDS_EVERYWHERE =
      rule("$c : ColumnProfileFact(role == \"serving\", missing >= 0)");

  private static String rule(String condition) {
    return String.join(
        "\n",
        "%prodml.rules",
        "package rules.learner;",
        "",
        "import org.prodml.facts.ColumnProfileFact;",
        "import org.prodml.facts.Evidence;",
        "",
        "rule \"MY-001 Wind readings are missing\"",
        "    @id(\"MY-001\") @severity(\"WARNING\") @topic(\"MISSINGNESS\") @stage(\"VALIDATE\")",
        "    @explanation(\"{subject} misses readings.\") @remedy(\"Ask the station.\")",
        "when",
        "    " + condition,
        "then",
        "    insert(Evidence.of($c.column(), \"missing\", $c.missing()));",
        "end");
  }

  @Test
  void aLearnerFailsTwiceWithHintsThenPassesAndTheProgressSurvivesARestart() throws Exception {
    assumeFalse(HeadlessChromium.skipped(), "browser checks skipped (-Dprodml.skipBrowser=true)");
    Path workspace = temp.resolve("prodml-course");
    String solved =
        Course.read(Home.get().resolve("notebooks"))
            .exercises()
            .require(EXERCISE)
            .solved()
            .values()
            .iterator()
            .next();
    Lab lab = Lab.start(workspace);
    try (DevTools browser = DevTools.start(1280, 1400)) {
      assertTrue(lab.firstLines.contains("made now"), "first start makes the workspace");
      browser.navigate(lab.url);
      assertEquals("/", browser.evaluate("location.pathname").asText(), "the token left the URL");
      assertTrue(text(browser, "#progress-summary").contains("0 of 18"));
      browser.screenshot(SHOTS.resolve("1-home-first-start.png"));

      browser.navigate(lab.base + "/notes/" + NOTE);
      DevTools.waitFor(
          () -> count(browser, ".cm-editor") == count(browser, "section.paragraph"),
          30,
          "an editor in every paragraph");
      String rules = id(browser, "%prodml.rules");
      String check = id(browser, "%prodml.check(exercise=" + EXERCISE + ")");

      // Attempt 1: the whole note runs, with a rule that holds on neither file.
      edit(browser, rules, HOLDS_NOWHERE);
      browser.evaluate("document.getElementById('run-all').click()");
      String hint1 = awaitVerdict(browser, check, "FAIL", 1, 240);
      assertTrue(hint1.startsWith("Latest hint: "), hint1);
      assertTrue(panel(browser, check).contains("hints: 1 of"), panel(browser, check));
      browser.evaluate("document.getElementById('" + check + "').scrollIntoView()");
      browser.screenshot(SHOTS.resolve("2-fail-hint-1.png"));

      // Attempt 2: another kind of wrong rule, run from the rules paragraph on.
      edit(browser, rules, HOLDS_EVERYWHERE);
      runFrom(browser, rules);
      String hint2 = awaitVerdict(browser, check, "FAIL", 2, 120);
      assertNotEquals(hint1, hint2, "the second wrong rule reveals another hint");
      assertTrue(panel(browser, check).contains("hints: 2 of"), panel(browser, check));
      browser.evaluate("document.getElementById('" + check + "').scrollIntoView()");
      browser.screenshot(SHOTS.resolve("3-fail-hint-2.png"));

      // Attempt 3: the right rule.
      edit(browser, rules, solved);
      runFrom(browser, rules);
      awaitVerdict(browser, check, "PASS", 3, 120);
      browser.evaluate("document.getElementById('" + check + "').scrollIntoView()");
      browser.screenshot(SHOTS.resolve("4-pass.png"));
      browser.evaluate("document.getElementById('" + rules + "').scrollIntoView()");
      browser.screenshot(SHOTS.resolve("4-pass-the-rule.png"));
      assertTrue(
          !browser
              .evaluate("document.querySelector('#" + check + " .show-solution').disabled")
              .asBoolean(),
          "after a pass the solution opens");

      browser.navigate(lab.base + "/");
      assertTrue(text(browser, "#progress-summary").contains("1 of 18"), "the home page counts it");
      browser.screenshot(SHOTS.resolve("5-home-1-of-18.png"));

      // Nothing the learner did was lost: the edit is in the workspace's note and its text.
      Path note =
          Files.walk(workspace)
              .filter(f -> f.getFileName().toString().endsWith("_" + NOTE + ".txt"))
              .filter(f -> !f.startsWith(workspace.resolve("out")))
              .findFirst()
              .orElseThrow();
      assertTrue(Files.readString(note).contains("missingShare > 0.05"), "the right rule is saved");

      // Restart: the progress is the workspace's, not the server's.
      lab.stop();
      lab = Lab.start(workspace);
      assertTrue(!lab.firstLines.contains("made now"), "the workspace is reused");
      browser.navigate(lab.url);
      assertTrue(text(browser, "#progress-summary").contains("1 of 18"), "after a restart");
      browser.navigate(lab.base + "/notes/" + NOTE);
      assertTrue(panel(browser, check).contains("PASS"), panel(browser, check));
      browser.evaluate("document.getElementById('" + check + "').scrollIntoView()");
      browser.screenshot(SHOTS.resolve("6-after-restart.png"));
      assertEquals(List.of(), browser.errors(), "the pages logged no error");

      HttpClient http = HttpClient.newHttpClient();
      HttpResponse<String> anonymous =
          http.send(
              HttpRequest.newBuilder(URI.create(lab.base + "/")).build(),
              HttpResponse.BodyHandlers.ofString());
      assertEquals(403, anonymous.statusCode(), "no token, no lab");
      HttpResponse<String> outside =
          http.send(
              HttpRequest.newBuilder(URI.create(lab.base + "/api/file?path=..%2F..%2Fetc%2Fpasswd"))
                  .header("Authorization", "token " + lab.token)
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      assertEquals(403, outside.statusCode(), outside.body());
    } finally {
      lab.stop();
    }
  }

  /** Replaces a paragraph's text as a learner does: click in, select all, type. */
  private static void edit(DevTools browser, String paragraph, String text) throws Exception {
    browser.evaluate("document.querySelector('#" + paragraph + " .cm-content').focus()");
    browser.control('a');
    browser.type(text);
    String typed =
        browser
            .evaluate("window.prodmlLab.paragraphs.get('" + paragraph + "').editor.text()")
            .asText();
    assertEquals(text, typed, "the editor holds what was typed");
  }

  private static void runFrom(DevTools browser, String paragraph) throws Exception {
    browser.evaluate("document.querySelector('#" + paragraph + " .run-from').click()");
  }

  /** Waits for the check's verdict and attempt; returns the hint the panel shows. */
  private static String awaitVerdict(
      DevTools browser, String check, String verdict, int attempt, int seconds) throws Exception {
    DevTools.waitFor(
        () ->
            panel(browser, check).contains(verdict)
                && text(browser, "#" + check + " .attempt-count").equals(String.valueOf(attempt)),
        seconds,
        verdict + " at attempt " + attempt + " (panel: " + panel(browser, check) + ")");
    return text(browser, "#" + check + " .exercise-panel .hint");
  }

  private static String panel(DevTools browser, String check) {
    return text(browser, "#" + check + " .exercise-panel");
  }

  private static String text(DevTools browser, String selector) {
    try {
      return browser
          .evaluate("(document.querySelector('" + selector + "') || {textContent: ''}).textContent")
          .asText()
          .strip()
          .replaceAll("\\s+", " ");
    } catch (Exception e) {
      return "";
    }
  }

  private static int count(DevTools browser, String selector) {
    try {
      return browser.evaluate("document.querySelectorAll('" + selector + "').length").asInt();
    } catch (Exception e) {
      return -1;
    }
  }

  /** The id of the paragraph whose text starts so. */
  private static String id(DevTools browser, String start) throws Exception {
    String id =
        browser
            .evaluate(
                "[...document.querySelectorAll('section.paragraph')].find(s =>"
                    + " s.querySelector('textarea.source').value.startsWith("
                    + new ObjectMapper().writeValueAsString(start)
                    + ")).id")
            .asText();
    assertTrue(!id.isEmpty(), "no paragraph starts with " + start);
    return id;
  }

  /** {@code ./prodml lab} as the launcher runs it: the packaged jar and Zeppelin's API. */
  private static final class Lab {
    final Process process;
    final String url;
    final String base;
    final String token;
    final String firstLines;

    private Lab(Process process, String url, String firstLines) {
      this.process = process;
      this.url = url;
      this.base = url.substring(0, url.indexOf("/?token="));
      this.token = url.substring(url.indexOf("token=") + "token=".length());
      this.firstLines = firstLines;
    }

    static Lab start(Path workspace) throws Exception {
      Path build = Path.of(System.getProperty("prodml.build", "target"));
      String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
      Process process =
          new ProcessBuilder(
                  java,
                  "-XX:+UseSerialGC",
                  "-Dprodml.home=" + Home.get(),
                  "-cp",
                  build.resolve("prodml.jar") + ":" + build.resolve("lib-zeppelin") + "/*",
                  "org.prodml.cli.ProdmlCommand",
                  "lab",
                  "--port",
                  "0",
                  "--no-browser",
                  "--workspace",
                  workspace.toString())
              .redirectErrorStream(true)
              .start();
      BufferedReader out =
          new BufferedReader(
              new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
      StringBuilder lines = new StringBuilder();
      String url = null;
      for (int i = 0; i < 50 && url == null; i++) {
        String line = out.readLine();
        if (line == null) {
          throw new AssertionError("./prodml lab ended before it served:\n" + lines);
        }
        lines.append(line).append('\n');
        int at = line.indexOf("http://127.0.0.1:");
        if (line.startsWith("ProdML Lab: ") && at >= 0) {
          url = line.substring(at).strip();
        }
      }
      if (url == null) {
        process.destroyForcibly();
        throw new AssertionError("./prodml lab printed no address:\n" + lines);
      }
      String more = out.readLine(); // the workspace line
      lines.append(more).append('\n');
      Thread drain = new Thread(() -> out.lines().forEach(l -> {}), "lab-output");
      drain.setDaemon(true);
      drain.start();
      return new Lab(process, url, lines.toString());
    }

    /** Stops it as Ctrl-C would (SIGTERM runs the same shutdown hook). */
    void stop() throws InterruptedException {
      if (process.isAlive()) {
        process.destroy();
        if (!process.waitFor(20, TimeUnit.SECONDS)) {
          process.destroyForcibly();
        }
      }
    }
  }
}
