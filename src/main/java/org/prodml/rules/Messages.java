package org.prodml.rules;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.prodml.facts.Evidence;
import org.prodml.text.Format;

/**
 * Fills a rule's explanation or remedy template with its evidence: {@code {subject}}, {@code {key}}
 * and {@code {key:%}} (a share shown as a percentage).
 */
public final class Messages {
  private static final Pattern PLACEHOLDER = Pattern.compile("\\{(\\w+)(:%)?}");

  private Messages() {}

  public static String fill(String template, Evidence evidence) {
    Matcher m = PLACEHOLDER.matcher(template);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      String key = m.group(1);
      Object value = key.equals("subject") ? evidence.subject() : evidence.values().get(key);
      String text;
      if (value == null && !evidence.values().containsKey(key) && !key.equals("subject")) {
        text = m.group(); // leave unknown placeholders visible: the rule is wrong, not the data
      } else if (m.group(2) != null && value instanceof Number n) {
        text = Format.percent(n.doubleValue());
      } else {
        text = Format.value(value);
      }
      m.appendReplacement(out, Matcher.quoteReplacement(text));
    }
    m.appendTail(out);
    return out.toString();
  }
}
