package org.prodml.stages;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.prodml.data.ColumnRoles;
import org.prodml.facts.SplitFact;
import org.prodml.pipeline.Parameter;
import org.prodml.pipeline.Params;
import org.prodml.pipeline.PipelineState;
import org.prodml.pipeline.Stage;
import org.prodml.pipeline.StageResult;
import org.prodml.render.TableBlock;
import org.prodml.render.Tables;
import org.prodml.rules.Judgement;
import org.prodml.split.SplitMethod;
import org.prodml.split.SplitResult;
import org.prodml.split.SplitSpec;
import org.prodml.split.Splitter;
import org.prodml.text.Format;
import org.prodml.work.Work;
import tech.tablesaw.api.Table;

/**
 * Splits the loaded data into the note's "train" and "test" tables: seeded random, stratified by
 * the label, by time (train on the past, test on the future) or by group (whole groups on one
 * side). With a time column and no method given, the split is by time.
 */
public final class SplitStage implements Stage {
  @Override
  public String name() {
    return "split";
  }

  @Override
  public String summary() {
    return "split the data into train and test: random, stratified, by time or by group, seeded";
  }

  @Override
  public List<Parameter> parameters() {
    return List.of(
        Parameter.of(Parameter.ON, "the table to split (default: data)"),
        Parameter.of(
            "method",
            "how rows are assigned (default: time when the data has a time column, else stratified)",
            SplitMethod.class,
            SplitMethod::label),
        Parameter.of("test", "share of rows for test (default 0.2)"),
        StageSupport.seedParameter("the shuffle"),
        Parameter.of(
            "column",
            "the column the method uses (default: the label, the time or the group column)"),
        StageSupport.thresholdsParameter("split.maxTimeOverlap:0.1"));
  }

  @Override
  public StageResult run(PipelineState state, Params params, Work work) {
    String of = params.string(Parameter.ON, "data");
    Table table = state.requireTable(of, "%prodml.load(file=…)");
    ColumnRoles roles = StageSupport.roles(state);
    String time =
        roles.time() != null && table.columnNames().contains(roles.time()) ? roles.time() : null;
    String group =
        roles.group() != null && table.columnNames().contains(roles.group()) ? roles.group() : null;
    String defaultMethod = SplitMethod.defaultFor(time, roles.label()).label();
    SplitMethod method =
        StageSupport.library(() -> SplitMethod.parse(params.string("method", defaultMethod)));
    String column = params.string("column", method.column(roles.label(), time, group));
    double test = params.decimal("test", SplitSpec.DEFAULT_TEST_FRACTION);
    Long seed = StageSupport.seed(params, state);
    SplitResult split =
        StageSupport.library(
            () ->
                Splitter.split(table, of, new SplitSpec(method, test, seed, column), time, group));
    state.putTable("train", split.train());
    state.putTable("test", split.test());
    state.setFacts("split", List.of(split.fact()));
    // The split is validated as any pair of training and test data is: its overlap facts go to the
    // validation rules here, and the audit builds the same facts again from the two tables.
    List<Object> facts = new ArrayList<>(split.overlapFacts());
    facts.add(split.fact());
    Judgement judgement =
        StageSupport.judge(
            state,
            facts,
            StageSupport.thresholds(params),
            r ->
                r.stage() == org.prodml.rules.Stage.SPLIT
                    || r.stage() == org.prodml.rules.Stage.VALIDATE);
    SplitFact f = split.fact();
    StageResult.Builder result =
        StageResult.builder()
            .text(
                "Split '"
                    + of
                    + "' "
                    + method.label()
                    + (column != null && method != SplitMethod.RANDOM ? " by " + column : "")
                    + (f.seeded() && method != SplitMethod.TIME
                        ? " with seed " + f.seed()
                        : method == SplitMethod.TIME ? "" : " without a seed")
                    + ": "
                    + f.trainRows()
                    + " rows in train, "
                    + f.testRows()
                    + " in test"
                    + (split.droppedRows() > 0
                        ? ", " + split.droppedRows() + " without a time left out"
                        : "")
                    + "; "
                    + StageSupport.findingsSummary(judgement.findings().size())
                    + ".")
            .table(Tables.findings("findings", judgement.findings()))
            .findings(judgement.findings())
            .table(
                StageSupport.keyValues(
                    "the split",
                    List.of(
                        new String[] {"method", f.method()},
                        new String[] {
                          "seed",
                          f.seeded()
                              ? (method == SplitMethod.TIME
                                  ? "not needed"
                                  : String.valueOf(f.seed()))
                              : "none"
                        },
                        new String[] {"train rows", String.valueOf(f.trainRows())},
                        new String[] {"test rows", String.valueOf(f.testRows())},
                        new String[] {
                          "time column", f.timeColumn() == null ? "none" : f.timeColumn()
                        },
                        new String[] {
                          "last training time", f.trainMaxTime() == null ? "" : f.trainMaxTime()
                        },
                        new String[] {
                          "first test time", f.testMinTime() == null ? "" : f.testMinTime()
                        },
                        new String[] {
                          "test rows not after training",
                          Double.isNaN(f.timeOverlapShare())
                              ? ""
                              : Format.percent(f.timeOverlapShare())
                        },
                        new String[] {
                          "group column", f.groupColumn() == null ? "none" : f.groupColumn()
                        },
                        new String[] {
                          "groups on both sides",
                          f.groupColumn() == null
                              ? ""
                              : f.sharedGroups() + " of " + f.testGroups() + " test groups"
                        })));
    if (roles.label() != null
        && table.columnNames().contains(roles.label())
        && org.prodml.transform.Frame.kindOf(table.column(roles.label()).type())
            == org.prodml.transform.Frame.Kind.TEXT) {
      List<List<String>> rows = new ArrayList<>();
      Splitter.classCounts(split, roles.label()).entrySet().stream()
          .sorted(Map.Entry.comparingByKey())
          .limit(30)
          .forEach(
              e ->
                  rows.add(
                      List.of(
                          e.getKey(),
                          String.valueOf(e.getValue()[0]),
                          Format.percent((double) e.getValue()[0] / Math.max(1, f.trainRows())),
                          String.valueOf(e.getValue()[1]),
                          Format.percent((double) e.getValue()[1] / Math.max(1, f.testRows())))));
      result.table(
          TableBlock.of(
              "label " + roles.label() + " on each side",
              List.of("value", "train", "train share", "test", "test share"),
              rows));
    }
    return result.build();
  }
}
