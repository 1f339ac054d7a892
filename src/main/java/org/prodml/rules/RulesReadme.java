package org.prodml.rules;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.prodml.io.AtomicFiles;
import org.prodml.text.Format;

/**
 * Generates {@code rules/README.md} from the rules' own metadata, so the catalog a reader sees is
 * always the one the engine runs. The output depends only on the rule files and catalog.json.
 *
 * <pre>./prodml rules readme
 * java -cp target/classes:… org.prodml.rules.RulesReadme [rules-folder]</pre>
 */
public final class RulesReadme {
  /** How to regenerate the file; shown when the checked-in README is stale. */
  public static final String REGENERATE = "./prodml rules readme";

  private RulesReadme() {}

  private static final String HEADER =
      """
      # Rules

      <!-- Generated from the rule files by org.prodml.rules.RulesReadme. Do not edit by hand: change
           the rules (or the header in RulesReadme.java) and regenerate, see "Adding a rule". -->

      This folder holds the judgements of ProdML Lab's audits, written as Drools rules (classic DRL).
      They are read from disk at run time, never packaged into the jar: edit a rule, run the audit
      again, and the new rule applies. (The build precompiles this folder into Drools' executable
      model so that a run loads the rules instead of compiling them; a run knows each file by the
      digest of its bytes, so a file edited since the build is compiled from disk, and only it.)
      Profiling turns data into immutable *facts* (the records in
      `org.prodml.facts`: a column's profile, a comparison of a column between training and serving
      data, a dataset's size, a feature's usage); the rules judge those facts, and every rule that
      fires becomes a *finding* with a severity, a course topic, an explanation and a remedy.

      ## The convention

      - **One rule per file, named as its claim**: `MissingValuesAboveThreshold.drl` holds the rule
        `"DV-001 Column has too many missing values"`. The rule name is its id followed by the claim,
        a sentence that is true when the rule fires.
      - **Metadata says everything about the finding**, in quoted values: `@id`, `@severity`
        (`INFO`, `WARNING`, or `CRITICAL`, which fails an audit), `@topic` (one of the fixed course
        topics in `Topic.java`), `@stage` (the pipeline stage in `Stage.java`), `@explanation` (what
        was observed, why it matters in production, the limit used) and `@remedy` (what to do).
        Optional: `@thresholds("name=default, other=default")` and `@course("…")`, the course section.
      - **The action only inserts evidence**: `insert(Evidence.of(subject, "key", value, …))`. The
        engine builds the finding from the metadata and fills the explanation and remedy templates
        from the evidence: `{subject}`, `{key}`, and `{key:%}` to show a share as a percentage.
        Evidence always holds the observed values *and* the limit they were compared to.
      - **Rules import only fact classes** (`org.prodml.facts.*`): a rule judges facts; it does not
        compute, read files or call the engine. The compiler enforces it: see "What a rule may do".
      - **Every rule has worked cases** in `<SameName>.cases.json` beside it: facts on which it must
        fire and facts on which it must stay quiet, including cases just above and just below each
        threshold. The test suite runs every case against the rule alone as the build precompiled
        it, and again compiled at run time: both must make the same findings.

      ## What a rule may do

      Every DRL source — a file here, a `--rules` folder, a `%prodml.rules` paragraph, a file that
      `./prodml rules lint` checks — goes through the rule sandbox before Drools compiles any of it
      (Drools would otherwise run code while compiling: it evaluates metadata values). The sandbox
      parses the source into Drools' descriptor tree, and each condition and action into a syntax
      tree, and refuses anything outside this subset, at its line (`file:line: …` or
      `paragraph <id>:<line>: …`), naming the construct:

      - **Imports**: fact classes of `org.prodml.facts`, by name or all with `org.prodml.facts.*`
        (`Evidence` and `TestScoreFact` are the engine's helpers). No other package, no
        `import function`, `import accumulate`,
        `global`, `function`, `declare`, `query`, `unit`, entry points or windows.
      - **Metadata**: lower-case names with a quoted string or a number as the value.
      - **Attributes**: only `salience` (a whole number), `no-loop` and `lock-on-active`.
      - **Conditions**: patterns of the imported fact classes (never `Evidence`: it is what rules
        report), combined with `and`, `or`, `not`, `exists`, `forall`; `Number`, `Object` or
        `String` patterns `from accumulate(…)` with `count`, `sum`, `average`, `min`, `max`,
        `collectList` or `collectSet`, or `from $fact.accessor()` (the values a bound fact holds).
        No `eval`, no `from` any other expression, no inline accumulate code, no `collect`,
        no `if`/`do[…]` branches, no windows or temporal operators.
      - **Constraints and values**: literals; arithmetic, comparison, logic, `?:` and casts to
        value types; the operators `contains`, `memberOf` and `in` (not `matches` or `soundslike`:
        a regular expression can take forever); bindings (`$x`); the accessors of the imported
        fact classes; reads of the values facts hold (`equals`, `compareTo`, `intValue`,
        `doubleValue`, `startsWith`, `endsWith`, `contains`, `length`, `isEmpty`, `size`, `get`,
        `containsKey` …); and pure helpers: `Math.abs/min/max/round/floor/ceil/sqrt/log/exp/pow…`,
        `Double.isNaN/isFinite/isInfinite/compare`, `Integer`/`Long.compare`, `String.valueOf/join`,
        the static methods of the imported fact classes (`Evidence.of`, `TestScoreFact.measured` …)
        and `new` of an imported fact class. Nothing else is called: no `System`, `Runtime`,
        `getClass`, files, threads or reflection.
      - **The action** (`then`): Java statements that declare local values of a primitive type or
        `String` and `insert(…)` evidence or facts; no other call, no loop, no `modify`/`update`/
        `delete`, no `drools.…`. No `\\uXXXX` escapes anywhere (write the character itself).

      Each rule run is also held to limits, as a second line of defence: at most
      `rules.maxFirings` firings (default 200,000) and `rules.maxSeconds` of wall-clock time
      (default 120), set with `--rules-max-firings`/`--rules-max-seconds` on the command line or the
      `prodml.rules.maxFirings`/`prodml.rules.maxSeconds` interpreter properties (not from a
      paragraph). A run past either, or a cancelled paragraph, stops: the error names the rule that
      fired most (a rule whose action inserts what it matches fires forever) and no findings are
      kept. The largest shipped audit fires fewer than 150 times per run.

      ## Adding a rule

      1. Pick the folder (or add one: a new entry in `catalog.json` gives its id prefix, DRL package
         and title) and the next free id of that folder.
      2. Write `<Claim>.drl` after an existing rule of the folder, and `<Claim>.cases.json` beside it.
      3. Run `./prodml rules lint`: the lint checks
         the convention (metadata, ids and prefixes, imports, thresholds read in the conditions, a
         cases file for every rule), then every case runs. Problems read `file:line: message`.
         The test suite runs the same checks (`RuleCatalogTest`, `RuleCasesTest`).
      4. Regenerate this file: `@REGENERATE@`.

      ## Thresholds

      A rule that compares against a limit declares it with its default in `@thresholds` and reads
      it as a fact in its conditions: `Threshold(name == "missing.maxShare", $limit : value)`. The
      engine inserts one `Threshold` per declared name, carrying the default or the value an audit
      overrides it with, so a limit is changed without editing the rule (from Java:
      `ruleBase.evaluate(facts, Map.of("missing.maxShare", 0.1), rule -> true)`; in a cases file:
      `"thresholds": {"missing.maxShare": 0.1}`). Overriding a name no rule declares is an error.
      Rules that share a limit declare the same name with the same default. Each explanation states
      the default and why it was chosen; where a reference tool (TFDV, Great Expectations, Deequ,
      Evidently) ships a default, the explanation says how ours relates to it.
      """;

  /** The README text for the rules in the folders, in the order given. */
  public static String generate(List<Path> folders) {
    StringBuilder out = new StringBuilder(HEADER.replace("@REGENERATE@", REGENERATE));
    List<RuleCatalog.Entry> entries = RuleCatalog.list(folders);
    for (Path folder : folders) {
      String name = folder.toAbsolutePath().normalize().getFileName().toString();
      RuleCatalog.Folder info = RuleCatalog.folderInfo(folder);
      List<RuleCatalog.Entry> rules =
          entries.stream().filter(e -> e.folder().equals(name)).toList();
      boolean course = rules.stream().anyMatch(e -> !e.course().isBlank());
      out.append("\n## ").append(info == null ? name : info.title()).append("\n\n");
      out.append("Folder `").append(name).append("/`");
      if (info != null) {
        out.append(", DRL package `")
            .append(info.drlPackage())
            .append("`, ids `")
            .append(info.prefix())
            .append("-nnn`");
      }
      out.append(": ")
          .append(rules.size())
          .append(rules.size() == 1 ? " rule.\n\n" : " rules.\n\n");
      out.append("| Id | Severity | Topic | Stage | Claim | Default thresholds |")
          .append(course ? " Course section |" : "")
          .append('\n');
      out.append("|---|---|---|---|---|---|").append(course ? "---|" : "").append('\n');
      for (RuleCatalog.Entry e : rules) {
        out.append("| ")
            .append(e.id())
            .append(" | ")
            .append(e.severity())
            .append(" | ")
            .append(e.topic())
            .append(" | ")
            .append(e.stage())
            .append(" | [")
            .append(cell(e.claim()))
            .append("](")
            .append(name)
            .append('/')
            .append(e.file().getFileName())
            .append(')')
            .append(" | ")
            .append(thresholds(e.thresholds()))
            .append(" |");
        if (course) {
          out.append(' ').append(cell(e.course())).append(" |");
        }
        out.append('\n');
      }
    }
    return out.toString();
  }

  private static String thresholds(Map<String, Double> thresholds) {
    if (thresholds.isEmpty()) {
      return "—";
    }
    return thresholds.entrySet().stream()
        .map(t -> "`" + t.getKey() + "` = " + Format.number(t.getValue()))
        .collect(Collectors.joining("<br>"));
  }

  private static String cell(String text) {
    return text.replace("|", "\\|").replace("\n", " ");
  }

  /** Writes the README atomically (a temporary file beside it, then a move). */
  public static void write(Path readme, List<Path> folders) {
    AtomicFiles.write(readme, generate(folders));
  }

  /**
   * The rules folder of the project: {@code rules/} under {@code prodml.home}, or the working dir.
   */
  public static Path defaultRulesRoot() {
    return Path.of(System.getProperty("prodml.home", ".")).resolve("rules");
  }

  /** Regenerates {@code README.md} in the rules folder (the first argument, or {@code rules/}). */
  public static void main(String[] args) {
    Path root = args.length > 0 ? Path.of(args[0]) : defaultRulesRoot();
    Path readme = root.resolve("README.md");
    write(readme, RuleCatalog.folders(root));
    System.out.println("wrote " + readme);
  }
}
