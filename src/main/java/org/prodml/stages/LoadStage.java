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
import org.prodml.pipeline.Params;
import org.prodml.pipeline.PipelineState;
import org.prodml.pipeline.Progress;
import org.prodml.pipeline.Stage;
import org.prodml.pipeline.StageException;
import org.prodml.pipeline.StageResult;
import org.prodml.profile.ValueType;
import org.prodml.render.TableBlock;
import tech.tablesaw.api.Table;

/**
 * Loads a CSV or JSON file into the note as a named table ("data" by default; "serving" or "test"
 * for later data), with column types and roles from its dataset.json unless the paragraph says
 * otherwise.
 */
public final class LoadStage implements Stage {
  @Override
  public String name() {
    return "load";
  }

  @Override
  public String summary() {
    return "load a CSV or JSON file into the note as a table";
  }

  @Override
  public Map<String, String> parameters() {
    Map<String, String> p = new LinkedHashMap<>();
    p.put("file", "the file, relative to a data folder (e.g. seattle-weather/data.csv)");
    p.put("as", "the table's name: data (default), train, test or serving");
    p.put("label", "the label column (default: from dataset.json)");
    p.put("time", "the time column (default: from dataset.json)");
    p.put("group", "a group column whose values must not be split across train and test");
    p.put("afterLabel", "features known only after the label, comma-separated");
    p.put("pii", "columns holding personal data, comma-separated");
    p.put("ignore", "columns the model must not use as features (kept in the data), comma-separated");
    p.put("types", "column types, e.g. date:LOCAL_DATE code:STRING");
    return p;
  }

  @Override
  public StageResult run(PipelineState state, Params params, Progress progress) {
    String file = params.require("file", name());
    String as = params.string("as", "data");
    Path path = state.resolve(file);
    Map<String, ValueType> types = parseTypes(params.list("types"));
    Table table = DataLoader.load(path, types);
    table.setName(state.config().dataRoots().display(path));
    state.putTable(as, table);
    state.removeProfile(as); // a replaced table's profile is stale

    DatasetSpec spec = DatasetSpec.forDataFile(path).orElse(null);
    boolean training = StageKeys.role(as).equals("train");
    ColumnRoles roles = training || state.get(StageKeys.ROLES).isEmpty()
        ? ColumnRoles.of(spec, params.string("label", null), params.string("time", null), params.string("group", null))
            .withAfterLabel(new HashSet<>(params.list("afterLabel")))
            .withPii(new HashSet<>(params.list("pii")))
            .withIgnored(new HashSet<>(params.list("ignore")))
        : StageKeys.roles(state);
    roles.requireIn(table.name(), table.columnNames());
    for (String ignored : roles.ignored()) {
      if (!table.columnNames().contains(ignored)) {
        throw new StageException("ignore names '" + ignored + "', which is not a column; the data has "
            + String.join(", ", table.columnNames()));
      }
    }
    state.put(StageKeys.ROLES, roles);

    List<List<String>> columns = new ArrayList<>();
    for (var c : table.columns()) {
      columns.add(List.of(c.name(), c.type().name(), roles.usage(c.name()), String.valueOf(c.countMissing())));
    }
    return StageResult.builder()
        .text("Loaded " + table.rowCount() + " rows × " + table.columnCount() + " columns from "
            + table.name() + " as '" + as + "'" + (spec != null ? " (" + spec.row() + ")" : "") + ".")
        .table(TableBlock.of("columns of " + as, List.of("column", "type", "role", "missing"), columns))
        .table(TableBlock.of("first rows of " + as, table, Math.min(10, state.config().maxRows())))
        .build();
  }

  static Map<String, ValueType> parseTypes(List<String> items) {
    Map<String, ValueType> types = new LinkedHashMap<>();
    for (String item : items) {
      String[] kv = item.split("[:=]", 2);
      if (kv.length != 2) {
        throw new StageException("types takes column:TYPE pairs, e.g. types=date:LOCAL_DATE; got '" + item + "'");
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
