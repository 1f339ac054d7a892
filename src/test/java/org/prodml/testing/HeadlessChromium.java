package org.prodml.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;

/**
 * Opens an HTML page in Debian's headless Chromium (installed by scripts/test.sh), as a person
 * would: takes a screenshot and reads the console. A page passes when the console stayed silent, it
 * references nothing outside itself (it must open offline), and the screenshot is not blank.
 */
public final class HeadlessChromium {
  private static final Pattern CONSOLE = Pattern.compile(":CONSOLE[:(\\d)]*\\]?\\s*(.*)");
  private static final Pattern EXTERNAL =
      Pattern.compile("(?i)<(script|link|img|iframe)[^>]+(src|href)\\s*=\\s*\"(https?:)?//");

  private HeadlessChromium() {}

  /**
   * The browser, or a failure saying how to install it (or skip with -Dprodml.skipBrowser=true).
   */
  public static Path browser() {
    for (String candidate :
        List.of("/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome")) {
      if (Files.isExecutable(Path.of(candidate))) {
        return Path.of(candidate);
      }
    }
    fail(
        "headless Chromium is needed to check HTML pages: run scripts/test.sh (it installs Debian's chromium), "
            + "or apt-get install chromium, or pass -Dprodml.skipBrowser=true to skip browser checks");
    return null;
  }

  public static boolean skipped() {
    return Boolean.getBoolean("prodml.skipBrowser");
  }

  /** Loads the page, asserts a silent console, no external resources and a non-blank screenshot. */
  public static Path assertRendersOffline(Path html, Path screenshot)
      throws IOException, InterruptedException {
    String text = Files.readString(html, StandardCharsets.UTF_8);
    Matcher external = EXTERNAL.matcher(text);
    assertTrue(!external.find(), () -> html + " loads an external resource: " + external.group());
    Path profile = Files.createTempDirectory("prodml-chromium");
    List<String> command =
        List.of(
            browser().toString(),
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-quic",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--user-data-dir=" + profile,
            "--window-size=1280,2400",
            "--hide-scrollbars",
            "--enable-logging=stderr",
            "--v=0",
            "--screenshot=" + screenshot.toAbsolutePath(),
            html.toAbsolutePath().toUri().toString());
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    String log = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(process.waitFor(90, TimeUnit.SECONDS), "chromium did not finish");
    List<String> console = new ArrayList<>();
    for (String line : log.split("\n")) {
      Matcher m = CONSOLE.matcher(line);
      if (line.contains(":CONSOLE") && m.find()) {
        console.add(m.group(2));
      }
    }
    assertEquals(List.of(), console, "console messages while loading " + html);
    assertTrue(
        Files.size(screenshot) > 10_000, "screenshot of " + html + " is too small to hold a page");
    BufferedImage image = ImageIO.read(screenshot.toFile());
    Set<Integer> colours = new HashSet<>();
    for (int y = 0; y < image.getHeight(); y += 7) {
      for (int x = 0; x < image.getWidth(); x += 7) {
        colours.add(image.getRGB(x, y));
      }
    }
    assertTrue(
        colours.size() > 20,
        "screenshot of " + html + " looks blank (" + colours.size() + " colours)");
    return screenshot;
  }
}
