package org.prodml.zeppelin;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.prodml.text.Html;

/**
 * The small, safe Markdown subset the headless runner renders for {@code %md} paragraphs (there is
 * no Markdown interpreter without Zeppelin): headings ({@code #} to {@code ######}), paragraphs,
 * bullet and numbered lists, block quotes, fenced code, and inline {@code `code`}, {@code
 * **bold**}, {@code *italic*} and {@code [links](https://…)}. Every piece of text is escaped first;
 * raw HTML in the source shows as text, and only http(s), mailto, relative and {@code #} links are
 * kept. The result is wrapped like Zeppelin's markdown interpreter output.
 */
final class Markdown {
  private static final Pattern HEADING = Pattern.compile("(#{1,6})\\s+(.*?)\\s*#*\\s*");
  private static final Pattern BULLET = Pattern.compile("\\s*[-*+]\\s+(.*)");
  private static final Pattern NUMBERED = Pattern.compile("\\s*\\d+[.)]\\s+(.*)");
  private static final Pattern QUOTE = Pattern.compile("\\s*>\\s?(.*)");
  private static final Pattern LINK = Pattern.compile("\\[([^\\]]+)\\]\\(([^)\\s]+)\\)");
  private static final Pattern BOLD = Pattern.compile("\\*\\*(?=\\S)(.+?)(?<=\\S)\\*\\*");
  private static final Pattern ITALIC =
      Pattern.compile("(?<![\\w*])\\*(?=\\S)([^*]+?)(?<=\\S)\\*(?![\\w*])");
  private static final Pattern SAFE_URL = Pattern.compile("(?i)(https?://|mailto:|#)\\S*|[^:]*");

  private Markdown() {}

  static String toHtml(String markdown) {
    StringBuilder html = new StringBuilder("<div class=\"markdown-body\">\n");
    List<String> paragraph = new ArrayList<>();
    String list = null; // "ul" or "ol" while inside a list
    String[] lines = markdown.split("\\R", -1);
    for (int i = 0; i < lines.length; i++) {
      String line = lines[i];
      if (line.strip().startsWith("```")) {
        flush(paragraph, html);
        list = closeList(list, html);
        StringBuilder code = new StringBuilder();
        while (++i < lines.length && !lines[i].strip().startsWith("```")) {
          code.append(lines[i]).append('\n');
        }
        html.append("<pre><code>").append(Html.escape(code.toString())).append("</code></pre>\n");
        continue;
      }
      Matcher heading = HEADING.matcher(line);
      Matcher bullet = BULLET.matcher(line);
      Matcher numbered = NUMBERED.matcher(line);
      Matcher quote = QUOTE.matcher(line);
      if (line.isBlank()) {
        flush(paragraph, html);
        list = closeList(list, html);
      } else if (heading.matches()) {
        flush(paragraph, html);
        list = closeList(list, html);
        int level = heading.group(1).length();
        html.append("<h")
            .append(level)
            .append('>')
            .append(inline(heading.group(2)))
            .append("</h")
            .append(level)
            .append(">\n");
      } else if (bullet.matches() || numbered.matches()) {
        flush(paragraph, html);
        String kind = bullet.matches() ? "ul" : "ol";
        if (!kind.equals(list)) {
          closeList(list, html);
          html.append('<').append(kind).append(">\n");
          list = kind;
        }
        html.append("<li>")
            .append(inline((bullet.matches() ? bullet : numbered).group(1)))
            .append("</li>\n");
      } else if (quote.matches()) {
        flush(paragraph, html);
        list = closeList(list, html);
        html.append("<blockquote>").append(inline(quote.group(1))).append("</blockquote>\n");
      } else {
        list = closeList(list, html);
        paragraph.add(line.strip());
      }
    }
    flush(paragraph, html);
    closeList(list, html);
    return html.append("</div>").toString();
  }

  private static void flush(List<String> paragraph, StringBuilder html) {
    if (!paragraph.isEmpty()) {
      html.append("<p>").append(inline(String.join(" ", paragraph))).append("</p>\n");
      paragraph.clear();
    }
  }

  private static String closeList(String list, StringBuilder html) {
    if (list != null) {
      html.append("</").append(list).append(">\n");
    }
    return null;
  }

  /** Inline formatting; text between backticks is code and stays as it is (escaped). */
  static String inline(String text) {
    StringBuilder out = new StringBuilder();
    String[] parts = text.split("`", -1);
    for (int i = 0; i < parts.length; i++) {
      boolean code = i % 2 == 1 && i < parts.length - 1; // an unmatched last backtick is plain text
      if (code) {
        out.append("<code>").append(Html.escape(parts[i])).append("</code>");
      } else {
        out.append(i % 2 == 1 ? "`" : "").append(format(parts[i]));
      }
    }
    return out.toString();
  }

  private static String format(String text) {
    StringBuilder out = new StringBuilder();
    Matcher link = LINK.matcher(text);
    int last = 0;
    while (link.find()) {
      out.append(emphasis(Html.escape(text.substring(last, link.start()))));
      String url = link.group(2);
      String label = emphasis(Html.escape(link.group(1)));
      if (SAFE_URL.matcher(url).matches()) {
        out.append("<a href=\"")
            .append(Html.escape(url))
            .append("\">")
            .append(label)
            .append("</a>");
      } else {
        out.append(label);
      }
      last = link.end();
    }
    out.append(emphasis(Html.escape(text.substring(last))));
    return out.toString();
  }

  private static String emphasis(String escaped) {
    String bold = BOLD.matcher(escaped).replaceAll("<strong>$1</strong>");
    return ITALIC.matcher(bold).replaceAll("<em>$1</em>");
  }
}
