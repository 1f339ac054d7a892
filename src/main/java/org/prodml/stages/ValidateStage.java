package org.prodml.stages;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.prodml.audit.DataFacts;
import org.prodml.chart.Charts;
import org.prodml.facts.ColumnComparisonFact;
import org.prodml.pipeline.Params;
import org.prodml.pipeline.PipelineState;
import org.prodml.pipeline.Progress;
import org.prodml.pipeline.Stage;
import org.prodml.pipeline.StageException;
import org.prodml.pipeline.StageResult;
import org.prodml.profile.DatasetProfile;
import org.prodml.readiness.FeatureCorrelations;
import org.prodml.rules.Finding;
import org.prodml.rules.Judgement;
import org.prodml.render.Tables;
import tech.tablesaw.api.Table;

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
  public Map<String, String> parameters() {
    Map<String, String> p = new LinkedHashMap<>();
    p.put("reference", "the training table (default: train if split, else data)");
    p.put("against", "tables to compare with it, comma-separated (default: test and serving when loaded)");
    p.put("thresholds", "overrides, e.g. skew.maxJsDivergence:0.2 missing.maxShare:0.1");
    return p;
  }

  @Override
  public StageResult run(PipelineState state, Params params, Progress progress) {
    String reference = params.string("reference", StageKeys.trainingTable(state));
    List<String> against = params.has("against") ? params.list("against") : defaultOthers(state, reference);
    DatasetProfile train = ProfileStage.profile(state, reference);
    Map<String, DatasetProfile> others = new LinkedHashMap<>();
    for (String name : against) {
      others.put(StageKeys.role(name), ProfileStage.profile(state, name));
    }
    DataFacts.Result built = facts(state, reference, against);
    Judgement judgement = state.rules().evaluate(state.facts(), thresholds(params),
        rule -> rule.stage() == org.prodml.rules.Stage.VALIDATE);
    StageResult.Builder result = StageResult.builder()
        .text(summary(reference, against, judgement.findings()))
        .table(Tables.findings("findings", judgement.findings()))
        .findings(judgement.findings());
    for (var e : built.comparisons().entrySet()) {
      List<ColumnComparisonFact> columns = e.getValue().columns();
      result.table(Tables.comparison(reference + " vs " + e.getKey(), columns));
      List<String> charts = new ArrayList<>();
      for (Finding f : judgement.findings()) {
        if (charts.size() < 6 && train.column(String.valueOf(f.subject())).isPresent()
            && others.get(e.getKey()).column(String.valueOf(f.subject())).isPresent()
            && !charts.contains(String.valueOf(f.subject()))) {
          charts.add(String.valueOf(f.subject()));
        }
      }
      List<String> svgs = new ArrayList<>();
      for (String column : charts) {
        svgs.add(Charts.compare(train.column(column).get(), reference, others.get(e.getKey()).column(column).get(), e.getKey()));
      }
      if (!svgs.isEmpty()) {
        result.html(Charts.row(svgs));
      }
    }
    return result.build();
  }

  /** Profiles the tables (once) and stores the data-validation facts of the note. */
  DataFacts.Result facts(PipelineState state, String reference, List<String> against) {
    DatasetProfile train = ProfileStage.profile(state, reference);
    Map<String, DatasetProfile> others = new LinkedHashMap<>();
    for (String name : against) {
      others.put(StageKeys.role(name), ProfileStage.profile(state, name));
    }
    DataFacts.Result built = DataFacts.build(train, others, StageKeys.roles(state));
    // How the training features move together, as the command-line audit measures them, so the
    // course's "are your features correlated?" question has evidence in a note too.
    List<Object> facts = new ArrayList<>(built.facts());
    Table table = state.requireTable(reference, "%prodml.load(file=…)");
    facts.addAll(StageSupport.library(() -> FeatureCorrelations.of(table, train.source(),
        StageKeys.roles(state).features(table.columnNames()))));
    state.setFacts("validate", facts);
    return built;
  }

  static List<String> defaultOthers(PipelineState state, String reference) {
    List<String> others = new ArrayList<>();
    for (String name : List.of("test", "serving")) {
      if (!name.equals(reference) && state.table(name).isPresent()) {
        others.add(name);
      }
    }
    return others;
  }

  static Map<String, Double> thresholds(Params params) {
    Map<String, Double> overrides = new LinkedHashMap<>();
    for (String item : params.list("thresholds")) {
      String[] kv = item.split("[:=]", 2);
      try {
        overrides.put(kv[0], Double.parseDouble(kv[1]));
      } catch (RuntimeException e) {
        throw new StageException("thresholds takes name:number pairs, e.g. thresholds=skew.maxJsDivergence:0.2; got '" + item + "'");
      }
    }
    return overrides;
  }

  private static String summary(String reference, List<String> against, List<Finding> findings) {
    long critical = findings.stream().filter(Finding::isCritical).count();
    return "Validated '" + reference + "'" + (against.isEmpty() ? "" : " and " + String.join(", ", against) + " against it")
        + ": " + findings.size() + " finding" + (findings.size() == 1 ? "" : "s")
        + (critical > 0 ? ", " + critical + " critical." : ".");
  }
}
