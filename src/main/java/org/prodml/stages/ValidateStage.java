package org.prodml.stages;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.prodml.chart.Charts;
import org.prodml.facts.ColumnComparisonFact;
import org.prodml.pipeline.Parameter;
import org.prodml.pipeline.Params;
import org.prodml.pipeline.PipelineState;
import org.prodml.pipeline.Stage;
import org.prodml.pipeline.StageResult;
import org.prodml.profile.DataFacts;
import org.prodml.profile.DatasetProfile;
import org.prodml.render.Tables;
import org.prodml.rules.Finding;
import org.prodml.rules.Judgement;
import org.prodml.work.Work;

/**
 * Validates the note's data with the data-validation rules: the training data on its own, and each
 * later table (test, serving) against it — schema, ranges, domains, skew, leakage, volume.
 */
public final class ValidateStage implements Stage {
  @Override
  public String name() {
    return "validate";
  }

  @Override
  public String summary() {
    return "judge the data with the validation rules: schema, missing values, ranges, skew, leakage";
  }

  @Override
  public List<Parameter> parameters() {
    return List.of(
        Parameter.of(
            Parameter.ON,
            "the tables to judge against the reference, comma-separated (default: test and serving when loaded)"),
        Parameter.of(
            Parameter.AGAINST,
            "the reference, the training table (default: train if split, else data)"),
        StageSupport.thresholdsParameter("skew.maxJsDivergence:0.2 missing.maxShare:0.1"));
  }

  @Override
  public StageResult run(PipelineState state, Params params, Work work) {
    String reference = params.string(Parameter.AGAINST, StageSupport.trainingTable(state));
    List<String> on =
        params.has(Parameter.ON)
            ? params.list(Parameter.ON)
            : StageSupport.laterTables(state, reference);
    DataFacts.Result built = StageSupport.dataFacts(state, reference, on);
    Judgement judgement =
        StageSupport.judge(state, params, StageSupport.stage(org.prodml.rules.Stage.VALIDATE));
    DatasetProfile train = StageSupport.profile(state, reference);
    Map<String, DatasetProfile> others = new LinkedHashMap<>();
    for (String name : on) {
      others.put(StageSupport.role(name), StageSupport.profile(state, name));
    }
    StageResult.Builder result =
        StageResult.builder()
            .text(summary(reference, on, judgement.findings()))
            .table(Tables.findings("findings", judgement.findings()))
            .findings(judgement.findings());
    for (var e : built.comparisons().entrySet()) {
      List<ColumnComparisonFact> columns = e.getValue().columns();
      result.table(Tables.comparison(reference + " vs " + e.getKey(), columns));
      List<String> charts = new ArrayList<>();
      for (Finding f : judgement.findings()) {
        if (charts.size() < 6
            && train.column(String.valueOf(f.subject())).isPresent()
            && others.get(e.getKey()).column(String.valueOf(f.subject())).isPresent()
            && !charts.contains(String.valueOf(f.subject()))) {
          charts.add(String.valueOf(f.subject()));
        }
      }
      List<String> svgs = new ArrayList<>();
      for (String column : charts) {
        svgs.add(
            Charts.compare(
                train.column(column).get(),
                reference,
                others.get(e.getKey()).column(column).get(),
                e.getKey()));
      }
      if (!svgs.isEmpty()) {
        result.html(Charts.row(svgs));
      }
    }
    return result.build();
  }

  private static String summary(String reference, List<String> on, List<Finding> findings) {
    long critical = findings.stream().filter(Finding::isCritical).count();
    return "Validated '"
        + reference
        + "'"
        + (on.isEmpty() ? "" : " and " + String.join(", ", on) + " against it")
        + ": "
        + findings.size()
        + " finding"
        + (findings.size() == 1 ? "" : "s")
        + (critical > 0 ? ", " + critical + " critical." : ".");
  }
}
