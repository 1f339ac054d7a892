package org.prodml.note;

import com.fasterxml.jackson.databind.JsonNode;
import org.prodml.text.Html;

/**
 * A paragraph's saved results as HTML, the one way every page shows them (the headless run's page
 * and the lab): {@code %table} as an HTML table, {@code %html} inline, {@code %text} preformatted
 * (in red when the paragraph failed), images inline.
 */
public final class NoteResults {
  private NoteResults() {}

  /** The results ({@code results.code}, {@code results.msg[]}) of one paragraph. */
  public static String html(JsonNode paragraph) {
    StringBuilder html = new StringBuilder();
    JsonNode results = paragraph.path("results");
    boolean failed = results.path("code").asText("").equals("ERROR");
    for (JsonNode message : results.path("msg")) {
      result(message.path("type").asText("TEXT"), message.path("data").asText(""), failed, html);
    }
    return html.toString();
  }

  /** One result message. */
  public static void result(String type, String data, boolean failed, StringBuilder html) {
    switch (type) {
      case "TABLE" -> table(data, html);
      case "HTML" -> html.append("<div class=\"html\">").append(data).append("</div>\n");
      case "IMG" ->
          html.append("<img alt=\"\" src=\"data:image/png;base64,")
              .append(Html.escape(data.strip()))
              .append("\">\n");
      default ->
          html.append("<pre class=\"")
              .append(failed ? "error" : "text")
              .append("\">")
              .append(Html.escape(data))
              .append("</pre>\n");
    }
  }

  /** Zeppelin's %table TSV: the first line is the header. */
  public static void table(String tsv, StringBuilder html) {
    String[] lines = tsv.split("\n");
    html.append("<div class=\"table\"><table>\n");
    for (int i = 0; i < lines.length; i++) {
      if (i > 0 && lines[i].isEmpty()) {
        continue;
      }
      String cell = i == 0 ? "th" : "td";
      if (i == 0) {
        html.append("<thead>");
      } else if (i == 1) {
        html.append("<tbody>\n");
      }
      html.append("<tr>");
      for (String value : lines[i].split("\t", -1)) {
        html.append('<')
            .append(cell)
            .append('>')
            .append(Html.escape(value))
            .append("</")
            .append(cell)
            .append('>');
      }
      html.append("</tr>");
      html.append(i == 0 ? "</thead>\n" : "\n");
    }
    if (lines.length > 1) {
      html.append("</tbody>");
    }
    html.append("</table></div>\n");
  }
}
