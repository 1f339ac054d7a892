package org.prodml.zeppelin;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.zeppelin.interpreter.InterpreterContext;
import org.prodml.pipeline.Pipeline;
import org.prodml.pipeline.PipelineState;
import org.prodml.pipeline.StageException;
import org.prodml.pipeline.StageRegistry;
import org.prodml.pipeline.StageRun;
import org.prodml.profile.DatasetProfile;
import org.prodml.render.Block;
import org.prodml.render.TableBlock;
import org.prodml.render.Tables;
import org.prodml.render.TextBlock;
import org.prodml.rules.RuleMetadata;
import tech.tablesaw.api.Table;

/**
 * {@code %prodml}, the group's default interpreter: {@code help}, {@code status} of the note's
 * pipeline, and {@code show} of a table, a profile, the findings or the rules. It owns the session
 * the other interpreters of the group share (they find it by class name in their Zeppelin session).
 */
public final class ProdmlInterpreter extends ProdmlGroupInterpreter {
  static final String COMMANDS =
      "help, help <stage>, status, show <table>, show profile [<table>], show findings, show rules";

  private final ProdmlSession ownSession;

  public ProdmlInterpreter(Properties properties) {
    this(properties, ProdmlSettings.registry(properties));
  }

  /** With other stages than the library's (tests register a slow one to cancel). */
  ProdmlInterpreter(Properties properties, StageRegistry registry) {
    super(properties);
    this.ownSession =
        new ProdmlSession(properties, new Pipeline(registry, org.prodml.stages.Stages::warmUp));
  }

  ProdmlSession ownSession() {
    return ownSession;
  }

  @Override
  ProdmlSession session() {
    return ownSession;
  }

  @Override
  public void close() {
    ownSession.close();
  }

  @Override
  List<Block> run(
      String body,
      InterpreterContext context,
      ProdmlSession session,
      NotePipeline note,
      ParagraphProgress progress) {
    if (context.getParagraphText() != null && context.getParagraphText().isBlank()) {
      return List.of(); // Zeppelin's empty paragraph, run because checkEmpty is off: nothing to do
    }
    String[] words = body.strip().split("\\s+");
    String command = words[0];
    return switch (command) {
      case "", "help" ->
          words.length > 1
              ? stageHelp(session.pipeline().registry(), words[1])
              : help(session.pipeline().registry());
      case "status" -> status(note);
      case "show" -> show(words, note, session.config().maxRows());
      default ->
          throw new StageException("%prodml does not know '" + command + "'; write " + COMMANDS);
    };
  }

  /** Help is reference: it always lists every paragraph, whatever the table row limit. */
  @Override
  int maxRows(String body, int configured) {
    String command = body.strip().split("\\s+")[0];
    return command.isEmpty() || command.equals("help") ? Integer.MAX_VALUE : configured;
  }

  private static List<Block> help(StageRegistry registry) {
    List<List<String>> rows = new ArrayList<>();
    rows.add(
        List.of(
            "%prodml",
            "this help, the note's pipeline status, show a table, profile, findings or rules",
            COMMANDS));
    registry
        .all()
        .forEach(
            (name, stage) ->
                rows.add(
                    List.of(
                        "%prodml." + name,
                        stage.summary(),
                        String.join(", ", stage.parameterNames()))));
    rows.add(
        List.of(
            "%prodml.rules", "add the DRL rules in the body to this note's rules", "(body: DRL)"));
    return List.of(
        new TextBlock(
            "ProdML Lab runs an ML pipeline one paragraph per stage; each stage measures, the rules judge."
                + " Parameters go in parentheses: %prodml.load(file=seattle-weather/data.csv)."),
        TableBlock.of("paragraphs", List.of("paragraph", "what it does", "parameters"), rows));
  }

  /** One stage's help: what it does, and each parameter with its meaning and values. */
  private static List<Block> stageHelp(StageRegistry registry, String word) {
    String name = word.startsWith("%prodml.") ? word.substring("%prodml.".length()) : word;
    if (name.equals("rules")) {
      return List.of(
          new TextBlock(
              "%prodml.rules: the paragraph's body is DRL (package, imports from org.prodml.facts,"
                  + " rule … end) that joins this note's rules; later stages judge with it."));
    }
    if (!registry.has(name)) {
      throw new StageException(
          "no stage '"
              + name
              + "'; the stages are "
              + String.join(", ", registry.all().keySet())
              + ", and rules");
    }
    var stage = registry.get(name);
    List<List<String>> rows = new ArrayList<>();
    for (var p : stage.parameters()) {
      rows.add(
          List.of(
              p.name(), p.meaning(), p.choices().isEmpty() ? "" : String.join(", ", p.choices())));
    }
    return List.of(
        new TextBlock(
            "%prodml."
                + name
                + ": "
                + stage.summary()
                + ". Parameters go in parentheses, e.g. %prodml."
                + name
                + (rows.isEmpty() ? "" : "(" + rows.get(0).get(0) + "=…)")
                + "."),
        TableBlock.of(
            "parameters of %prodml." + name, List.of("parameter", "meaning", "values"), rows));
  }

  private static List<Block> status(NotePipeline note) {
    PipelineState state = note.state();
    List<Block> blocks = new ArrayList<>();
    Map<String, Table> tables = state.tables();
    List<StageRun> runs = state.runs();
    blocks.add(
        new TextBlock(
            "Note "
                + note.noteId()
                + ": "
                + tables.size()
                + " table"
                + (tables.size() == 1 ? "" : "s")
                + ", "
                + runs.size()
                + " stage run"
                + (runs.size() == 1 ? "" : "s")
                + ", "
                + state.facts().size()
                + " facts, "
                + state.noteRules().size()
                + " rule paragraph"
                + (state.noteRules().size() == 1 ? "" : "s")
                + ", "
                + state.answers().size()
                + " answer"
                + (state.answers().size() == 1 ? "" : "s")
                + "."));
    List<List<String>> tableRows = new ArrayList<>();
    tables.forEach(
        (name, table) ->
            tableRows.add(
                List.of(
                    name,
                    String.valueOf(table.rowCount()),
                    String.valueOf(table.columnCount()),
                    table.name(),
                    state.profile(name).isPresent() ? "yes" : "no")));
    blocks.add(
        TableBlock.of(
            "tables", List.of("table", "rows", "columns", "source", "profiled"), tableRows));
    List<List<String>> runRows = new ArrayList<>();
    for (StageRun run : runs) {
      runRows.add(
          List.of(run.stage(), String.valueOf(run.millis()), String.valueOf(run.findings())));
    }
    blocks.add(TableBlock.of("stage runs", List.of("stage", "ms", "findings"), runRows));
    return blocks;
  }

  private static List<Block> show(String[] words, NotePipeline note, int maxRows) {
    PipelineState state = note.state();
    if (words.length < 2) {
      throw new StageException(
          "show what? write show <table>, show profile [<table>], show findings or show rules");
    }
    String what = words[1];
    switch (what) {
      case "findings":
        return List.of(Tables.findings("findings", note.findings()));
      case "rules":
        List<List<String>> rows = new ArrayList<>();
        int graders = 0;
        for (RuleMetadata rule : state.rules().rules()) {
          if (rule.stage() == org.prodml.rules.Stage.EXERCISE) {
            graders++; // what a check saw is shown by the check; listing graders gives answers away
            continue;
          }
          rows.add(
              List.of(
                  rule.id(),
                  rule.severity().name(),
                  rule.topic().name(),
                  rule.stage().name(),
                  rule.origin()));
        }
        return List.of(
            new TextBlock(
                rows.size()
                    + " rules judge this note's facts; the "
                    + graders
                    + " rules that grade exercises are not listed: a check shows what they saw."),
            TableBlock.of("rules", List.of("rule", "severity", "topic", "stage", "from"), rows));
      case "profile":
        String table = words.length > 2 ? words[2] : "data";
        DatasetProfile profile =
            state
                .profile(table)
                .orElseThrow(
                    () ->
                        new StageException(
                            "no profile of '"
                                + table
                                + "' yet: run %prodml.profile(on="
                                + table
                                + ")"));
        return List.of(Tables.profile("profile of " + table, profile));
      default:
        Table data =
            state
                .table(what)
                .orElseThrow(
                    () ->
                        new StageException(
                            "no table '"
                                + what
                                + "' in this note"
                                + (state.tables().isEmpty()
                                    ? ": run %prodml.load(file=…) first"
                                    : "; it has " + String.join(", ", state.tables().keySet()))));
        return List.of(TableBlock.of(what, data, maxRows));
    }
  }

  @Override
  void moreCompletions(Map<String, String> candidates, ProdmlSession session, NotePipeline note) {
    for (String command : List.of("help", "status", "show", "profile", "findings", "rules")) {
      candidates.put(command, "command");
    }
    if (note != null) {
      note.state().tables().keySet().forEach(name -> candidates.put(name, "table"));
    }
  }
}
