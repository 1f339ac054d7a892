package org.prodml.readiness;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.prodml.rules.Topic;

/**
 * The readiness questions, read from YAML files (data, not code): every {@code *.yaml} directly in
 * a folder, by default {@value #DEFAULT_FOLDER}. Loading checks the whole catalog and reports every
 * problem at once, one line each naming the file, the line and the question: a missing field, an
 * unknown topic, kind or test, a duplicate id, or a test claimed by two questions (each test must
 * have one question, so its score rule binds exactly one answer).
 */
public final class QuestionCatalog {
  public static final String DEFAULT_FOLDER = "rules/questions";
  static final Set<String> KEYS =
      Set.of("id", "topic", "test", "kind", "choices", "unit", "text", "why", "course");
  private static final Pattern ID = Pattern.compile("[a-z][A-Za-z0-9]*(\\.[A-Za-z0-9]+)+");

  private final List<Question> questions;
  private final Map<String, Question> byId;
  private final Map<String, Question> byTest;

  private QuestionCatalog(List<Question> questions) {
    this.questions = List.copyOf(questions);
    Map<String, Question> ids = new LinkedHashMap<>();
    Map<String, Question> tests = new LinkedHashMap<>();
    for (Question q : questions) {
      ids.put(q.id(), q);
      if (q.claimsTest()) {
        tests.put(q.test(), q);
      }
    }
    this.byId = Collections.unmodifiableMap(ids);
    this.byTest = Collections.unmodifiableMap(tests);
  }

  /** The catalog in {@value #DEFAULT_FOLDER} below the working directory. */
  public static QuestionCatalog standard() {
    return load(Path.of(DEFAULT_FOLDER));
  }

  /**
   * Loads every {@code *.yaml} directly in the folder (or the file itself), in name order.
   *
   * @throws ReadinessInputException listing every problem found
   */
  public static QuestionCatalog load(Path folderOrFile) {
    List<Path> files = new ArrayList<>();
    if (Files.isRegularFile(folderOrFile)) {
      files.add(folderOrFile);
    } else if (Files.isDirectory(folderOrFile)) {
      try (Stream<Path> list = Files.list(folderOrFile)) {
        list.filter(
                p ->
                    p.getFileName().toString().endsWith(".yaml")
                        || p.getFileName().toString().endsWith(".yml"))
            .filter(Files::isRegularFile)
            .sorted()
            .forEach(files::add);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    } else {
      throw new ReadinessInputException(
          folderOrFile + ":0: no such question catalog (a folder of *.yaml files)");
    }
    if (files.isEmpty()) {
      throw new ReadinessInputException(
          folderOrFile + ":0: no question files (*.yaml) in this folder");
    }
    Map<String, String> texts = new LinkedHashMap<>();
    for (Path f : files) {
      try {
        texts.put(f.toString(), Files.readString(f, StandardCharsets.UTF_8));
      } catch (IOException e) {
        throw new ReadinessInputException(f + ":0: cannot read: " + e.getMessage());
      }
    }
    return parse(texts);
  }

  /**
   * Parses catalog texts by origin (a file name, used in errors).
   *
   * @throws ReadinessInputException listing every problem found
   */
  public static QuestionCatalog parse(Map<String, String> textsByOrigin) {
    List<String> errors = new ArrayList<>();
    List<Question> questions = new ArrayList<>();
    for (Map.Entry<String, String> e : textsByOrigin.entrySet()) {
      try {
        readFile(e.getKey(), e.getValue(), questions, errors);
      } catch (ReadinessInputException syntax) {
        errors.addAll(syntax.errors());
      }
    }
    Map<String, Question> seen = new LinkedHashMap<>();
    Map<String, Question> tests = new LinkedHashMap<>();
    for (Question q : questions) {
      Question first = seen.putIfAbsent(q.id(), q);
      if (first != null) {
        errors.add(
            q.origin()
                + ": question "
                + q.id()
                + ": duplicate id (first defined at "
                + first.origin()
                + ")");
      }
      if (q.claimsTest()) {
        Question other = tests.putIfAbsent(q.test(), q);
        if (other != null) {
          errors.add(
              q.origin()
                  + ": question "
                  + q.id()
                  + ": test "
                  + q.test()
                  + " is already claimed by "
                  + other.id()
                  + " ("
                  + other.origin()
                  + "); one question per test");
        }
      }
    }
    if (!errors.isEmpty()) {
      throw new ReadinessInputException(errors);
    }
    return new QuestionCatalog(questions);
  }

  private static void readFile(
      String origin, String text, List<Question> out, List<String> errors) {
    YamlTree.Node root = YamlTree.parse(text, origin);
    if (!(root instanceof YamlTree.Mapping map) || !map.entries().containsKey("questions")) {
      errors.add(origin + ":1: a question file is a mapping with a 'questions:' list");
      return;
    }
    if (!(map.entries().get("questions").value() instanceof YamlTree.Sequence list)) {
      errors.add(
          origin + ":" + map.entries().get("questions").line() + ": 'questions' must be a list");
      return;
    }
    for (YamlTree.Node item : list.items()) {
      if (!(item instanceof YamlTree.Mapping q)) {
        errors.add(
            origin
                + ":"
                + item.line()
                + ": each question is a mapping (id:, topic:, kind:, text:, why: …)");
        continue;
      }
      Question question = readQuestion(origin, q, errors);
      if (question != null) {
        out.add(question);
      }
    }
  }

  private static Question readQuestion(String origin, YamlTree.Mapping q, List<String> errors) {
    String where = origin + ":" + q.line();
    String id = scalar(q, "id");
    if (id == null || id.isBlank()) {
      errors.add(where + ": question without an id");
      return null;
    }
    String prefix = where + ": question " + id + ": ";
    int before = errors.size();
    if (!ID.matcher(id).matches()) {
      errors.add(prefix + "id must be dotted lower-camel words, like data.source.reliable");
    }
    for (String key : q.entries().keySet()) {
      if (!KEYS.contains(key)) {
        errors.add(
            origin
                + ":"
                + q.entries().get(key).line()
                + ": question "
                + id
                + ": unknown key '"
                + key
                + "'; use "
                + String.join(", ", KEYS.stream().sorted().toList()));
      }
    }
    for (String required : List.of("topic", "kind", "text", "why")) {
      String v = scalar(q, required);
      if (v == null || v.isBlank()) {
        errors.add(prefix + "lacks '" + required + "'");
      }
    }
    Topic topic = null;
    String topicText = scalar(q, "topic");
    if (topicText != null && !topicText.isBlank()) {
      try {
        topic = Topic.valueOf(topicText.strip().toUpperCase(Locale.ROOT));
      } catch (IllegalArgumentException e) {
        errors.add(
            prefix
                + "unknown topic '"
                + topicText
                + "'; use one of "
                + Arrays.toString(Topic.values()));
      }
    }
    AnswerKind kind = null;
    String kindText = scalar(q, "kind");
    if (kindText != null && !kindText.isBlank()) {
      kind = AnswerKind.parse(kindText).orElse(null);
      if (kind == null) {
        errors.add(
            prefix + "unknown answer kind '" + kindText + "'; use one of " + AnswerKind.labels());
      }
    }
    String test = "";
    String testText = scalar(q, "test");
    if (testText != null && !testText.isBlank() && !testText.strip().equalsIgnoreCase("none")) {
      Optional<MlTest> t = MlTest.byId(testText);
      if (t.isEmpty()) {
        errors.add(
            prefix
                + "unknown ML Test Score test '"
                + testText
                + "'; use Data 1 … Data 7, Model 1 … Model 7, "
                + "Infra 1 … Infra 7, Monitor 1 … Monitor 7, or none");
      } else {
        test = t.get().id();
        if (kind != null && kind != AnswerKind.PRACTICE) {
          errors.add(
              prefix
                  + "claims test "
                  + test
                  + " but is of kind "
                  + kind.label()
                  + "; only a practice question (yes-automated / yes-manual / no) can claim a test");
        }
      }
    }
    List<String> choices = new ArrayList<>();
    YamlTree.Entry choicesEntry = q.entries().get("choices");
    if (choicesEntry != null) {
      if (choicesEntry.value() instanceof YamlTree.Sequence seq) {
        seq.items().forEach(n -> choices.add(YamlTree.text(n)));
      } else {
        errors.add(
            origin + ":" + choicesEntry.line() + ": question " + id + ": 'choices' must be a list");
      }
    }
    if (kind == AnswerKind.CHOICE && choices.isEmpty()) {
      errors.add(prefix + "kind choice needs a 'choices:' list");
    }
    if (errors.size() > before) {
      return null;
    }
    return new Question(
        id,
        topic,
        test,
        kind,
        choices,
        scalar(q, "unit"),
        scalar(q, "text").strip(),
        scalar(q, "why").strip(),
        scalar(q, "course"),
        where);
  }

  private static String scalar(YamlTree.Mapping map, String key) {
    YamlTree.Entry e = map.entries().get(key);
    return e == null ? null : YamlTree.text(e.value());
  }

  /** Every question, in file order. */
  public List<Question> questions() {
    return questions;
  }

  public Optional<Question> question(String id) {
    return Optional.ofNullable(byId.get(id));
  }

  /** The question whose answer can claim the test ("Data 1"), if any. */
  public Optional<Question> questionForTest(String test) {
    return Optional.ofNullable(byTest.get(test));
  }

  /** The ML Test Score tests no question can claim (should be none). */
  public List<MlTest> unclaimedTests() {
    return Arrays.stream(MlTest.values()).filter(t -> !byTest.containsKey(t.id())).toList();
  }

  /** The id closest to a misspelt one (edit distance), for "did you mean" messages. */
  public String closestId(String id) {
    String best = null;
    int bestDistance = Integer.MAX_VALUE;
    for (String candidate : byId.keySet()) {
      int d = editDistance(id.toLowerCase(Locale.ROOT), candidate.toLowerCase(Locale.ROOT));
      if (d < bestDistance) {
        best = candidate;
        bestDistance = d;
      }
    }
    return best;
  }

  static int editDistance(String a, String b) {
    int[] previous = new int[b.length() + 1];
    int[] current = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      previous[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      current[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int substitute = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
        current[j] = Math.min(substitute, Math.min(previous[j] + 1, current[j - 1] + 1));
      }
      int[] swap = previous;
      previous = current;
      current = swap;
    }
    return previous[b.length()];
  }
}
