package org.prodml.zeppelin;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.zeppelin.interpreter.InterpreterContext;
import org.prodml.pipeline.StageException;
import org.prodml.render.Block;
import org.prodml.render.TableBlock;
import org.prodml.render.TextBlock;

/**
 * {@code %prodml.ask}: answers to the readiness questions, one {@code id: answer} per line (blank
 * lines and {@code #} comments are skipped). The whole paragraph is checked before any answer is
 * kept, so a typo on line 5 does not leave lines 1 to 4 half-applied.
 */
public final class AskInterpreter extends ProdmlGroupInterpreter {
  private static final Pattern ANSWER = Pattern.compile("\\s*([A-Za-z][A-Za-z0-9_.-]*)\\s*:(.*)");

  public AskInterpreter(Properties properties) {
    super(properties);
  }

  @Override
  List<Block> run(String body, InterpreterContext context, ProdmlSession session, NotePipeline note,
      ParagraphProgress progress) {
    Map<String, String> answers = parse(body);
    answers.forEach(note.state()::putAnswer);
    List<List<String>> rows = new ArrayList<>();
    answers.forEach((id, answer) -> rows.add(List.of(id, answer)));
    int total = note.state().answers().size();
    return List.of(
        new TextBlock("Recorded " + answers.size() + " answer" + (answers.size() == 1 ? "" : "s") + "; this note has "
            + total + " in all."),
        TableBlock.of("answers", List.of("question", "answer"), rows));
  }

  /** The answers by question id, in order; the error names the first bad line (1 = the body's first). */
  static Map<String, String> parse(String body) {
    Map<String, String> answers = new LinkedHashMap<>();
    Map<String, Integer> lineOf = new LinkedHashMap<>();
    String[] lines = body.split("\\R", -1);
    for (int i = 0; i < lines.length; i++) {
      String line = lines[i];
      int number = i + 1;
      if (line.isBlank() || line.strip().startsWith("#")) {
        continue;
      }
      Matcher m = ANSWER.matcher(line);
      if (!m.matches()) {
        throw new StageException("line " + number + ": expected 'id: answer' (e.g. 'DD-1: yes, the feed is versioned'), got '"
            + line.strip() + "'");
      }
      String id = m.group(1);
      String answer = m.group(2).strip();
      if (answer.isEmpty()) {
        throw new StageException("line " + number + ": the answer to '" + id + "' is empty");
      }
      Integer earlier = lineOf.put(id, number);
      if (earlier != null) {
        throw new StageException("line " + number + ": '" + id + "' is already answered on line " + earlier);
      }
      answers.put(id, answer);
    }
    if (answers.isEmpty()) {
      throw new StageException("write one answer per line as 'id: answer', e.g. 'DD-1: yes, the feed is versioned'");
    }
    return answers;
  }
}
