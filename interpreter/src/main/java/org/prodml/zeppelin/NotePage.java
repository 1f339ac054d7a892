package org.prodml.zeppelin;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.Map;
import org.prodml.cli.Version;
import org.prodml.note.NoteResults;
import org.prodml.text.Html;
import org.prodml.zeppelin.ParagraphRun.Status;

/**
 * A note run headless as one self-contained HTML page: each paragraph's text and its results
 * ({@code %table} as an HTML table, {@code %html} inline, {@code %text} preformatted, images
 * inline). No script, no CDN: it opens offline and prints. {@code %md} paragraphs show their
 * rendered text only, as Zeppelin shows them with the editor hidden.
 */
final class NotePage {
  private static final String STYLE =
      """
      body{font:14px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;margin:0;background:#f4f5f7;color:#1d2330}
      header{background:#1d2330;color:#fff;padding:18px 28px}header h1{margin:0 0 4px;font-size:22px}
      header p{margin:0;color:#c5cad6;font-size:13px}main{max-width:1200px;margin:0 auto;padding:16px 20px 40px}
      section{background:#fff;border:1px solid #dde1e8;border-left:4px solid #7a8599;border-radius:4px;margin:12px 0;padding:10px 14px}
      section.ok{border-left-color:#2e9d5b}section.error{border-left-color:#c8382c}section.expected{border-left-color:#d89b16}
      section.markdown{border-left-color:transparent}
      .head{display:flex;gap:10px;align-items:baseline;font-size:12px;color:#5b6478;margin-bottom:6px}
      .head .title{font-weight:600;color:#1d2330;font-size:14px}.head .status{margin-left:auto}
      pre{white-space:pre-wrap;word-break:break-word;margin:6px 0;font:12.5px/1.4 ui-monospace,SFMono-Regular,Menlo,Consolas,monospace}
      pre.source{background:#f7f8fa;border:1px solid #e6e9ef;padding:6px 8px;color:#394257}
      pre.error{color:#a61b12}
      .table{overflow-x:auto;margin:6px 0}
      table{border-collapse:collapse;font-size:12.5px}th,td{border:1px solid #dde1e8;padding:3px 8px;text-align:left;vertical-align:top}
      th{background:#eef0f4;position:sticky;top:0}tr:nth-child(even) td{background:#fafbfc}
      .result-alert{background:#fff8e1;border:1px solid #f0d48a;padding:4px 8px;margin:4px 0;font-size:12.5px}
      .result-alert .close{display:none}
      h5.prodml-title{margin:10px 0 2px;font-size:13px;color:#394257}
      svg{max-width:100%;height:auto}
      """;

  private NotePage() {}

  private static final java.util.regex.Pattern HREF =
      java.util.regex.Pattern.compile("href=\"([^\"#:]+?)(#[^\"]*)?\"");

  /**
   * The page's relative links (a note's Markdown links to datasheets as seen from its folder)
   * pointed at the same files from where the page is written, so they open from the page too. A
   * link whose file does not exist stays as written.
   */
  static String relink(String html, Path noteFolder, Path pageFolder) {
    Path from = noteFolder.toAbsolutePath().normalize();
    Path to = pageFolder.toAbsolutePath().normalize();
    java.util.regex.Matcher m = HREF.matcher(html);
    StringBuilder out = new StringBuilder(html.length());
    while (m.find()) {
      String link = m.group(1);
      String decoded = java.net.URLDecoder.decode(link, java.nio.charset.StandardCharsets.UTF_8);
      String replacement = m.group();
      if (!link.startsWith("/")) {
        Path target = from.resolve(decoded).normalize();
        if (Files.exists(target)) {
          String relative = to.relativize(target).toString().replace('\\', '/');
          replacement =
              "href=\""
                  + relative.replace("%", "%25").replace(" ", "%20")
                  + (m.group(2) == null ? "" : m.group(2))
                  + "\"";
        }
      }
      m.appendReplacement(out, java.util.regex.Matcher.quoteReplacement(replacement));
    }
    m.appendTail(out);
    return out.toString();
  }

  static String render(NoteRun run) {
    Map<String, ParagraphRun> byId = new HashMap<>();
    run.paragraphs().forEach(p -> byId.put(p.id(), p));
    StringBuilder html = new StringBuilder(64 * 1024);
    html.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
        .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
        .append("<title>")
        .append(Html.escape(run.name()))
        .append(" · ProdML Lab</title>\n")
        .append("<style>\n")
        .append(STYLE)
        .append("</style>\n</head>\n<body>\n<header>\n<h1>")
        .append(Html.escape(run.name()))
        .append("</h1>\n<p>")
        .append(
            Html.escape(
                "Note "
                    + run.noteId()
                    + " · run headless by ProdML Lab "
                    + Version.get()
                    + " on "
                    + DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").format(LocalDateTime.now())
                    + " · "
                    + run.paragraphs().size()
                    + " paragraphs, "
                    + run.count(Status.OK)
                    + " ok, "
                    + (run.count(Status.ERROR) + run.count(Status.UNEXPECTED_SUCCESS))
                    + " failed, "
                    + run.millis()
                    + " ms"))
        .append("</p>\n</header>\n<main>\n");
    for (JsonNode paragraph : run.note().path("paragraphs")) {
      String text = paragraph.path("text").asText("");
      if (text.isBlank()) {
        continue;
      }
      ParagraphRun outcome = byId.get(paragraph.path("id").asText(""));
      paragraph(paragraph, text, outcome, html);
    }
    return html.append("</main>\n</body>\n</html>\n").toString();
  }

  private static void paragraph(
      JsonNode paragraph, String text, ParagraphRun outcome, StringBuilder html) {
    boolean markdown =
        outcome != null
            && outcome.binding().split("\\.")[0].equals(NoteRunner.MARKDOWN_GROUP)
            && outcome.status() == Status.OK;
    String kind =
        markdown
            ? "markdown"
            : outcome == null
                ? ""
                : switch (outcome.status()) {
                  case OK -> "ok";
                  case ERROR, UNEXPECTED_SUCCESS -> "error";
                  case EXPECTED_ERROR -> "expected";
                  default -> "";
                };
    html.append("<section class=\"")
        .append(kind)
        .append("\" id=\"")
        .append(Html.escape(paragraph.path("id").asText("")))
        .append("\">\n");
    String title = paragraph.path("title").asText("");
    if (!markdown) {
      html.append("<div class=\"head\"><span class=\"title\">")
          .append(Html.escape(title))
          .append("</span>");
      if (outcome != null) {
        html.append("<span class=\"status\">")
            .append(Html.escape(outcome.status().label()))
            .append(
                outcome.millis() > 0 || outcome.status() == Status.OK
                    ? " · " + outcome.millis() + " ms"
                    : "")
            .append("</span>");
      }
      html.append("</div>\n<pre class=\"source\">").append(Html.escape(text)).append("</pre>\n");
    }
    html.append(NoteResults.html(paragraph));
    if (outcome != null && outcome.status() == Status.UNEXPECTED_SUCCESS) {
      html.append("<pre class=\"error\">")
          .append(Html.escape(outcome.message()))
          .append("</pre>\n");
    }
    html.append("</section>\n");
  }
}
