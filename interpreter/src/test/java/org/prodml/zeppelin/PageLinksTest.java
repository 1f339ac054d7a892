package org.prodml.zeppelin;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A note links a datasheet relative to its own folder; the page written elsewhere links the same
 * file from where the page is.
 */
class PageLinksTest {
  @Test
  void aRelativeLinkOpensTheSameFileFromThePage(@TempDir Path home) throws Exception {
    Path sheet = home.resolve("datasets/scenarios/weather faults/DATASHEET.md");
    Files.createDirectories(sheet.getParent());
    Files.writeString(sheet, "# sheet");
    Path note = Files.createDirectories(home.resolve("notebooks/7 Monitoring"));
    Path page = Files.createDirectories(home.resolve("out/notebooks/7 Monitoring"));
    String html =
        "<a href=\"../../datasets/scenarios/weather%20faults/DATASHEET.md#flaws\">sheet</a>"
            + " <a href=\"https://example.org/x\">web</a> <a href=\"#top\">top</a>"
            + " <a href=\"../missing.md\">gone</a>";
    assertEquals(
        "<a href=\"../../../datasets/scenarios/weather%20faults/DATASHEET.md#flaws\">sheet</a>"
            + " <a href=\"https://example.org/x\">web</a> <a href=\"#top\">top</a>"
            + " <a href=\"../missing.md\">gone</a>",
        NotePage.relink(html, note, page));
  }
}
