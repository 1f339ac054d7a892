package org.prodml.data.scenario;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.prodml.data.CsvDamage;
import org.prodml.data.DatasetSpec;
import org.prodml.text.Format;

/**
 * Assembles a scenario's folder from its damaged data: the data file ({@code data.csv} unless a
 * course note reads another name), one CSV per time span, a {@code dataset.json} (a {@link
 * DatasetSpec}, the schema of every shipped dataset) and a DATASHEET.md that says how the data was
 * made (source, seed, command) and, for teachers, which flaws are planted where. Column tables and
 * sizes are computed from the data, so the datasheet cannot drift from it.
 */
final class ScenarioBuilder {
  static final String COMMAND = "./prodml datasets scenarios";
  private static final ObjectMapper JSON = new ObjectMapper();

  /**
   * A column of the scenario: its declared type, unit, meaning, and whether its values are listed
   * as a domain.
   */
  record Column(String name, String type, String unit, String description, boolean domain) {}

  /** A time span shipped as its own file, {@code spans/<name>.csv}, from and to inclusive. */
  record Span(String name, String from, String to, String use) {}

  private final Scenario scenario;
  private final DatasetSpec sourceSpec;
  private final List<Column> columns = new ArrayList<>();
  private final List<Span> spans = new ArrayList<>();
  private String dataFile = "data.csv";
  private String title;
  private String row;
  private String label;
  private String task = "classification";
  private String time;
  private String group;
  private String whatItIs = "";
  private String howMade = "";
  private String flaws = "";
  private String teaching = "";

  ScenarioBuilder(Path datasets, Scenario scenario) {
    this.scenario = scenario;
    this.sourceSpec =
        DatasetSpec.read(datasets.resolve(scenario.source()).resolve(DatasetSpec.FILE_NAME));
  }

  /**
   * The name of the data file in the folder, {@code data.csv} by default. A scenario that course
   * notes and exercises read under another name keeps that name, so they need not change.
   */
  ScenarioBuilder dataFile(String fileName) {
    this.dataFile = fileName;
    return this;
  }

  ScenarioBuilder title(String title, String row) {
    this.title = title;
    this.row = row;
    return this;
  }

  ScenarioBuilder roles(String label, String task, String time, String group) {
    this.label = label;
    this.task = task;
    this.time = time;
    this.group = group;
    return this;
  }

  /** Columns described as in the source dataset's dataset.json. */
  ScenarioBuilder sourceColumns(String... names) {
    for (String name : names) {
      DatasetSpec.ColumnSpec c =
          sourceSpec.columns().stream()
              .filter(d -> name.equals(d.name()))
              .findFirst()
              .orElseThrow(
                  () -> new IllegalArgumentException(scenario.source() + " has no column " + name));
      columns.add(new Column(name, c.type(), c.unit(), c.description(), c.domain() != null));
    }
    return this;
  }

  /** A column as the scenario changes or adds it; the description replaces the source's. */
  ScenarioBuilder column(
      String name, String type, String unit, String description, boolean domain) {
    columns.removeIf(c -> c.name().equals(name));
    columns.add(new Column(name, type, unit, description, domain));
    return this;
  }

  ScenarioBuilder span(String name, String from, String to, String use) {
    spans.add(new Span(name, from, to, use));
    return this;
  }

  /**
   * Markdown for the datasheet's sections: what a row is and what it is for, how it was made, the
   * planted flaws, teaching use.
   */
  ScenarioBuilder sheet(String whatItIs, String howMade, String flaws, String teaching) {
    this.whatItIs = whatItIs.strip();
    this.howMade = howMade.strip();
    this.flaws = flaws.strip();
    this.teaching = teaching.strip();
    return this;
  }

  ScenarioFolder build(CsvDamage data) {
    List<String> header = data.header();
    List<Column> ordered = new ArrayList<>();
    for (String name : header) {
      ordered.add(
          columns.stream()
              .filter(c -> c.name().equals(name))
              .findFirst()
              .orElseThrow(
                  () ->
                      new IllegalStateException(
                          scenario.name() + ": column " + name + " is not described")));
    }
    Map<String, String> files = new LinkedHashMap<>();
    String csv = data.csv();
    files.put(dataFile, csv);
    Map<String, Integer> spanRows = new LinkedHashMap<>();
    for (Span s : spans) {
      String text = data.csv(r -> inSpan(r.get(time), s));
      files.put("spans/" + s.name() + ".csv", text);
      spanRows.put(s.name(), (int) text.chars().filter(ch -> ch == '\n').count() - 1);
    }
    files.put("dataset.json", datasetJson(data, ordered));
    files.put("DATASHEET.md", datasheet(data, ordered, csv, spanRows));
    return new ScenarioFolder(scenario.name(), files);
  }

  /**
   * Whether a time value (a date, or a date-time whose first ten characters are the date) lies in
   * the span.
   */
  static boolean inSpan(String value, Span span) {
    if (value == null || value.length() < 10) {
      return false;
    }
    String day = value.substring(0, 10);
    return day.compareTo(span.from()) >= 0 && day.compareTo(span.to()) <= 0;
  }

  private String datasetJson(CsvDamage data, List<Column> ordered) {
    List<DatasetSpec.ColumnSpec> cols = new ArrayList<>();
    for (Column c : ordered) {
      List<String> domain =
          c.domain() ? new ArrayList<>(counts(data.column(c.name())).keySet()) : null;
      cols.add(new DatasetSpec.ColumnSpec(c.name(), c.type(), c.unit(), c.description(), domain));
    }
    List<DatasetSpec.Span> spanList = new ArrayList<>();
    for (Span s : spans) {
      spanList.add(new DatasetSpec.Span(s.name(), "spans/" + s.name() + ".csv", s.from(), s.to()));
    }
    // Origin and licence are the source dataset's: a scenario changes rows, not where they come
    // from.
    DatasetSpec spec =
        new DatasetSpec(
            scenario.name(),
            title,
            row,
            dataFile,
            label,
            task,
            time,
            group,
            null,
            cols,
            spanList,
            sourceSpec.source(),
            sourceSpec.licence(),
            COMMAND + " " + scenario.name());
    return Json.write(JSON.convertValue(spec, LinkedHashMap.class));
  }

  private String datasheet(
      CsvDamage data, List<Column> ordered, String csv, Map<String, Integer> spanRows) {
    StringBuilder md = new StringBuilder();
    md.append("# ").append(title).append("\n\n");
    md.append("<!-- Generated by `")
        .append(COMMAND)
        .append("` (org.prodml.data.scenario). Edit the generator, not this file. -->\n\n");
    md.append("A **scenario dataset**: real rows of the shipped [")
        .append(scenario.source())
        .append("](../../")
        .append(scenario.source())
        .append("/DATASHEET.md) dataset with flaws planted on purpose, for the course's lessons. ")
        .append("Do not use it to learn anything about the real world.\n\n");
    appendRowAndMaking(
        md,
        row,
        whatItIs,
        scenario.source() + "/" + scenario.sourceFile(),
        sourceSpec.title(),
        scenario.seed(),
        scenario.name(),
        scenario.getClass());
    md.append(howMade).append("\n\n");
    md.append("## Size\n\n");
    md.append("- ")
        .append(dataFile)
        .append(": ")
        .append(fmtInt(data.rowCount()))
        .append(" rows + header, ")
        .append(data.header().size())
        .append(" columns, ")
        .append(fmtInt(csv.getBytes(StandardCharsets.UTF_8).length))
        .append(" bytes, sha256 `")
        .append(sha256(csv))
        .append("`.\n");
    md.append("- Label: `")
        .append(label)
        .append("` (")
        .append(task)
        .append("). Time column: ")
        .append(time == null ? "none" : "`" + time + "`")
        .append(". Group column: ")
        .append(group == null ? "none" : "`" + group + "`")
        .append(".\n");
    if (!spans.isEmpty()) {
      md.append("\n| Span file | From | To | Rows | Use |\n|---|---|---|---|---|\n");
      for (Span s : spans) {
        md.append("| `spans/")
            .append(s.name())
            .append(".csv` | ")
            .append(s.from())
            .append(" | ")
            .append(s.to())
            .append(" | ")
            .append(fmtInt(spanRows.get(s.name())))
            .append(" | ")
            .append(s.use())
            .append(" |\n");
      }
    }
    md.append("\n## Columns\n\n");
    md.append("Missing = empty field in ")
        .append(dataFile)
        .append(". Range is min … max for numbers and dates; for text, ")
        .append(
            "the observed values with their counts (order of first appearance) or, for many values, how many and the most ")
        .append("frequent ones.\n\n");
    md.append(
        "| Column | Type | Unit | Meaning | Missing | Range / values |\n|---|---|---|---|---|---|\n");
    for (Column c : ordered) {
      List<String> values = data.column(c.name());
      long missing = values.stream().filter(String::isEmpty).count();
      md.append("| `")
          .append(c.name())
          .append("` | ")
          .append(c.type())
          .append(" | ")
          .append(c.unit() == null ? "" : c.unit())
          .append(" | ")
          .append(c.description().replace("|", "\\|"))
          .append(" | ")
          .append(fmtInt(missing))
          .append(" | ")
          .append(range(c, values))
          .append(" |\n");
    }
    md.append("\n## Planted flaws (for teachers)\n\n").append(flaws).append("\n\n");
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
        .append(COMMAND)
        .append(" ")
        .append(scenario.name())
        .append("\n```\n\n")
        .append(
            "Reads only the shipped dataset and rewrites this folder (each file atomically, only when its content changes); ")
        .append("two runs give byte-identical files.\n");
    return md.toString();
  }

  static String range(Column c, List<String> values) {
    List<String> present = values.stream().filter(v -> !v.isEmpty()).toList();
    if (present.isEmpty()) {
      return "";
    }
    switch (c.type()) {
      case "DOUBLE", "INTEGER" -> {
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        Map<String, Integer> nonFinite = new TreeMap<>();
        for (String v : present) {
          double d = Double.parseDouble(v);
          if (Double.isFinite(d)) {
            min = Math.min(min, d);
            max = Math.max(max, d);
          } else {
            nonFinite.merge(v, 1, Integer::sum);
          }
        }
        List<String> others = new ArrayList<>();
        nonFinite.forEach((v, n) -> others.add(n + " `" + v + "`"));
        return Format.number(min)
            + " … "
            + Format.number(max)
            + (others.isEmpty() ? "" : " (and " + String.join(", ", others) + ")");
      }
      case "LOCAL_DATE", "LOCAL_DATE_TIME" -> {
        TreeMap<String, Boolean> sorted = new TreeMap<>();
        present.forEach(v -> sorted.put(v, true));
        return sorted.firstKey() + " … " + sorted.lastKey();
      }
      default -> {
        Map<String, Integer> counts = counts(present);
        if (counts.size() <= 8) {
          List<String> parts = new ArrayList<>();
          counts.forEach((v, n) -> parts.add("`" + v + "` " + fmtInt(n)));
          return String.join(", ", parts);
        }
        List<Map.Entry<String, Integer>> top = new ArrayList<>(counts.entrySet());
        top.sort(
            (a, b) ->
                b.getValue() != a.getValue().intValue()
                    ? b.getValue() - a.getValue()
                    : a.getKey().compareTo(b.getKey()));
        List<String> parts = new ArrayList<>();
        for (Map.Entry<String, Integer> e : top.subList(0, 3)) {
          parts.add("`" + e.getKey() + "` " + fmtInt(e.getValue()));
        }
        return fmtInt(counts.size()) + " values; most frequent " + String.join(", ", parts);
      }
    }
  }

  /** Counts of each value, in order of first appearance. */
  static Map<String, Integer> counts(List<String> values) {
    Map<String, Integer> counts = new LinkedHashMap<>();
    for (String v : values) {
      if (!v.isEmpty()) {
        counts.merge(v, 1, Integer::sum);
      }
    }
    return counts;
  }

  static String fmtInt(long n) {
    return String.format(java.util.Locale.ROOT, "%,d", n);
  }

  static String sha256(String text) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * A datasheet's "What a row is" and the start of "How it was generated" (source, seed, command),
   * the same for the course's scenarios and the precision suite's.
   */
  static void appendRowAndMaking(
      StringBuilder md,
      String row,
      String whatItIs,
      String sourcePath,
      String sourceTitle,
      long seed,
      String name,
      Class<?> generator) {
    md.append("## What a row is\n\n")
        .append(row.substring(0, 1).toUpperCase(java.util.Locale.ROOT))
        .append(row.substring(1))
        .append(".\n\n")
        .append(whatItIs)
        .append("\n\n");
    md.append("## How it was generated\n\n");
    md.append("- Source: `datasets/")
        .append(sourcePath)
        .append("` (read only), ")
        .append(sourceTitle)
        .append(".\n");
    md.append("- Seed: ")
        .append(seed)
        .append(
            " (every random draw comes from one `java.util.Random` with this seed, in row order).\n");
    md.append("- Command: `")
        .append(COMMAND)
        .append(" ")
        .append(name)
        .append("` (`org.prodml.data.scenario.")
        .append(generator.getSimpleName())
        .append("`, built on `org.prodml.data.CsvDamage`).\n\n");
  }
}
