package org.prodml.data.scenario;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The files of one scenario, by path inside its folder ({@code data.csv}, {@code spans/…}, {@code
 * dataset.json}, {@code DATASHEET.md}), in the order they are written.
 */
public record ScenarioFolder(String name, Map<String, String> files) {
  public ScenarioFolder {
    files = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(files));
  }
}
