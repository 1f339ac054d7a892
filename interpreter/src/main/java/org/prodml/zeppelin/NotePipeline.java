package org.prodml.zeppelin;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.prodml.pipeline.PipelineState;
import org.prodml.rules.Finding;

/**
 * One note's pipeline as the interpreter group sees it: the library's {@link PipelineState}, plus
 * the findings each stage raised on its latest run (the state keeps facts, not findings), so {@code
 * %prodml show findings} can list them.
 */
final class NotePipeline {
  private final String noteId;
  private final PipelineState state;
  private final Map<String, List<Finding>> findingsByStage = new LinkedHashMap<>();

  NotePipeline(String noteId, PipelineState state) {
    this.noteId = noteId;
    this.state = state;
  }

  String noteId() {
    return noteId;
  }

  PipelineState state() {
    return state;
  }

  /** Replaces the stage's findings: re-running a paragraph never duplicates them. */
  synchronized void recordFindings(String stage, List<Finding> findings) {
    findingsByStage.remove(stage); // re-inserted last: the order is the order stages last ran
    findingsByStage.put(stage, List.copyOf(findings));
  }

  synchronized List<Finding> findings() {
    List<Finding> all = new ArrayList<>();
    findingsByStage.values().forEach(all::addAll);
    return all;
  }
}
