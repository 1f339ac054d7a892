package org.prodml.stages;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.prodml.data.ColumnRoles;
import org.prodml.data.DataLoader;
import org.prodml.data.DatasetSpec;
import org.prodml.data.ValueType;
import org.prodml.pipeline.Parameter;
import org.prodml.pipeline.Params;
import org.prodml.pipeline.PipelineState;
import org.prodml.pipeline.Stage;
import org.prodml.pipeline.StageException;
import org.prodml.pipeline.StageResult;
import org.prodml.profile.ColumnProfile;
import org.prodml.profile.DataFiles;
import org.prodml.profile.DatasetProfile;
import org.prodml.profile.ProfileOptions;
import org.prodml.render.TableBlock;
import org.prodml.work.Work;

/**
 * Reads a CSV or JSON file into the note as a named table ("data" by default; "serving" or "test"
 * for later data), with column types and roles from its dataset.json unless the paragraph says
 * otherwise. The file is profiled in one streamed pass here; its rows are loaded only when a later
 * stage needs them, so a large file can be validated without being held in memory.
 */
public final class LoadStage implements Stage {
  /** The columns the first rows are shown with: a row of thousands of values shows nothing. */
  static final int SHOWN_COLUMNS = 30;

  @Override
  public String name() {
    return "load";
  }

  @Override
  public String summary() {
    return "read a CSV or JSON file into the note as a table (profiled as it is read)";
  }

  @Override
  public List<Parameter> parameters() {
    return List.of(
        Parameter.of("file", "the file, relative to a data folder (e.g. seattle-weather/data.csv)"),
        Parameter.of("as", "the table's name: data (default), train, test or serving"),
        Parameter.of("label", "the label column (default: from dataset.json)"),
        Parameter.of("time", "the time column (default: from dataset.json)"),
        Parameter.of(
            "group", "a group column whose values must not be split across train and test"),
        Parameter.of("afterLabel", "features known only after the label, comma-separated"),
        Parameter.of("pii", "columns holding personal data, comma-separated"),
        Parameter.of(
            "ignore",
            "columns the model must not use as features (kept in the data), comma-separated"),
        Parameter.of("types", "column types, e.g. date:LOCAL_DATE code:STRING"));
  }

  @Override
  public StageResult run(PipelineState state, Params params, Work work) {
    String file = params.require("file", name());
    String as = params.string("as", "data");
    Path path = state.resolve(file);
    Map<String, ValueType> types = parseTypes(params.list("types"));
    DatasetSpec spec = DatasetSpec.forDataFile(path).orElse(null);
    boolean training = StageSupport.role(as).equals("train");
    ColumnRoles roles =
        training || state.get(StageKeys.ROLES).isEmpty()
            ? ColumnRoles.of(
                    spec,
                    params.string("label", null),
                    params.string("time", null),
                    params.string("group", null))
                .withAfterLabel(new HashSet<>(params.list("afterLabel")))
                .withPii(new HashSet<>(params.list("pii")))
                .withIgnored(new HashSet<>(params.list("ignore")))
            : StageSupport.roles(state);
    String shown = state.config().dataRoots().display(path);
    // Training data must hold every role column; later data rightly lacks some (serving has no
    // label).
    DatasetProfile profile =
        DataFiles.profile(
                path,
                ProfileOptions.defaults()
                    .withLabel(roles.label())
                    .withTime(roles.time())
                    .withGroup(roles.group())
                    .withTypes(types),
                training)
            .withSource(shown);
    List<String> columns = profile.columnNames();
    roles.requireIn(shown, columns);
    requireColumns("ignore", roles.ignored(), columns);
    requireColumns("pii", roles.pii(), columns);
    if (training) {
      requireLabelled(roles.label(), profile, shown);
      requireTimes(roles.time(), profile);
    }
    state.putFileTable(
        as,
        path,
        () -> {
          var table = DataLoader.load(path, types);
          table.setName(shown);
          return table;
        });
    state.putProfile(as, profile);
    state.put(StageKeys.ROLES, roles);

    List<List<String>> rows = new ArrayList<>();
    for (ColumnProfile c : profile.columns()) {
      rows.add(
          List.of(c.name(), c.type().name(), roles.usage(c.name()), String.valueOf(c.missing())));
    }
    int shownRows = Math.min(10, state.config().maxRows());
    var head = DataLoader.head(path, shownRows, SHOWN_COLUMNS, types);
    return StageResult.builder()
        .text(
            "Loaded "
                + profile.rows()
                + " rows × "
                + columns.size()
                + " columns from "
                + shown
                + " as '"
                + as
                + "'"
                + (spec != null ? " (" + spec.row() + ")" : "")
                + ".")
        .table(
            TableBlock.of("columns of " + as, List.of("column", "type", "role", "missing"), rows))
        .table(
            TableBlock.of(
                    "first rows of "
                        + as
                        + (columns.size() > SHOWN_COLUMNS
                            ? " (its first " + SHOWN_COLUMNS + " of " + columns.size() + " columns)"
                            : ""),
                    head,
                    shownRows)
                .standingFor(profile.rows()))
        .build();
  }

  /** Every column a role parameter names is a column of the data. */
  private static void requireColumns(
      String parameter, java.util.Set<String> named, List<String> columns) {
    for (String column : new java.util.TreeSet<>(named)) {
      if (!columns.contains(column)) {
        throw new StageException(
            parameter
                + " names '"
                + column
                + "', which is not a column; the data has "
                + String.join(", ", columns));
      }
    }
  }

  /** Training data without one label has nothing to learn from and nothing to judge it by. */
  private static void requireLabelled(String label, DatasetProfile profile, String shown) {
    if (label == null || profile.rows() == 0) {
      return;
    }
    profile
        .column(label)
        .filter(c -> c.present() == 0)
        .ifPresent(
            c -> {
              throw new StageException(
                  "the label '"
                      + label
                      + "' has no value in any of the "
                      + profile.rows()
                      + " rows of "
                      + shown
                      + ": training data needs its labels (or name the label column with label=…)");
            });
  }

  /**
   * The time column holds dates or times: every check of time (splits by time, overlap, monitoring
   * windows, staleness) reads it, and would otherwise pass by without a word.
   */
  private static void requireTimes(String time, DatasetProfile profile) {
    if (time == null) {
      return;
    }
    profile
        .column(time)
        .filter(c -> c.kind() != ValueType.Kind.DATETIME)
        .ifPresent(
            c -> {
              String example =
                  c.topValues(1).isEmpty() ? "" : ", e.g. '" + c.topValues(1).get(0).value() + "'";
              throw new StageException(
                  "time names '"
                      + time
                      + "', whose values are not dates or times (they read as "
                      + c.type()
                      + example
                      + "); name a column of dates, or declare its type: types="
                      + time
                      + ":LOCAL_DATE");
            });
  }

  static Map<String, ValueType> parseTypes(List<String> items) {
    Map<String, ValueType> types = new LinkedHashMap<>();
    for (String item : items) {
      String[] kv = item.split("[:=]", 2);
      if (kv.length != 2) {
        throw new StageException(
            "types takes column:TYPE pairs, e.g. types=date:LOCAL_DATE; got '" + item + "'");
      }
      try {
        types.put(kv[0], ValueType.parse(kv[1]));
      } catch (IllegalArgumentException e) {
        throw new StageException(e.getMessage());
      }
    }
    return types;
  }
}
