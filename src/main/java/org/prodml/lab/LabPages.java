package org.prodml.lab;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.output.StringOutput;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.prodml.course.Course;
import org.prodml.course.CourseNote;
import org.prodml.course.Exercise;
import org.prodml.course.ExerciseProgress;
import org.prodml.course.ExerciseProgress.ExerciseState;
import org.prodml.note.NoteResults;

/**
 * What the lab's pages show, built from the workspace's notes and the learner's progress, and
 * rendered by the jte templates in {@code src/main/jte/lab/} (compiled at build time, escaping
 * every value).
 */
public final class LabPages {
  private static final TemplateEngine ENGINE = TemplateEngine.createPrecompiled(ContentType.Html);
  private static final Pattern CHECK =
      Pattern.compile("^\\s*%prodml\\.check\\b[^\\n]*?\\bexercise\\s*=\\s*\"?([\\w.-]+)");

  private LabPages() {}

  /** The home page: every note with its objective and the learner's progress. */
  public record Home(
      String workspace,
      String learner,
      int passed,
      int exercises,
      String csrf,
      List<NoteCard> notes) {}

  /** A note on the home page. */
  public record NoteCard(
      String id,
      String name,
      String objective,
      String kind,
      int exercises,
      int passed,
      int attempts) {}

  /** A note's page. */
  public record Note(
      String id,
      String name,
      String objective,
      boolean restorable,
      String csrf,
      List<Paragraph> paragraphs) {}

  /**
   * A paragraph on the note page.
   *
   * @param markdown whether it is a {@code %md} paragraph (shown rendered, its editor folded)
   * @param results its latest results as HTML
   */
  public record Paragraph(
      String id,
      String title,
      String text,
      boolean markdown,
      String status,
      String results,
      List<Form> forms,
      Optional<ExerciseView> exercise) {}

  /** A drop-down a paragraph's interpreter offered (a Zeppelin select form). */
  public record Form(String name, List<String> options, String value) {}

  /**
   * An exercise's panel at its check paragraph, from the persistent progress.
   *
   * @param hint the hint revealed last, while the exercise is not passed ("" before any)
   * @param solutionOpen whether "show solution" may open it: after a pass or enough attempts
   */
  public record ExerciseView(
      String id,
      String title,
      String verifies,
      String verdict,
      int attempts,
      int hintsRevealed,
      int hints,
      String hint,
      boolean solutionOpen,
      int solutionAfter) {}

  static String home(LabNotes notes, ExerciseProgress progress, String csrf) {
    Map<String, ExerciseState> states = progress.all();
    List<NoteCard> cards = new ArrayList<>();
    int passed = 0;
    int total = 0;
    for (LabNotes.Entry entry : notes.list()) {
      Optional<CourseNote> course = entry.course();
      int exercises = course.map(n -> n.exercises().size()).orElse(0);
      int notePassed = 0;
      int attempts = 0;
      for (Exercise e : course.map(CourseNote::exercises).orElse(List.of())) {
        ExerciseState s = states.get(e.id());
        if (s != null) {
          attempts += s.attempts();
          notePassed += s.verdict().equals("PASS") ? 1 : 0;
        }
      }
      passed += notePassed;
      total += exercises;
      cards.add(
          new NoteCard(
              entry.id(),
              entry.name(),
              course.map(CourseNote::objective).orElse(""),
              course.isPresent() ? "course" : entry.original().isPresent() ? "demo" : "yours",
              exercises,
              notePassed,
              attempts));
    }
    Home home =
        new Home(
            notes.workspace().dir().toString(),
            notes.workspace().learner(),
            passed,
            total,
            csrf,
            cards);
    return render("lab/home.jte", home);
  }

  static String note(
      LabNotes.Entry entry,
      ObjectNode note,
      Map<String, String> statuses,
      Course course,
      ExerciseProgress progress,
      String csrf) {
    List<Paragraph> paragraphs = new ArrayList<>();
    for (JsonNode p : note.path("paragraphs")) {
      String id = p.path("id").asText("");
      paragraphs.add(paragraph(p, statuses.getOrDefault(id, status(p)), course, progress));
    }
    return render(
        "lab/note.jte",
        new Note(
            entry.id(),
            entry.name(),
            entry.course().map(CourseNote::objective).orElse(""),
            entry.original().isPresent(),
            csrf,
            paragraphs));
  }

  static Paragraph paragraph(JsonNode p, String status, Course course, ExerciseProgress progress) {
    String text = p.path("text").asText("");
    return new Paragraph(
        p.path("id").asText(""),
        p.path("title").asText(""),
        text,
        text.stripLeading().startsWith("%md"),
        status,
        NoteResults.html(p),
        forms(p.path("settings")),
        exercise(text, course, progress));
  }

  /** The status a saved paragraph shows before the lab runs it. */
  static String status(JsonNode p) {
    return p.has("results") ? p.path("status").asText("FINISHED") : "READY";
  }

  static String exerciseHtml(ExerciseView view) {
    return render("lab/exercise.jte", view);
  }

  static String formsHtml(List<Form> forms) {
    return render("lab/forms.jte", forms);
  }

  /** The exercise a check paragraph checks, with the learner's progress on it. */
  static Optional<ExerciseView> exercise(String text, Course course, ExerciseProgress progress) {
    Optional<String> id = checkedExercise(text);
    if (id.isEmpty()) {
      return Optional.empty();
    }
    Optional<Exercise> exercise = course.exercises().find(id.get());
    if (exercise.isEmpty()) {
      return Optional.empty();
    }
    Exercise e = exercise.get();
    Optional<ExerciseState> state = progress.of(e.id());
    List<Integer> revealed = state.map(ExerciseState::hintsRevealed).orElse(List.of());
    String hint = "";
    if (!revealed.isEmpty() && state.get().verdict().equals("FAIL")) {
      int last = revealed.get(revealed.size() - 1);
      // Unnumbered: the check's card numbers hints among those that help with its failure.
      hint = "Latest hint: " + e.hints().get(last).text();
    }
    return Optional.of(
        new ExerciseView(
            e.id(),
            e.title(),
            e.verifies() == null ? "" : e.verifies(),
            state.map(ExerciseState::verdict).orElse(""),
            state.map(ExerciseState::attempts).orElse(0),
            revealed.size(),
            e.hints().size(),
            hint,
            solutionOpen(e, state),
            e.solutionAfter()));
  }

  /** The exercise a paragraph's text checks, when it is a {@code %prodml.check} paragraph. */
  static Optional<String> checkedExercise(String text) {
    Matcher m = CHECK.matcher(text);
    return m.find() ? Optional.of(m.group(1)) : Optional.empty();
  }

  /** A solution opens after a pass, or after as many attempts as the exercise says. */
  static boolean solutionOpen(Exercise exercise, Optional<ExerciseState> state) {
    return state.map(s -> s.passed() || s.attempts() >= exercise.solutionAfter()).orElse(false);
  }

  /** The select forms of a paragraph's Zeppelin settings, with their chosen values. */
  static List<Form> forms(JsonNode settings) {
    List<Form> forms = new ArrayList<>();
    settings
        .path("forms")
        .fields()
        .forEachRemaining(
            f -> {
              JsonNode form = f.getValue();
              if (!form.path("type")
                  .asText("")
                  .equalsIgnoreCase("select")) { // Zeppelin writes "Select"
                return;
              }
              List<String> options = new ArrayList<>();
              form.path("options").forEach(o -> options.add(o.path("value").asText("")));
              String value =
                  settings
                      .path("params")
                      .path(f.getKey())
                      .asText(form.path("defaultValue").asText(""));
              forms.add(new Form(f.getKey(), options, value));
            });
    return forms;
  }

  private static String render(String template, Object model) {
    StringOutput out = new StringOutput();
    ENGINE.render(template, model, out);
    return out.toString();
  }
}
