package org.prodml.audit;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.nio.file.Files;
import org.prodml.data.ColumnRoles;
import org.prodml.data.DataLoader;
import org.prodml.facts.FeatureCorrelationFact;
import org.prodml.profile.ValueType;
import org.prodml.readiness.Answers;
import org.prodml.readiness.FeatureCorrelations;
import org.prodml.readiness.QuestionCatalog;
import org.prodml.readiness.Readiness;
import org.prodml.readiness.ReadinessReport;
import org.prodml.suggest.ColumnDomains;
import tech.tablesaw.api.Table;
import org.prodml.facts.ColumnComparisonFact;
import org.prodml.facts.SchemaChangeFact;
import org.prodml.profile.DataFiles;
import org.prodml.profile.DatasetProfile;
import org.prodml.profile.ProfileComparison;
import org.prodml.profile.ProfileOptions;
import org.prodml.rules.Judgement;
import org.prodml.rules.RuleBase;
import org.prodml.rules.RuleFiles;

/**
 * Measure → judge → report: profiles each file in one streaming pass, compares test and serving
 * data with training, trains and measures a model when one is asked for ({@link ModelAudit}), and
 * runs the rules once over all the facts. Input files are only read.
 */
public final class Audit {
  private Audit() {}

  public static AuditResult run(AuditRequest request, String version, Consumer<String> log) {
    // Drools builds the rules while the files are profiled.
    CompletableFuture<RuleBase> compiling = RuleFiles.compileAsync(request.ruleFolders());
    ColumnRoles roles = request.roles();
    Map<String, Path> files = new LinkedHashMap<>();
    files.put("train", request.train());
    if (request.test() != null) {
      files.put("test", request.test());
    }
    if (request.serving() != null) {
      files.put("serving", request.serving());
    }
    Map<String, DatasetProfile> profiles = new LinkedHashMap<>();
    for (Map.Entry<String, Path> e : files.entrySet()) {
      long start = System.nanoTime();
      // Only training must have every role column: serving data rightly lacks the label.
      DatasetProfile profile = DataFiles.profile(e.getValue(), options(request, roles), e.getKey().equals("train"));
      log.accept(String.format("profiled %s (%s): %,d rows in %d ms", e.getKey(), e.getValue(), profile.rows(),
          (System.nanoTime() - start) / 1_000_000));
      profiles.put(e.getKey(), profile);
    }
    RuleBase rules = RuleBase.await(compiling);
    rules.checkThresholds(request.thresholds());
    DatasetProfile train = profiles.get("train");
    roles.requireIn(request.train().toString(), train.columnNames());
    Map<String, DatasetProfile> others = new LinkedHashMap<>(profiles);
    others.remove("train");
    DataFacts.Result data = DataFacts.build(train, others, roles);
    List<Object> facts = new ArrayList<>(data.facts());
    profiles.forEach((role, profile) -> facts.addAll(ColumnDomains.facts(profile, role)));
    facts.addAll(correlations(request.train(), request.types(), roles, train));
    ModelAudit.Outcome model = request.model() == null ? null : ModelAudit.run(request, log);
    if (model != null) {
      facts.addAll(model.facts());
    }
    QuestionCatalog questions = QuestionCatalog.load(request.questions());
    Answers answers = request.answers() == null ? Answers.none(questions) : Answers.read(request.answers(), questions);
    facts.addAll(answers.facts());
    Judgement judgement = rules.evaluate(facts, request.thresholds(), r -> true);
    ReadinessReport readiness = Readiness.report(judgement, answers);

    Map<String, List<ColumnComparisonFact>> comparisons = new LinkedHashMap<>();
    List<SchemaChangeFact> changes = new ArrayList<>();
    for (Map.Entry<String, ProfileComparison.Result> e : data.comparisons().entrySet()) {
      comparisons.put(e.getKey(), e.getValue().columns());
      changes.addAll(e.getValue().schemaChanges());
    }
    Map<String, Double> thresholds = new TreeMap<>(rules.thresholds());
    thresholds.putAll(request.thresholds());
    Map<String, String> inputs = new LinkedHashMap<>();
    files.forEach((role, path) -> inputs.put(role, path.toString()));
    inputs.put("label", roles.label());
    inputs.put("time", roles.time());
    inputs.put("group", roles.group());
    if (model != null) {
      inputs.put("model", model.model().type() + (model.model().seed() == null ? ", unseeded" : ", seed " + model.model().seed()));
    }
    return new AuditResult("ProdML Lab", version,
        judgement.hasCritical() ? Verdict.NOT_READY : Verdict.READY, inputs, judgement.findings(), profiles,
        comparisons, changes, thresholds, rules.rules(), rules.version(), readiness.mlTestScore(),
        readiness.unanswered(), readiness.answers(), model == null ? null : model.model(), model == null ? null : model.evaluation(),
        model == null ? null : model.serving(), model == null ? null : model.monitoring(),
        model == null ? List.of() : model.deployment());
  }

  /** Files up to this size are also loaded whole, to measure pairwise feature correlations. */
  static final long CORRELATION_MAX_BYTES = 64L << 20;

  /**
   * Pairwise correlations of the training features (copies of each other break together): they
   * need the rows, so only files small enough to load are measured.
   */
  private static List<FeatureCorrelationFact> correlations(
      Path train, Map<String, ValueType> types, ColumnRoles roles, DatasetProfile profile) {
    try {
      if (Files.size(train) > CORRELATION_MAX_BYTES) {
        return List.of();
      }
    } catch (java.io.IOException e) {
      return List.of();
    }
    Table table = DataLoader.load(train, types);
    return FeatureCorrelations.of(table, profile.source(), roles.features(table.columnNames()));
  }

  private static ProfileOptions options(AuditRequest request, ColumnRoles roles) {
    return ProfileOptions.defaults()
        .withLabel(roles.label())
        .withTime(roles.time())
        .withGroup(roles.group())
        .withTypes(request.types());
  }
}
