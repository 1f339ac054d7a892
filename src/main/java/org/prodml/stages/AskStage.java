package org.prodml.stages;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.prodml.course.Exercise;
import org.prodml.course.ExerciseCatalog;
import org.prodml.pipeline.Parameter;
import org.prodml.pipeline.Params;
import org.prodml.pipeline.PipelineState;
import org.prodml.pipeline.Stage;
import org.prodml.pipeline.StageException;
import org.prodml.pipeline.StageResult;
import org.prodml.readiness.Answers;
import org.prodml.readiness.QuestionCatalog;
import org.prodml.readiness.ReadinessInputException;
import org.prodml.render.TableBlock;
import org.prodml.work.Work;

/**
 * Records answers, one {@code id: answer} per line: readiness questions (checked against the
 * question catalog: a typo gets the closest id) and exercise questions ({@code exercise.<id>: …},
 * read for the option they name; the check judges an answer that names none). The whole paragraph
 * is checked before any answer is kept, and every error names its line.
 */
public final class AskStage implements Stage {
  @Override
  public String name() {
    return "ask";
  }

  @Override
  public String summary() {
    return "answer readiness questions (and exercise questions), one 'id: answer' per line";
  }

  @Override
  public List<Parameter> parameters() {
    return List.of(
        Parameter.of(
            "answers",
            "an answers file (YAML, 'question-id: answer' with optional evidence); the body's answers override it"));
  }

  @Override
  public StageResult run(PipelineState state, Params params, Work work) {
    if (params.has("answers")) {
      String file = params.string("answers", null);
      Answers fromFile =
          StageSupport.library(
              () -> Answers.read(state.resolve(file), StageSupport.questions(state)));
      state.put(StageKeys.ANSWERS_FILE, fromFile);
      if (params.body().isBlank()) {
        return recorded(
            state, List.of(), "Read " + fromFile.given().size() + " answers from " + file);
      }
    }
    String[] lines = params.body().split("\\R", -1);
    StringBuilder readinessLines = new StringBuilder();
    Map<String, String> exerciseAnswers = new LinkedHashMap<>();
    List<String> errors = new ArrayList<>();
    for (int i = 0; i < lines.length; i++) {
      String line = lines[i].strip();
      if (line.startsWith(StageSupport.EXERCISE_PREFIX)) {
        readinessLines.append('\n'); // keep the line numbers of the readiness answers
        exerciseAnswer(state, line, i + 1, exerciseAnswers, errors);
      } else {
        readinessLines.append(lines[i]).append('\n');
      }
    }
    QuestionCatalog catalog = StageSupport.questions(state);
    Answers answers;
    try {
      answers = Answers.parseLines(readinessLines.toString(), catalog);
    } catch (ReadinessInputException e) {
      errors.addAll(0, e.errors());
      answers = null;
    }
    if (!errors.isEmpty()) {
      List<String> sorted =
          errors.stream()
              .map(s -> s.replace("notebook:", "line "))
              .sorted(AskStage::byLine)
              .toList();
      throw new StageException(String.join("\n", sorted)); // shown: the first (and N more)
    }
    if (answers.given().isEmpty() && exerciseAnswers.isEmpty()) {
      throw new StageException(
          "write one answer per line as 'id: answer', e.g. 'data.source.reliable: yes-manual'");
    }
    List<List<String>> rows = new ArrayList<>();
    Map<String, String> given = new LinkedHashMap<>();
    for (Answers.Answer a : answers.given()) {
      String text = lines[a.line() - 1].strip();
      given.put(a.id(), text.substring(text.indexOf(':') + 1).replaceAll("\\s+#.*$", "").strip());
      rows.add(
          List.of(
              a.id(),
              a.answer()
                  + (a.value().isEmpty() || a.value().equals(a.answer())
                      ? ""
                      : " (" + a.value() + ")"),
              catalog.question(a.id()).map(q -> q.text()).orElse("")));
    }
    exerciseAnswers.forEach(
        (id, answer) -> {
          given.put(id, answer);
          rows.add(List.of(id, answer, "exercise answer"));
        });
    // A re-run paragraph replaces its own earlier answers, so a deleted line is no longer an
    // answer.
    state.replaceAnswers(state.runningParagraph(), given);
    return recorded(
        state, rows, "Recorded " + rows.size() + " answer" + (rows.size() == 1 ? "" : "s"));
  }

  /** What the paragraph recorded, and how many questions are still unknown. */
  private static StageResult recorded(PipelineState state, List<List<String>> rows, String what) {
    long unknown =
        StageSupport.answers(state).facts().stream()
            .filter(f -> f.answer().equals("unknown"))
            .count();
    return StageResult.builder()
        .text(
            what
                + "; "
                + unknown
                + " readiness question"
                + (unknown == 1 ? " is" : "s are")
                + " still unknown.")
        .table(TableBlock.of("answers", List.of("question", "answer", "text"), rows))
        .build();
  }

  private static int byLine(String a, String b) {
    return Integer.compare(lineOf(a), lineOf(b));
  }

  private static int lineOf(String error) {
    java.util.regex.Matcher m = java.util.regex.Pattern.compile("^line (\\d+)").matcher(error);
    return m.find() ? Integer.parseInt(m.group(1)) : 0;
  }

  private static void exerciseAnswer(
      PipelineState state, String line, int number, Map<String, String> into, List<String> errors) {
    int colon = line.indexOf(':');
    String id = colon < 0 ? line : line.substring(0, colon).strip();
    String answer = colon < 0 ? "" : line.substring(colon + 1).replaceAll("\\s+#.*$", "").strip();
    ExerciseCatalog exercises = StageSupport.exercises(state);
    String exerciseId = id.substring(StageSupport.EXERCISE_PREFIX.length());
    Exercise exercise = exercises.find(exerciseId).orElse(null);
    if (exercise == null) {
      errors.add("line " + number + ": no exercise '" + exerciseId + "'");
    } else if (answer.isEmpty()) {
      errors.add("line " + number + ": the answer to '" + id + "' is empty");
    } else if (exercise.choice() != null) {
      // Read on intent ("Dynamic training." is dynamic); an answer naming no option, or several,
      // is kept as written, and the check says what is wrong with it.
      into.put(id, exercise.choice().option(answer).orElse(answer));
    } else {
      into.put(id, answer.toLowerCase(Locale.ROOT));
    }
  }
}
