package org.prodml.zeppelin;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A paragraph's text split the way Zeppelin 0.11.1's server splits it before it calls an
 * interpreter: the binding ({@code prodml.train}), the local properties in parentheses and the
 * script: the rest of the text, from just after the binding or the ')' — the rest of the
 * interpreter's line included, so the script's line N is the editor's line N — with only leading
 * spaces removed. Zeppelin's parser ({@code ParagraphTextParser}) lives in zeppelin-zengine, which
 * is not on Maven Central, so this is a faithful re-implementation of its rules:
 *
 * <ul>
 *   <li>the text may start with blanks, then {@code %name} or {@code %group.name} (a group name may
 *       hold '-');
 *   <li>inside the parentheses, {@code key=value} pairs are separated by commas, keys and values
 *       are trimmed, and a key without {@code =} stands for itself ({@code (flag)} gives flag=flag)
 *       — but, as in Zeppelin, only as the last entry;
 *   <li>double quotes protect commas, {@code =} and {@code )} and are dropped;
 *   <li>a backslash escapes the next character; {@code \n} and {@code \t} are a newline and a tab.
 * </ul>
 */
public record ParagraphText(String binding, String script, Map<String, String> localProperties) {
  /** The paragraph config key Zeppelin's blank-paragraph skip reads. */
  public static final String CHECK_EMPTY = "checkEmpty";

  private static final Pattern BINDING = Pattern.compile("^(\\s*)%([a-zA-Z0-9_\\-]+(?:\\.\\w+)*)");

  public ParagraphText {
    localProperties = Collections.unmodifiableMap(new LinkedHashMap<>(localProperties));
  }

  /**
   * @throws IllegalArgumentException when the parentheses are not closed, a key is empty, a value
   *     holds an unquoted '=' or the text ends inside an escape
   */
  public static ParagraphText parse(String text) {
    String source = text == null ? "" : text;
    Matcher m = BINDING.matcher(source);
    if (!m.find()) {
      return new ParagraphText("", withoutLeadingSpaces(source), Map.of());
    }
    String binding = m.group(2);
    int position = m.end();
    Map<String, String> properties = new LinkedHashMap<>();
    if (position < source.length() && source.charAt(position) == '(') {
      position = readProperties(source, position + 1, properties);
    }
    return new ParagraphText(binding, withoutLeadingSpaces(source.substring(position)), properties);
  }

  /** As Zeppelin: leading spaces go, line breaks and everything after them stay. */
  private static String withoutLeadingSpaces(String text) {
    int start = 0;
    while (start < text.length() && text.charAt(start) == ' ') {
      start++;
    }
    return text.substring(start);
  }

  /**
   * Whether Zeppelin 0.11.1 skips the paragraph as blank instead of running it ({@code
   * Paragraph.shouldSkipRunParagraph}): its script is empty, it has no local properties, and {@code
   * checkEmpty} is true — the interpreter setting's {@code config} merged over the paragraph's own
   * (the setting's wins), true when neither sets it.
   */
  public boolean skippedByZeppelin(
      Map<String, Object> paragraphConfig, Map<String, Object> interpreterConfig) {
    Object checkEmpty =
        interpreterConfig.containsKey(CHECK_EMPTY)
            ? interpreterConfig.get(CHECK_EMPTY)
            : paragraphConfig.getOrDefault(CHECK_EMPTY, Boolean.TRUE);
    return Boolean.TRUE.equals(checkEmpty) && script.isEmpty() && localProperties.isEmpty();
  }

  /**
   * The script with one line break in front for each line of the paragraph above the one the script
   * starts on, so its line N is the editor's line N whatever precedes the binding. Zeppelin passes
   * the whole paragraph text beside the script; without it (or when the script is not its end) the
   * script is as given.
   */
  public static String alignedWithEditor(String script, String paragraphText) {
    if (script == null || paragraphText == null || !paragraphText.endsWith(script)) {
      return script;
    }
    String above = paragraphText.substring(0, paragraphText.length() - script.length());
    return "\n".repeat((int) above.chars().filter(c -> c == '\n').count()) + script;
  }

  /** Reads {@code key=value, …)} from just after the '('; returns the position after the ')'. */
  private static int readProperties(String text, int position, Map<String, String> properties) {
    StringBuilder token = new StringBuilder();
    String key = null;
    boolean readingKey = true;
    boolean quoted = false;
    while (position < text.length()) {
      char c = text.charAt(position++);
      if (c == '\\') {
        if (position == text.length()) {
          throw new IllegalArgumentException("paragraph properties end inside an escape sequence");
        }
        char escaped = text.charAt(position++);
        token.append(escaped == 'n' ? '\n' : escaped == 't' ? '\t' : escaped);
      } else if (c == '"') {
        quoted = !quoted;
      } else if (quoted) {
        token.append(c);
      } else if (c == ')') {
        if (readingKey) {
          String flag = token.toString().trim();
          if (!flag.isEmpty()) {
            properties.put(flag, flag);
          }
        } else {
          properties.put(key, token.toString().trim());
        }
        return position;
      } else if (c == '=') {
        if (!readingKey) {
          throw new IllegalArgumentException(
              "paragraph properties: a value holds an unquoted '=' (quote it: key=\"a=b\")");
        }
        key = token.toString().trim();
        token.setLength(0);
        readingKey = false;
      } else if (c == ',') {
        // As in Zeppelin, a key without '=' before a comma is an empty key.
        if (key == null || key.isBlank()) {
          throw new IllegalArgumentException("paragraph properties: a property key is empty");
        }
        properties.put(key, token.toString().trim());
        key = null;
        readingKey = true;
        token.setLength(0);
      } else {
        token.append(c);
      }
    }
    throw new IllegalArgumentException(
        "paragraph properties: the '(' after the interpreter name is never closed");
  }

  /** The group of the binding ({@code prodml} of {@code prodml.train}); empty without a binding. */
  public String group() {
    int dot = binding.indexOf('.');
    return dot < 0 ? binding : binding.substring(0, dot);
  }
}
