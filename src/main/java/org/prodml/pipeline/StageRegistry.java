package org.prodml.pipeline;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The stages by name, in curriculum order. */
public final class StageRegistry {
  private final Map<String, Stage> stages = new LinkedHashMap<>();

  public StageRegistry(List<Stage> stages) {
    for (Stage s : stages) {
      if (this.stages.put(s.name(), s) != null) {
        throw new IllegalArgumentException("two stages named " + s.name());
      }
    }
  }

  public Stage get(String name) {
    Stage s = stages.get(name);
    if (s == null) {
      throw new StageException(
          "unknown stage '" + name + "'; stages: " + String.join(", ", stages.keySet()));
    }
    return s;
  }

  public boolean has(String name) {
    return stages.containsKey(name);
  }

  public Map<String, Stage> all() {
    return Collections.unmodifiableMap(stages);
  }
}
