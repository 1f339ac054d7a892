package org.prodml.readiness;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.prodml.facts.AnswerFact;

/**
 * A team's answers to the readiness questions, checked against a {@link QuestionCatalog}.
 *
 * <p>An answers file ({@code answers.yaml}) maps question ids to answers; an answer is either the
 * answer itself or a mapping with {@code answer:} and optionally {@code evidence:} (where the
 * practice is written down) and {@code owner:} (who is responsible):
 *
 * <pre>
 * data.source.reliable: yes
 * features.pii: none
 * serving.skew.checked:
 *   answer: yes-manual
 *   evidence: monthly skew review, docs/skew.md
 *   owner: weather-ml team
 * </pre>
 *
 * A notebook's {@code %prodml.ask} paragraph holds the same as plain {@code id: answer} lines
 * ({@link #parseLines}). Errors name the file or "notebook" and the line: an unknown id (with the
 * closest known one), an answer the question does not allow, an id answered twice.
 *
 * <p>{@link #facts()} turns the answers into one {@link AnswerFact} per catalog question; a
 * question nobody answered becomes an "unknown" fact, so no rule can pass it silently.
 */
public final class Answers {
  /** Where answers typed into a notebook come from. */
  public static final String NOTEBOOK = "notebook";

  /** The source of the "unknown" fact of a question nobody answered. */
  public static final String UNANSWERED = "unanswered";

  /**
   * One checked answer.
   *
   * @param answer normalised: a practice or yes-no word, "given" for a value, or "unknown"
   * @param source the answers file, or {@value #NOTEBOOK}
   * @param line the line it was written on (0 when it came from a map)
   */
  public record Answer(
      String id,
      String answer,
      String value,
      List<String> values,
      double number,
      String owner,
      String evidence,
      String source,
      int line) {

    public Answer {
      values = List.copyOf(values);
      owner = owner == null ? "" : owner;
      evidence = evidence == null ? "" : evidence;
    }
  }

  private record Raw(String id, String answer, String owner, String evidence, int line) {}

  private final QuestionCatalog catalog;
  private final Map<String, Answer> byId;

  private Answers(QuestionCatalog catalog, Map<String, Answer> byId) {
    this.catalog = catalog;
    this.byId = byId;
  }

  /** No answers: every question is unknown. */
  public static Answers none(QuestionCatalog catalog) {
    return new Answers(catalog, new LinkedHashMap<>());
  }

  /**
   * Reads an answers file.
   *
   * @throws ReadinessInputException listing every problem, each as "file:line: …"
   */
  public static Answers read(Path file, QuestionCatalog catalog) {
    String text;
    if (Files.exists(file) && !Files.isRegularFile(file)) {
      throw new ReadinessInputException(
          file + ":0: is not a regular file (a folder, pipe or device); give an answers file");
    }
    try {
      text = Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new ReadinessInputException(file + ":0: cannot read answers file: " + e.getMessage());
    }
    return parse(text, file.toString(), catalog);
  }

  /**
   * Parses answers-file text; {@code origin} names it in errors and becomes each answer's source.
   *
   * @throws ReadinessInputException listing every problem found
   */
  public static Answers parse(String yaml, String origin, QuestionCatalog catalog) {
    YamlTree.Node root = YamlTree.parse(yaml, origin);
    List<Raw> raws = new ArrayList<>();
    List<String> errors = new ArrayList<>();
    if (root != null && !(root instanceof YamlTree.Mapping)) {
      throw new ReadinessInputException(
          origin
              + ":"
              + root.line()
              + ": an answers file maps question ids to answers (id: answer)");
    }
    if (root instanceof YamlTree.Mapping map) {
      for (YamlTree.Entry e : map.entries().values()) {
        if (e.value() instanceof YamlTree.Mapping detail) {
          for (YamlTree.Entry key : detail.entries().values()) {
            if (!List.of("answer", "evidence", "owner").contains(key.key())) {
              errors.add(
                  origin
                      + ":"
                      + key.line()
                      + ": "
                      + e.key()
                      + ": unknown key '"
                      + key.key()
                      + "'; an answer may have answer:, evidence: and owner:");
            }
          }
          raws.add(
              new Raw(
                  e.key(),
                  field(detail, "answer"),
                  field(detail, "owner"),
                  field(detail, "evidence"),
                  e.line()));
        } else {
          raws.add(new Raw(e.key(), YamlTree.text(e.value()), null, null, e.line()));
        }
      }
    }
    return check(raws, origin, origin, catalog, errors);
  }

  private static String field(YamlTree.Mapping map, String key) {
    YamlTree.Entry e = map.entries().get(key);
    return e == null ? null : YamlTree.text(e.value());
  }

  /**
   * Parses a notebook's {@code id: answer} lines against the standard catalog ({@link
   * QuestionCatalog#standard()}).
   */
  public static Answers parseLines(String body) {
    return parseLines(body, QuestionCatalog.standard());
  }

  /**
   * Parses {@code id: answer} lines, as typed in a notebook's {@code %prodml.ask} paragraph. Blank
   * lines and lines starting with {@code #} are skipped; text after " #" is a comment.
   *
   * @throws ReadinessInputException listing every problem, each as "notebook:line: …"
   */
  public static Answers parseLines(String body, QuestionCatalog catalog) {
    List<Raw> raws = new ArrayList<>();
    List<String> errors = new ArrayList<>();
    String[] lines = body == null ? new String[0] : body.split("\r?\n", -1);
    Map<String, Integer> firstLine = new LinkedHashMap<>();
    for (int i = 0; i < lines.length; i++) {
      int lineNr = i + 1;
      String line = lines[i].strip();
      int comment = line.indexOf(" #");
      if (comment >= 0) {
        line = line.substring(0, comment).strip();
      }
      if (line.isEmpty() || line.startsWith("#")) {
        continue;
      }
      int colon = line.indexOf(':');
      if (colon <= 0) {
        errors.add(
            NOTEBOOK + ":" + lineNr + ": expected 'question-id: answer', got '" + line + "'");
        continue;
      }
      String id = line.substring(0, colon).strip();
      Integer earlier = firstLine.putIfAbsent(id, lineNr);
      if (earlier != null) {
        errors.add(
            NOTEBOOK
                + ":"
                + lineNr
                + ": "
                + id
                + " is answered twice (first on line "
                + earlier
                + ")");
        continue;
      }
      raws.add(new Raw(id, line.substring(colon + 1).strip(), null, null, lineNr));
    }
    return check(raws, NOTEBOOK, NOTEBOOK, catalog, errors);
  }

  /**
   * Answers kept as id → answer text (a notebook's {@code PipelineState.answers()}), checked
   * against the catalog.
   */
  public static Answers of(Map<String, String> answers, String source, QuestionCatalog catalog) {
    List<Raw> raws = new ArrayList<>();
    answers.forEach((id, answer) -> raws.add(new Raw(id, answer, null, null, 0)));
    return check(raws, source, source, catalog, new ArrayList<>());
  }

  private static Answers check(
      List<Raw> raws, String origin, String source, QuestionCatalog catalog, List<String> errors) {
    Map<String, Answer> byId = new LinkedHashMap<>();
    for (Raw raw : raws) {
      String where = origin + ":" + raw.line() + ": ";
      Optional<Question> question = catalog.question(raw.id());
      if (question.isEmpty()) {
        errors.add(
            where
                + "unknown question '"
                + raw.id()
                + "'; did you mean '"
                + catalog.closestId(raw.id())
                + "'?");
        continue;
      }
      Question q = question.get();
      Optional<AnswerKind.Normalised> normalised = q.kind().normalise(raw.answer(), q.choices());
      if (normalised.isEmpty()) {
        String given =
            raw.answer() == null || raw.answer().isBlank() ? "no answer" : "'" + raw.answer() + "'";
        String hint =
            q.kind() == AnswerKind.PRACTICE
                    && "yes".equalsIgnoreCase(String.valueOf(raw.answer()).strip())
                ? " (say whether it is automated or manual)"
                : "";
        errors.add(
            where
                + q.id()
                + ": "
                + given
                + " is not an answer to this "
                + q.kind().label()
                + " question; use "
                + q.kind().allowed(q.choices())
                + hint);
        continue;
      }
      AnswerKind.Normalised n = normalised.get();
      byId.put(
          q.id(),
          new Answer(
              q.id(),
              n.answer(),
              n.value(),
              n.values(),
              n.number(),
              raw.owner(),
              raw.evidence(),
              source,
              raw.line()));
    }
    if (!errors.isEmpty()) {
      throw new ReadinessInputException(errors);
    }
    return new Answers(catalog, byId);
  }

  /** These answers with {@code later}'s answers replacing them question by question. */
  public Answers overriddenBy(Answers later) {
    Map<String, Answer> merged = new LinkedHashMap<>(byId);
    merged.putAll(later.byId);
    return new Answers(catalog, merged);
  }

  public QuestionCatalog catalog() {
    return catalog;
  }

  /** The answers given, in the order written. */
  public Collection<Answer> given() {
    return byId.values();
  }

  public Optional<Answer> answer(String id) {
    return Optional.ofNullable(byId.get(id));
  }

  /** One fact per catalog question: the answer given, or "unknown" (source "unanswered"). */
  public List<AnswerFact> facts() {
    List<AnswerFact> facts = new ArrayList<>();
    for (Question q : catalog.questions()) {
      Answer a = byId.get(q.id());
      if (a == null) {
        facts.add(
            new AnswerFact(
                q.id(),
                q.topic().name(),
                q.test(),
                AnswerKind.UNKNOWN,
                "",
                List.of(),
                Double.NaN,
                "",
                "",
                UNANSWERED));
      } else {
        facts.add(
            new AnswerFact(
                q.id(),
                q.topic().name(),
                q.test(),
                a.answer(),
                a.value(),
                a.values(),
                a.number(),
                a.owner(),
                a.evidence(),
                a.source()));
      }
    }
    return facts;
  }
}
