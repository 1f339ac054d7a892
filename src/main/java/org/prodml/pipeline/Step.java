package org.prodml.pipeline;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * One paragraph of a pipeline, as data: the stage, its parameters in the order written, and the
 * body. A command-line run is a list of steps, so it can be written out as a note that runs the
 * same stages with the same parameters.
 */
public record Step(String stage, Map<String, String> params, String body) {
  private static final Pattern PLAIN = Pattern.compile("[\\w./:@+-]*");

  public Step {
    params = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(params));
    body = body == null ? "" : body;
  }

  public static Step of(String stage, Map<String, String> params) {
    return new Step(stage, params, "");
  }

  public Params toParams() {
    return new Params(params, body);
  }

  /**
   * The paragraph text: {@code %prodml.<stage>(key=value, …)} and the body on the lines below. A
   * value with spaces, commas or quotes is quoted the way Zeppelin's paragraph parser reads it.
   */
  public String paragraphText() {
    StringBuilder text = new StringBuilder("%prodml.").append(stage);
    if (!params.isEmpty()) {
      text.append('(');
      boolean first = true;
      for (Map.Entry<String, String> e : params.entrySet()) {
        if (!first) {
          text.append(", ");
        }
        first = false;
        text.append(e.getKey()).append('=').append(quoted(e.getValue()));
      }
      text.append(')');
    }
    if (!body.isEmpty()) {
      text.append('\n').append(body);
    }
    return text.toString();
  }

  private static String quoted(String value) {
    if (PLAIN.matcher(value).matches() && !value.isEmpty()) {
      return value;
    }
    return '"' + value.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
  }
}
