package org.prodml.rules;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * DRL read as text, for checks Drools does not make (the lint): a scan, not a parser, so it also
 * reads files that do not compile.
 */
final class DrlText {
  private static final Pattern WHEN = Pattern.compile("\\bwhen\\b");
  private static final Pattern THEN = Pattern.compile("\\bthen\\b");
  private static final Pattern END = Pattern.compile("(?m)^\\s*end\\b");
  private static final Pattern RULE = Pattern.compile("(?m)^\\s*rule\\s+\"([^\"]*)\"");

  private DrlText() {}

  /**
   * The conditions ({@code when}) and the actions ({@code then}) of all the rules in a file,
   * concatenated.
   */
  record RuleParts(String conditions, String actions) {}

  /**
   * The names of the rules {@code text} declares, found in {@code code}, its {@link #codeOnly}
   * form.
   */
  static List<String> ruleNames(String text, String code) {
    List<String> names = new ArrayList<>();
    Matcher m = RULE.matcher(code);
    while (m.find()) {
      names.add(text.substring(m.start(1), m.end(1)));
    }
    return names;
  }

  /** The parts of the rules in {@code text}, found in {@code code}, its {@link #codeOnly} form. */
  static RuleParts parts(String text, String code) {
    StringBuilder conditions = new StringBuilder();
    StringBuilder actions = new StringBuilder();
    Matcher when = WHEN.matcher(code);
    int from = 0;
    while (when.find(from)) {
      Matcher then = THEN.matcher(code);
      if (!then.find(when.end())) {
        break;
      }
      Matcher end = END.matcher(code);
      int endAt = end.find(then.end()) ? end.start() : code.length();
      conditions.append(text, when.end(), then.start()).append('\n');
      actions.append(text, then.end(), endAt).append('\n');
      from = endAt;
    }
    return new RuleParts(conditions.toString(), actions.toString());
  }

  /**
   * The text with string literals and comments blanked out (same length, same lines), so keywords
   * and names are found only in code.
   */
  static String codeOnly(String text) {
    char[] out = text.toCharArray();
    int i = 0;
    while (i < out.length) {
      char c = out[i];
      if (c == '"' || c == '\'') {
        int j = i + 1;
        while (j < out.length && out[j] != c && out[j] != '\n') {
          if (out[j] == '\\' && j + 1 < out.length) {
            out[j] = ' ';
            j++;
          }
          out[j] = ' ';
          j++;
        }
        i = j + 1;
      } else if (c == '/' && i + 1 < out.length && out[i + 1] == '/') {
        while (i < out.length && out[i] != '\n') {
          out[i++] = ' ';
        }
      } else if (c == '/' && i + 1 < out.length && out[i + 1] == '*') {
        while (i < out.length && !(out[i] == '*' && i + 1 < out.length && out[i + 1] == '/')) {
          if (out[i] != '\n') {
            out[i] = ' ';
          }
          i++;
        }
        if (i < out.length) {
          out[i] = ' ';
          if (i + 1 < out.length) {
            out[i + 1] = ' ';
          }
          i += 2;
        }
      } else {
        i++;
      }
    }
    return new String(out);
  }

  /** The line (from 1) of the first match of the pattern in the code, or 0 when none. */
  static int lineOf(String code, String regex) {
    Matcher m = Pattern.compile(regex).matcher(code);
    if (!m.find()) {
      return 0;
    }
    int line = 1;
    for (int i = 0; i < m.start(); i++) {
      if (code.charAt(i) == '\n') {
        line++;
      }
    }
    return line;
  }
}
