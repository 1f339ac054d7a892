package org.prodml.transform;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One declared transformation of one column (or, for a cross, of several), with its options and
 * where it runs. Written one per line in a plan:
 *
 * <pre>
 * standardize temp_max, temp_min
 * clip precipitation max=40
 * bucketize wind buckets=4
 * onehot origin top=20
 * cross origin, destination buckets=128
 * fill Horsepower with=median placement=in-model
 * timepart date part=hour
 * </pre>
 *
 * Columns are separated by commas (a single column may contain spaces); options are trailing {@code
 * key=value} words.
 */
public record TransformSpec(
    TransformKind kind, List<String> columns, Map<String, String> options, Placement placement) {

  private static final Pattern OPTION = Pattern.compile("\\s+([A-Za-z]+)=(\\S+)\\s*$");

  public TransformSpec {
    columns = List.copyOf(columns);
    options = Map.copyOf(options);
  }

  public static TransformSpec of(
      TransformKind kind, String column, Placement placement, String... options) {
    Map<String, String> opts = new LinkedHashMap<>();
    for (int i = 0; i + 1 < options.length; i += 2) {
      opts.put(options[i], options[i + 1]);
    }
    return new TransformSpec(kind, List.of(column), opts, placement);
  }

  public boolean stateful() {
    return kind.stateful(options);
  }

  /** The column, or for a cross the columns joined with "×". */
  public String column() {
    return String.join("×", columns);
  }

  public String option(String key, String fallback) {
    return options.getOrDefault(key, fallback);
  }

  public int intOption(String key, int fallback) {
    String v = options.get(key);
    if (v == null) {
      return fallback;
    }
    try {
      int n = Integer.parseInt(v);
      if (n < 1) {
        throw new NumberFormatException();
      }
      return n;
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(
          kind.keyword()
              + " "
              + column()
              + ": "
              + key
              + " must be a positive whole number, not '"
              + v
              + "'");
    }
  }

  public Double doubleOption(String key) {
    String v = options.get(key);
    if (v == null) {
      return null;
    }
    try {
      return Double.parseDouble(v);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(
          kind.keyword() + " " + column() + ": " + key + " must be a number, not '" + v + "'");
    }
  }

  /** Whether the encoded output is one code column (as=index) rather than indicators. */
  public boolean asIndex() {
    return "index".equalsIgnoreCase(options.getOrDefault("as", "onehot"));
  }

  /**
   * The one column this step writes when its name is known before fitting (a time part, a code
   * column), so a later line can transform it further; null otherwise (one-hot names depend on the
   * fitted vocabulary).
   */
  public String derivedColumn() {
    return switch (kind) {
      case TIME_PART ->
          columns.get(0) + "." + option("part", "hour").toLowerCase(java.util.Locale.ROOT);
      case BUCKETIZE -> asIndex() ? columns.get(0) + "_bucket" : null;
      case HASH, CROSS -> asIndex() ? column() + "#" : null;
      default -> null;
    };
  }

  /** The line that declares it. */
  public String describe() {
    StringBuilder b =
        new StringBuilder(kind.keyword()).append(' ').append(String.join(", ", columns));
    options.forEach((k, v) -> b.append(' ').append(k).append('=').append(v));
    return b.toString();
  }

  /**
   * The specs one plan line declares: one per column, except a cross, which takes them all.
   *
   * @param known the columns of the data, to tell a name with spaces from several names
   * @throws IllegalArgumentException naming what is wrong in the line
   */
  public static List<TransformSpec> parseLine(
      String line, Collection<String> known, Placement defaultPlacement) {
    String text = line.strip();
    int space = text.indexOf(' ');
    if (space < 0) {
      throw new IllegalArgumentException(
          "'" + text + "' names no column; write e.g. 'standardize temp_max'");
    }
    TransformKind kind = TransformKind.parse(text.substring(0, space));
    String rest = " " + text.substring(space + 1).strip();
    Map<String, String> options = new LinkedHashMap<>();
    Matcher m = OPTION.matcher(rest);
    while (m.find()) {
      options.put(m.group(1), m.group(2));
      rest = rest.substring(0, m.start());
      m = OPTION.matcher(rest);
    }
    // Options were read from the end backwards; keep the written order.
    Map<String, String> ordered = new LinkedHashMap<>();
    List<String> keys = new ArrayList<>(options.keySet());
    java.util.Collections.reverse(keys);
    keys.forEach(k -> ordered.put(k, options.get(k)));
    Placement placement = defaultPlacement;
    if (ordered.containsKey("placement")) {
      placement = Placement.parse(ordered.remove("placement"));
    }
    List<String> columns = columns(rest.strip(), known);
    if (columns.isEmpty()) {
      throw new IllegalArgumentException("'" + text + "' names no column");
    }
    for (String c : columns) {
      if (!known.contains(c)) {
        throw new IllegalArgumentException(
            kind.keyword() + ": no column '" + c + "'; the data has " + String.join(", ", known));
      }
    }
    if (kind == TransformKind.CROSS) {
      if (columns.size() < 2) {
        throw new IllegalArgumentException(
            "cross needs two or more columns, e.g. 'cross origin, destination'");
      }
      return List.of(new TransformSpec(kind, columns, ordered, placement));
    }
    List<TransformSpec> specs = new ArrayList<>();
    for (String c : columns) {
      specs.add(new TransformSpec(kind, List.of(c), ordered, placement));
    }
    return specs;
  }

  private static List<String> columns(String text, Collection<String> known) {
    List<String> columns = new ArrayList<>();
    if (text.isEmpty()) {
      return columns;
    }
    if (text.contains(",")) {
      for (String part : text.split(",")) {
        if (!part.isBlank()) {
          columns.add(part.strip());
        }
      }
      return columns;
    }
    if (known.contains(text)) {
      columns.add(text);
      return columns;
    }
    for (String part : text.split("\\s+")) {
      columns.add(part);
    }
    return columns;
  }
}
