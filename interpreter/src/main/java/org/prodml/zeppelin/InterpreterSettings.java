package org.prodml.zeppelin;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

/**
 * The group as {@code interpreter-setting.json} declares it (the file Zeppelin reads from the
 * interpreter folder): each interpreter's name and class, which one is the default, and the
 * setting's properties with their defaults. The headless runner builds its group from the same
 * file, so it runs exactly the classes Zeppelin would.
 */
final class InterpreterSettings {
  static final String RESOURCE = "interpreter-setting.json";

  /**
   * One interpreter of the group, with the paragraph config Zeppelin merges into each of its
   * paragraphs ({@code checkEmpty}).
   */
  record Entry(
      String group, String name, String className, boolean isDefault, Map<String, Object> config) {
    Entry {
      config = Map.copyOf(config);
    }
  }

  private final List<Entry> entries;
  private final Map<String, String> defaults;

  private InterpreterSettings(List<Entry> entries, Map<String, String> defaults) {
    this.entries = List.copyOf(entries);
    this.defaults = Map.copyOf(defaults);
  }

  static InterpreterSettings load() {
    try (InputStream in =
        InterpreterSettings.class.getClassLoader().getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException(RESOURCE + " is not on the class path");
      }
      return parse(new ObjectMapper().readTree(in));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + RESOURCE + ": " + e.getMessage(), e);
    }
  }

  static InterpreterSettings parse(JsonNode root) {
    List<Entry> entries = new ArrayList<>();
    Map<String, String> defaults = new LinkedHashMap<>();
    for (JsonNode entry : root) {
      Map<String, Object> config = new LinkedHashMap<>();
      entry
          .path("config")
          .fields()
          .forEachRemaining(
              c ->
                  config.put(
                      c.getKey(),
                      c.getValue().isBoolean() ? c.getValue().asBoolean() : c.getValue().asText()));
      entries.add(
          new Entry(
              entry.path("group").asText(),
              entry.path("name").asText(),
              entry.path("className").asText(),
              entry.path("defaultInterpreter").asBoolean(false),
              config));
      entry
          .path("properties")
          .fields()
          .forEachRemaining(
              p -> {
                String value = p.getValue().path("defaultValue").asText("");
                if (!value.isEmpty()) { // an empty property is left unset, as Zeppelin does
                  defaults.put(p.getKey(), value);
                }
              });
    }
    return new InterpreterSettings(entries, defaults);
  }

  List<Entry> entries() {
    return entries;
  }

  Optional<Entry> entry(String group, String name) {
    return entries.stream()
        .filter(e -> e.group().equals(group) && e.name().equals(name))
        .findFirst();
  }

  Optional<Entry> defaultEntry(String group) {
    return entries.stream().filter(e -> e.group().equals(group) && e.isDefault()).findFirst();
  }

  /** The setting's properties with their declared defaults, then the given overrides. */
  Properties properties(Map<String, String> overrides) {
    Properties properties = new Properties();
    properties.putAll(defaults);
    properties.putAll(overrides);
    return properties;
  }
}
