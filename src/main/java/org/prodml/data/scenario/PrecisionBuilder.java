package org.prodml.data.scenario;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.prodml.data.CsvDamage;
import org.prodml.data.DatasetSpec;

/**
 * Assembles a precision-suite scenario's folder from its rows: one CSV per file (training, test,
 * serving), chosen by the hidden column {@value #SPLIT} that every scenario derives and no file
 * carries; {@code expectations.json}; and a DATASHEET.md that says how the files were made, what is
 * planted where and which findings the audit must raise, and, on a control, which findings are true
 * of the real data and why. Sizes, ranges and counts are computed from the rows.
 */
final class PrecisionBuilder {
  /** The column that assigns each row to a file; left out of every file. */
  static final String SPLIT = "split";

  /** The monitoring a scenario with a model declares (the words of {@code MonitoringCheck}). */
  static final List<String> MONITORING_CHECKS = List.of("drift", "volume", "nan", "age", "quality");

  static final String OWNER = "on-call";

  /** A file of the scenario: the rows whose {@value #SPLIT} is {@code split}. */
  record File(
      String name, String split, String use, List<String> leaveOut, Map<String, String> renamed) {}

  private final PrecisionScenario scenario;
  private final DatasetSpec sourceSpec;
  private final Map<String, ScenarioBuilder.Column> described = new LinkedHashMap<>();
  private final List<File> files = new ArrayList<>();
  private final List<Expectations.Planted> planted = new ArrayList<>();
  private final List<Expectations.Explained> explained = new ArrayList<>();
  private Expectations.Audit audit;
  private String title;
  private String row;
  private String whatItIs = "";
  private String howMade = "";
  private String teaching = "";

  PrecisionBuilder(Path datasets, PrecisionScenario scenario) {
    this.scenario = scenario;
    this.sourceSpec =
        DatasetSpec.read(datasets.resolve(scenario.source()).resolve(DatasetSpec.FILE_NAME));
    for (DatasetSpec.ColumnSpec c : sourceSpec.columns()) {
      described.put(
          c.name(),
          new ScenarioBuilder.Column(c.name(), c.type(), c.unit(), c.description(), false));
    }
  }

  PrecisionBuilder title(String title, String row) {
    this.title = title;
    this.row = row;
    return this;
  }

  /** A column the scenario adds or changes; the description replaces the source's. */
  PrecisionBuilder column(String name, String type, String unit, String description) {
    described.put(name, new ScenarioBuilder.Column(name, type, unit, description, false));
    return this;
  }

  PrecisionBuilder file(String name, String split, String use) {
    return file(name, split, use, List.of(), Map.of());
  }

  /** A file whose source leaves columns out or sends them under other names. */
  PrecisionBuilder file(
      String name, String split, String use, List<String> leaveOut, Map<String, String> renamed) {
    files.add(new File(name, split, use, List.copyOf(leaveOut), Map.copyOf(renamed)));
    return this;
  }

  PrecisionBuilder audit(String label, String time, String group, String model, String window) {
    String test = fileFor("test");
    String serving = fileFor("serving");
    // A team that trains a model declares its monitoring: every check, with someone to alert.
    this.audit =
        new Expectations.Audit(
            fileFor("train"),
            test,
            serving,
            label,
            time,
            group,
            model,
            window,
            model == null ? List.of() : MONITORING_CHECKS,
            model == null ? null : OWNER);
    return this;
  }

  private String fileFor(String split) {
    return files.stream()
        .filter(f -> f.split().equals(split))
        .map(File::name)
        .findFirst()
        .orElse(null);
  }

  /** A planted flaw and the rules that find it, on one of the subjects (none: any subject). */
  PrecisionBuilder planted(String flaw, String where, List<String> rules, String... subjects) {
    planted.add(new Expectations.Planted(flaw, where, rules, List.of(subjects)));
    return this;
  }

  /** A finding that is true of the real data, and why. */
  PrecisionBuilder explained(String rule, String subject, String why) {
    explained.add(new Expectations.Explained(rule, subject, why));
    return this;
  }

  PrecisionBuilder sheet(String whatItIs, String howMade, String teaching) {
    this.whatItIs = whatItIs.strip();
    this.howMade = howMade.strip();
    this.teaching = teaching.strip();
    return this;
  }

  ScenarioFolder build(CsvDamage data) {
    if (audit == null) {
      throw new IllegalStateException(scenario.name() + ": no audit declared");
    }
    if ((scenario.kind() == PrecisionScenario.Kind.PLANTED) == planted.isEmpty()) {
      throw new IllegalStateException(
          scenario.name() + ": a flawed scenario plants something, and no other kind does");
    }
    Map<String, String> out = new LinkedHashMap<>();
    Map<String, Integer> rows = new LinkedHashMap<>();
    for (File f : files) {
      List<String> leaveOut = new ArrayList<>(f.leaveOut());
      leaveOut.add(SPLIT);
      String text = data.csv(r -> r.get(SPLIT).equals(f.split()), leaveOut, f.renamed());
      out.put(f.name(), text);
      rows.put(f.name(), (int) text.chars().filter(ch -> ch == '\n').count() - 1);
    }
    Expectations expectations =
        new Expectations(
            scenario.name(),
            scenario.kind().label(),
            scenario.heldOut(),
            audit,
            planted,
            explained);
    out.put(Expectations.FILE_NAME, expectations.json());
    out.put("DATASHEET.md", datasheet(data, out, rows));
    return new ScenarioFolder(scenario.name(), out);
  }

  private String datasheet(CsvDamage data, Map<String, String> out, Map<String, Integer> rows) {
    StringBuilder md = new StringBuilder();
    md.append("# ").append(title).append("\n\n");
    md.append("<!-- Generated by `")
        .append(ScenarioBuilder.COMMAND)
        .append("` (org.prodml.data.scenario). Edit the generator, not this file. -->\n\n");
    md.append("A **precision-suite scenario**")
        .append(
            scenario.heldOut()
                ? " (held out while the rules were first changed; what it then showed was fixed,"
                    + " see the suite's README)"
                : "")
        .append(": real rows of the shipped [")
        .append(scenario.source())
        .append("](../../")
        .append(scenario.source())
        .append(
            "/DATASHEET.md) dataset, which ProdML Lab's rules were not written against, split into files as a team ")
        .append("would split them, ")
        .append(
            switch (scenario.kind()) {
              case CONTROL ->
                  "**honestly: a clean control** with nothing planted. Every finding the audit raises on it must be "
                      + "true of the real data; none may be CRITICAL.";
              case PLANTED ->
                  "with **flaws planted on purpose**. The audit must find each of them.";
              case REAL ->
                  "**honestly, with nothing planted, but over real anomalies** that records outside the data confirm. "
                      + "The findings they cause are true, and explained below; the scenario counts neither for "
                      + "recall nor as a control.";
            })
        .append(
            " The files have no dataset.json: the audit infers every column's type, as for a new user's files.\n\n");
    ScenarioBuilder.appendRowAndMaking(
        md,
        row,
        whatItIs,
        scenario.source() + "/data.csv",
        sourceSpec.title(),
        scenario.seed(),
        scenario.name(),
        scenario.getClass());
    md.append(howMade).append("\n\n");
    md.append("## Files\n\n| File | Rows | Bytes | ")
        .append(audit.time() == null ? "" : "From | To | ")
        .append("Use |\n|---|---|---|")
        .append(audit.time() == null ? "" : "---|---|")
        .append("---|\n");
    for (File f : files) {
      md.append("| `")
          .append(f.name())
          .append("` | ")
          .append(ScenarioBuilder.fmtInt(rows.get(f.name())))
          .append(" | ")
          .append(ScenarioBuilder.fmtInt(out.get(f.name()).getBytes(StandardCharsets.UTF_8).length))
          .append(" | ");
      if (audit.time() != null) {
        TreeSet<String> times = new TreeSet<>();
        List<String> split = data.column(SPLIT);
        List<String> time = data.column(audit.time());
        for (int i = 0; i < split.size(); i++) {
          if (split.get(i).equals(f.split()) && !time.get(i).isEmpty()) {
            times.add(time.get(i));
          }
        }
        md.append(times.isEmpty() ? "" : times.first())
            .append(" | ")
            .append(times.isEmpty() ? "" : times.last())
            .append(" | ");
      }
      md.append(f.use()).append(" |\n");
    }
    md.append("\nLabel: `")
        .append(audit.label())
        .append("`. Time column: ")
        .append(audit.time() == null ? "none" : "`" + audit.time() + "`")
        .append(". Group column: ")
        .append(audit.group() == null ? "none" : "`" + audit.group() + "`")
        .append(".\n\n");
    md.append("## Columns\n\n");
    md.append(
        "Over all files. Type is the source's declared type (the audit infers its own). Missing = empty field. Range is "
            + "min … max for numbers and dates; for text, the values with their counts or, for many values, how many and "
            + "the most frequent ones.\n\n");
    md.append(
        "| Column | Type | Unit | Meaning | Missing | Range / values |\n|---|---|---|---|---|---|\n");
    for (String name : data.header()) {
      if (name.equals(SPLIT)) {
        continue;
      }
      ScenarioBuilder.Column c = described.get(name);
      if (c == null) {
        throw new IllegalStateException(scenario.name() + ": column " + name + " is not described");
      }
      List<String> values = data.column(name);
      long missing = values.stream().filter(String::isEmpty).count();
      md.append("| `")
          .append(name)
          .append("` | ")
          .append(c.type())
          .append(" | ")
          .append(c.unit() == null ? "" : c.unit())
          .append(" | ")
          .append(c.description().replace("|", "\\|"))
          .append(" | ")
          .append(ScenarioBuilder.fmtInt(missing))
          .append(" | ")
          .append(ScenarioBuilder.range(c, values))
          .append(" |\n");
    }
    md.append("\n## The audit\n\nIn this folder:\n\n```sh\n")
        .append(audit.command().replace("./prodml", "../../../prodml"))
        .append("\n```\n\n");
    md.append("`./prodml datasets precision ")
        .append(scenario.name())
        .append("` runs it and scores its findings against the tables below (`")
        .append(Expectations.FILE_NAME)
        .append("` holds them for the suite).\n\n");
    if (!planted.isEmpty()) {
      md.append("## Planted flaws and the findings that must find them\n\n");
      md.append("| Flaw | Where | Found by | On |\n|---|---|---|---|\n");
      for (Expectations.Planted p : planted) {
        md.append("| ")
            .append(p.flaw().replace("|", "\\|"))
            .append(" | ")
            .append(p.where().replace("|", "\\|"))
            .append(" | ")
            .append(
                String.join(
                    " or ",
                    p.rules().stream()
                        .map(r -> r.replace(":", " on `") + (r.contains(":") ? "`" : ""))
                        .toList()))
            .append(" | ")
            .append(
                p.subjects().isEmpty()
                    ? "any subject"
                    : String.join(", ", p.subjects().stream().map(x -> "`" + x + "`").toList()))
            .append(" |\n");
      }
      md.append("\n");
    }
    md.append("## Findings true of the real data\n\n");
    if (explained.isEmpty()) {
      md.append(
          scenario.control()
              ? "None: on this control the audit should raise no warning and no critical finding.\n\n"
              : "None listed: findings beyond the planted flaws are reported by the suite, not scored.\n\n");
    } else {
      md.append("| Rule | Subject | Why it is true of the data |\n|---|---|---|\n");
      for (Expectations.Explained e : explained) {
        md.append("| ")
            .append(e.rule())
            .append(" | ")
            .append(e.subject() == null ? "any" : "`" + e.subject() + "`")
            .append(" | ")
            .append(e.why().replace("|", "\\|"))
            .append(" |\n");
      }
      md.append("\n");
    }
    md.append("## Teaching use in ProdML Lab\n\n").append(teaching).append("\n\n");
    md.append("## Licence\n\n")
        .append("The rows come from ")
        .append(scenario.source())
        .append(", under its licence: ")
        .append(sourceSpec.licence())
        .append(". See its [datasheet](../../")
        .append(scenario.source())
        .append("/DATASHEET.md) for the original source.\n\n");
    md.append("## Regenerate\n\n```sh\n")
        .append(ScenarioBuilder.COMMAND)
        .append(" ")
        .append(scenario.name())
        .append("\n```\n\n")
        .append(
            "Reads only the shipped dataset and rewrites this folder (each file atomically, only when its content changes); ")
        .append("two runs give byte-identical files.\n");
    return md.toString();
  }
}
