package org.prodml.stages;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.prodml.facts.MlTestScoreFact;
import org.prodml.pipeline.PipelineState;
import org.prodml.pipeline.StageException;
import org.prodml.readiness.Answers;
import org.prodml.readiness.MlTestScore;
import org.prodml.readiness.QuestionCatalog;
import org.prodml.readiness.ReadinessReport;

/**
 * The note's readiness: its answers (from %prodml.ask; exercise answers apart) against the question
 * catalog of the rule folders, and the ML Test Score as a fact exercises can ask for a band.
 */
final class NoteReadiness {
  static final String EXERCISE_PREFIX = "exercise.";

  private NoteReadiness() {}

  /** The question catalog: the {@code questions} folder of the first rule folder that has one. */
  static QuestionCatalog questions(PipelineState state) {
    for (Path folder : state.config().ruleFolders()) {
      Path questions = folder.resolve("questions");
      if (Files.isDirectory(questions)) {
        return QuestionCatalog.load(questions);
      }
    }
    throw new StageException("no readiness question catalog (questions/) in the rule folders " + state.config().ruleFolders());
  }

  /** The note's readiness answers (every catalog question, "unknown" where nobody answered). */
  static Answers answers(PipelineState state) {
    Map<String, String> readiness = new LinkedHashMap<>();
    state.answers().forEach((id, answer) -> {
      if (!id.startsWith(EXERCISE_PREFIX)) {
        readiness.put(id, answer);
      }
    });
    return Answers.of(readiness, Answers.NOTEBOOK, questions(state));
  }

  /** The score as one fact: section sums, final, band. */
  static MlTestScoreFact fact(ReadinessReport report) {
    MlTestScore score = report.mlTestScore();
    return new MlTestScoreFact(score.section("Data"), score.section("Model"), score.section("Infra"), score.section("Monitor"),
        score.finalScore(), score.band().range());
  }

  static List<Object> scoreFacts(ReadinessReport report) {
    return List.of(fact(report));
  }
}
