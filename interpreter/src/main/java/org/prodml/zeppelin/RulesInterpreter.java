package org.prodml.zeppelin;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.zeppelin.interpreter.InterpreterContext;
import org.prodml.pipeline.PipelineState;
import org.prodml.pipeline.StageException;
import org.prodml.render.Block;
import org.prodml.render.TableBlock;
import org.prodml.render.TextBlock;
import org.prodml.rules.RuleBase;
import org.prodml.rules.RuleFiles;
import org.prodml.rules.RuleMetadata;
import org.prodml.rules.RuleSource;

/**
 * {@code %prodml.rules}: the body is DRL that joins this note's rules, so later stages judge with
 * it. It is compiled together with the configured rule folders and the note's other rule
 * paragraphs, and only kept when that compiles. Errors read {@code paragraph <id>:<line>:
 * <message>}, the line counted from the first line of the body (the line after {@code
 * %prodml.rules}).
 */
public final class RulesInterpreter extends ProdmlGroupInterpreter {
  public RulesInterpreter(Properties properties) {
    super(properties);
  }

  @Override
  String paragraphStage() {
    return "rules";
  }

  @Override
  List<Block> run(
      String body,
      InterpreterContext context,
      ProdmlSession session,
      NotePipeline note,
      ParagraphProgress progress) {
    if (body.isBlank()) {
      throw new StageException(
          "write DRL in the paragraph: a package, imports from org.prodml.facts, and rule … end");
    }
    String origin = "paragraph " + context.getParagraphId();
    RuleSource source = new RuleSource(origin, body);
    PipelineState state = note.state();
    List<RuleSource> sources = new ArrayList<>(RuleFiles.load(session.config().ruleFolders()));
    for (RuleSource other : state.noteRules()) {
      if (!other.origin().equals(origin)) { // a re-run replaces this paragraph's earlier rules
        sources.add(other);
      }
    }
    sources.add(source);
    RuleBase rules = RuleBase.compile(sources);
    state.putNoteRules(source);

    List<List<String>> rows = new ArrayList<>();
    for (RuleMetadata rule : rules.rules()) {
      if (rule.origin().startsWith(origin + ":")) {
        rows.add(
            List.of(
                rule.id(),
                rule.severity().name(),
                rule.topic().name(),
                rule.stage().name(),
                rule.origin().substring(origin.length() + 1),
                rule.explanation()));
      }
    }
    return List.of(
        new TextBlock(
            "Added "
                + rows.size()
                + " rule"
                + (rows.size() == 1 ? "" : "s")
                + " to this note; it now judges with "
                + rules.rules().size()
                + " rules ("
                + state.noteRules().size()
                + " rule paragraph"
                + (state.noteRules().size() == 1 ? "" : "s")
                + " and the rule folders)."),
        TableBlock.of(
            "rules of this paragraph",
            List.of("rule", "severity", "topic", "stage", "line", "explanation"),
            rows));
  }

  @Override
  void moreCompletions(Map<String, String> candidates, ProdmlSession session, NotePipeline note) {
    for (String keyword :
        List.of("package", "import", "rule", "when", "then", "end", "insert", "not", "exists")) {
      candidates.put(keyword, "DRL");
    }
    for (String key : RuleMetadata.REQUIRED) {
      candidates.put("@" + key, "rule metadata");
    }
  }
}
