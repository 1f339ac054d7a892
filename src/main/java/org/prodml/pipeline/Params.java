package org.prodml.pipeline;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * A stage's parameters: the paragraph's local properties ({@code %prodml.train(model=forest,
 * trees=50)}) and its body, with typed accessors whose errors name the parameter.
 */
public final class Params {
  private final Map<String, String> values;
  private final String body;

  public Params(Map<String, String> values, String body) {
    this.values = new LinkedHashMap<>(values);
    this.body = body == null ? "" : body;
  }

  public static Params of(Map<String, String> values) {
    return new Params(values, "");
  }

  public static Params none() {
    return new Params(Map.of(), "");
  }

  public String body() {
    return body;
  }

  public Set<String> keys() {
    return values.keySet();
  }

  public boolean has(String key) {
    String v = values.get(key);
    return v != null && !v.isBlank();
  }

  public String string(String key, String fallback) {
    String v = values.get(key);
    return v == null || v.isBlank() ? fallback : v.strip();
  }

  /** A required parameter; the error says how to give it. */
  public String require(String key, String stage) {
    String v = string(key, null);
    if (v == null) {
      throw new StageException(
          "missing parameter '" + key + "': write %prodml." + stage + "(" + key + "=…)");
    }
    return v;
  }

  public int integer(String key, int fallback) {
    String v = string(key, null);
    if (v == null) {
      return fallback;
    }
    try {
      return Integer.parseInt(v);
    } catch (NumberFormatException e) {
      throw new StageException("parameter '" + key + "' must be a whole number, not '" + v + "'");
    }
  }

  public long longValue(String key, long fallback) {
    String v = string(key, null);
    if (v == null) {
      return fallback;
    }
    try {
      return Long.parseLong(v);
    } catch (NumberFormatException e) {
      throw new StageException("parameter '" + key + "' must be a whole number, not '" + v + "'");
    }
  }

  public double decimal(String key, double fallback) {
    String v = string(key, null);
    if (v == null) {
      return fallback;
    }
    try {
      double d = Double.parseDouble(v);
      if (Double.isNaN(d) || Double.isInfinite(d)) {
        throw new NumberFormatException();
      }
      return d;
    } catch (NumberFormatException e) {
      throw new StageException("parameter '" + key + "' must be a number, not '" + v + "'");
    }
  }

  public boolean bool(String key, boolean fallback) {
    String v = string(key, null);
    if (v == null) {
      return fallback;
    }
    return switch (v.toLowerCase(Locale.ROOT)) {
      case "true", "yes", "1", "on" -> true;
      case "false", "no", "0", "off" -> false;
      default ->
          throw new StageException(
              "parameter '" + key + "' must be true or false, not '" + v + "'");
    };
  }

  /** A comma- or space-separated list; empty when absent. */
  public List<String> list(String key) {
    String v = string(key, null);
    if (v == null) {
      return List.of();
    }
    List<String> items = new ArrayList<>();
    for (String part : v.split("[,;\\s]+")) {
      if (!part.isBlank()) {
        items.add(part.strip());
      }
    }
    return items;
  }

  /** One of the allowed values (case-insensitive), or the fallback. */
  public String choice(String key, String fallback, Collection<String> allowed) {
    String v = string(key, fallback);
    if (v == null) {
      return null;
    }
    for (String a : allowed) {
      if (a.equalsIgnoreCase(v)) {
        return a;
      }
    }
    throw new StageException(
        "parameter '"
            + key
            + "' must be one of "
            + String.join(", ", allowed)
            + ", not '"
            + v
            + "'");
  }

  /** Rejects parameters the stage does not know, suggesting the closest known one. */
  public void checkKnown(String stage, Set<String> known) {
    for (String key : values.keySet()) {
      if (!known.contains(key)) {
        String closest =
            known.stream().min((a, b) -> distance(key, a) - distance(key, b)).orElse(null);
        String hint =
            closest != null && distance(key, closest) <= 2
                ? "; did you mean '" + closest + "'?"
                : "";
        throw new StageException(
            "%prodml."
                + stage
                + " has no parameter '"
                + key
                + "'"
                + hint
                + " (it takes "
                + (known.isEmpty() ? "none" : String.join(", ", new TreeSet<>(known)))
                + ")");
      }
    }
  }

  private static int distance(String a, String b) {
    int[] prev = new int[b.length() + 1];
    int[] cur = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      prev[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      cur[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
      }
      int[] t = prev;
      prev = cur;
      cur = t;
    }
    return prev[b.length()];
  }

  @Override
  public String toString() {
    return values + (body.isEmpty() ? "" : " + body");
  }

  /** Known keys, for a stage's declaration. */
  public static Set<String> keys(String... keys) {
    return Set.copyOf(Arrays.asList(keys));
  }
}
