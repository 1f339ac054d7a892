package org.prodml.readiness;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A YAML document read as a small tree whose every node knows its line, so errors in the question
 * catalog and in answers files can point at the line to fix. Scalars keep the text as written: YAML
 * 1.1 reads a bare {@code no} as the boolean false, but an answer of "no" must stay "no".
 */
final class YamlTree {
  private static final YAMLFactory YAML = new YAMLFactory();

  private YamlTree() {}

  sealed interface Node permits Scalar, Sequence, Mapping {
    int line();
  }

  /** A scalar as written; {@code text} is null for a YAML null ({@code ~}, empty). */
  record Scalar(String text, int line) implements Node {}

  record Sequence(List<Node> items, int line) implements Node {}

  /** A mapping; each key keeps the line it is on. */
  record Mapping(Map<String, Entry> entries, int line) implements Node {}

  record Entry(String key, int line, Node value) {}

  /**
   * Parses the text.
   *
   * @return the root node, or null for an empty document
   * @throws ReadinessInputException naming {@code origin} and the line of a syntax error
   */
  static Node parse(String text, String origin) {
    try (JsonParser parser = YAML.createParser(text)) {
      JsonToken first = parser.nextToken();
      if (first == null) {
        return null;
      }
      return read(parser, first, origin);
    } catch (JsonProcessingException e) {
      int line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
      throw new ReadinessInputException(
          origin
              + ":"
              + line
              + ": not valid YAML: "
              + e.getOriginalMessage().strip().replaceAll("\\s*\\n\\s*", " "));
    } catch (IOException e) {
      throw new ReadinessInputException(origin + ":0: cannot read: " + e.getMessage());
    }
  }

  private static Node read(JsonParser parser, JsonToken token, String origin) throws IOException {
    int line = parser.currentTokenLocation().getLineNr();
    switch (token) {
      case START_OBJECT -> {
        Map<String, Entry> entries = new LinkedHashMap<>();
        JsonToken t;
        while ((t = parser.nextToken()) == JsonToken.FIELD_NAME) {
          String key = parser.currentName();
          int keyLine = parser.currentTokenLocation().getLineNr();
          Node value = read(parser, parser.nextToken(), origin);
          if (entries.containsKey(key)) {
            throw new ReadinessInputException(
                origin
                    + ":"
                    + keyLine
                    + ": '"
                    + key
                    + "' appears twice (first on line "
                    + entries.get(key).line()
                    + ")");
          }
          entries.put(key, new Entry(key, keyLine, value));
        }
        return new Mapping(entries, line);
      }
      case START_ARRAY -> {
        List<Node> items = new ArrayList<>();
        JsonToken t;
        while ((t = parser.nextToken()) != JsonToken.END_ARRAY) {
          items.add(read(parser, t, origin));
        }
        return new Sequence(items, line);
      }
      case VALUE_NULL -> {
        return new Scalar(null, line);
      }
      default -> {
        return new Scalar(parser.getText(), line);
      }
    }
  }

  /** The scalar's text, a sequence's scalars joined with ", ", or null. */
  static String text(Node node) {
    if (node instanceof Scalar s) {
      return s.text();
    }
    if (node instanceof Sequence seq) {
      List<String> parts = new ArrayList<>();
      for (Node item : seq.items()) {
        String t = text(item);
        if (t != null) {
          parts.add(t);
        }
      }
      return parts.isEmpty() ? "none" : String.join(", ", parts);
    }
    return null;
  }
}
