package org.prodml.transform;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.prodml.facts.TransformFact;
import tech.tablesaw.api.Table;

/**
 * A transform plan fitted on one table: the only way any table, batch or single request becomes
 * model features. Fitted once on training rows, it is applied unchanged to test, serving and
 * monitoring data (the statistics travel with it, like Smile's fit → apply). Steps marked to refit
 * per batch recompute their statistics from whatever batch they see, which is how the course's
 * per-batch z-score mistake, and a serving team's re-implementation, are reproduced.
 */
public final class FittedTransforms {
  private final TransformPlan plan;
  private final List<FittedTransform> steps;
  private final boolean[] refitPerBatch;
  private final List<String> featureNames;
  private final Map<String, List<String>> nominal;
  private final Map<String, String> sourceOf;
  private final Map<String, Frame.Kind> inputKinds;
  private final String fittedOn;
  private final long fitRows;
  private final List<TransformFact> facts;

  private FittedTransforms(
      TransformPlan plan,
      List<FittedTransform> steps,
      boolean[] refitPerBatch,
      List<String> featureNames,
      Map<String, List<String>> nominal,
      Map<String, String> sourceOf,
      Map<String, Frame.Kind> inputKinds,
      String fittedOn,
      long fitRows,
      List<TransformFact> facts) {
    this.plan = plan;
    this.steps = List.copyOf(steps);
    this.refitPerBatch = refitPerBatch;
    this.featureNames = List.copyOf(featureNames);
    this.nominal = Collections.unmodifiableMap(new LinkedHashMap<>(nominal));
    this.sourceOf = Collections.unmodifiableMap(new LinkedHashMap<>(sourceOf));
    this.inputKinds = Collections.unmodifiableMap(new LinkedHashMap<>(inputKinds));
    this.fittedOn = fittedOn;
    this.fitRows = fitRows;
    this.facts = List.copyOf(facts);
  }

  static FittedTransforms fit(TransformPlan plan, Table table, String tableName) {
    List<String> inputs = plan.inputColumns();
    for (String c : inputs) {
      if (!table.columnNames().contains(c)) {
        throw new IllegalArgumentException(
            "no column '"
                + c
                + "' in "
                + tableName
                + "; it has "
                + String.join(", ", table.columnNames()));
      }
    }
    Frame frame = Frame.of(table, inputs);
    Map<String, Frame.Kind> kinds = new LinkedHashMap<>();
    for (String c : inputs) {
      kinds.put(c, Frame.kindOf(table.column(c).type()));
    }
    Map<String, Set<String>> sources = new LinkedHashMap<>();
    for (String c : inputs) {
      sources.put(c, new LinkedHashSet<>(Set.of(c)));
    }
    List<FittedTransform> fitted = new ArrayList<>();
    List<TransformFact> facts = new ArrayList<>();
    boolean[] refit = new boolean[plan.steps().size()];
    int i = 0;
    for (TransformSpec spec : plan.steps()) {
      FittedTransform step;
      double[] before =
          spec.columns().size() == 1 && !frame.isText(spec.columns().get(0))
              ? frame.numbers(spec.columns().get(0))
              : null;
      Set<String> stepSources = new LinkedHashSet<>();
      spec.columns().forEach(c -> stepSources.addAll(sources.getOrDefault(c, Set.of(c))));
      try {
        step = FittedTransform.fit(spec, frame);
        step.apply(frame);
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException(spec.describe() + ": " + e.getMessage());
      }
      for (String out : step.outputs()) {
        sources.put(out, stepSources);
      }
      fitted.add(step);
      refit[i++] = plan.scope() == FitScope.BATCH && spec.stateful();
      facts.add(fact(spec, step, frame, before, plan.scope(), tableName, table.rowCount()));
    }
    List<String> features = new ArrayList<>();
    Set<String> encoded = new java.util.HashSet<>();
    for (TransformSpec spec : plan.steps()) {
      if (spec.kind() == TransformKind.ONE_HOT || spec.kind() == TransformKind.HASH) {
        encoded.add(spec.columns().get(0));
      }
    }
    for (String c : frame.textColumns()) {
      if (plan.features().contains(c) && !encoded.contains(c)) {
        throw new IllegalArgumentException(
            "feature '"
                + c
                + "' is text and no transform encodes it; add 'onehot "
                + c
                + "', 'hash "
                + c
                + "' or 'index "
                + c
                + "'");
      }
    }
    features.addAll(frame.numericFeatures());
    Map<String, String> sourceOf = new LinkedHashMap<>();
    for (String f : features) {
      sourceOf.put(f, String.join("×", sources.getOrDefault(f, Set.of(f))));
    }
    Map<String, List<String>> nominal = new LinkedHashMap<>();
    frame
        .levels()
        .forEach(
            (c, levels) -> {
              if (features.contains(c)) {
                nominal.put(c, levels);
              }
            });
    if (features.isEmpty()) {
      throw new IllegalArgumentException("the plan leaves no numeric feature for a model to read");
    }
    return new FittedTransforms(
        plan,
        fitted,
        refit,
        features,
        nominal,
        sourceOf,
        kinds,
        tableName,
        table.rowCount(),
        facts);
  }

  private static TransformFact fact(
      TransformSpec spec,
      FittedTransform step,
      Frame frame,
      double[] before,
      FitScope scope,
      String tableName,
      long rows) {
    double min = Double.POSITIVE_INFINITY;
    double max = Double.NEGATIVE_INFINITY;
    long nonFinite = 0;
    for (String out : step.outputs()) {
      if (!frame.has(out) || frame.isText(out)) {
        continue;
      }
      double[] values = frame.numbers(out);
      for (int r = 0; r < values.length; r++) {
        double v = values[r];
        if (Double.isFinite(v)) {
          min = Math.min(min, v);
          max = Math.max(max, v);
        } else if (before != null
            && out.equals(spec.columns().get(0))
            && Double.isFinite(before[r])) {
          nonFinite++;
        }
      }
    }
    boolean any = min <= max;
    return new TransformFact(
        spec.kind().keyword(),
        spec.column(),
        step.outputs(),
        spec.stateful(),
        spec.stateful() ? scope.label() : "none",
        tableName,
        rows,
        spec.placement().label(),
        step.parameters(),
        any ? min : Double.NaN,
        any ? max : Double.NaN,
        nonFinite);
  }

  /** The features of every row of the table. */
  public FeatureMatrix apply(Table table) {
    return apply(Frame.of(table, inputColumns()));
  }

  /**
   * The features of the rows of a frame holding the raw input columns; the frame is not changed.
   * Steps that refit per batch fit on this frame first.
   */
  public FeatureMatrix apply(Frame raw) {
    Frame frame = raw.copy();
    for (int i = 0; i < steps.size(); i++) {
      FittedTransform step =
          refitPerBatch[i] ? FittedTransform.fit(steps.get(i).spec(), frame) : steps.get(i);
      step.apply(frame);
    }
    double[][] columns = new double[featureNames.size()][];
    List<String> absent = new ArrayList<>();
    for (int c = 0; c < featureNames.size(); c++) {
      String name = featureNames.get(c);
      if (frame.has(name) && !frame.isText(name)) {
        columns[c] = frame.numbers(name);
      } else {
        columns[c] = new double[frame.rows()];
        absent.add(name);
      }
    }
    return new FeatureMatrix(featureNames, columns, frame.rows(), nominal, absent);
  }

  /** The features of one row, as a request carrying that row's raw values would get them. */
  public double[] applyRow(Table table, int row) {
    return apply(Frame.ofRow(table, row, inputColumns())).row(0);
  }

  /**
   * A serving path written again on the serving side: it recomputes the statistics of every
   * materialized stateful transform from the serving batch it sees (say, the day's traffic) instead
   * of reusing the ones fitted on training rows. Transforms placed in the model travel with it and
   * are reused. Vocabularies built this way name other columns than the model was trained on; those
   * features arrive as zeros.
   */
  public FittedTransforms servingReimplementation(Table servingBatch) {
    Frame frame = Frame.of(servingBatch, inputColumns());
    List<FittedTransform> refitted = new ArrayList<>();
    for (FittedTransform step : steps) {
      TransformSpec s = step.spec();
      FittedTransform used =
          s.stateful() && s.placement() == Placement.MATERIALIZED
              ? FittedTransform.fit(s, frame)
              : step;
      used.apply(frame);
      refitted.add(used);
    }
    return new FittedTransforms(
        plan,
        refitted,
        refitPerBatch.clone(),
        featureNames,
        nominal,
        sourceOf,
        inputKinds,
        fittedOn,
        fitRows,
        facts);
  }

  /** Whether any step recomputes its statistics from each batch. */
  public boolean refitsPerBatch() {
    for (boolean b : refitPerBatch) {
      if (b) {
        return true;
      }
    }
    return false;
  }

  public TransformPlan plan() {
    return plan;
  }

  public FitScope scope() {
    return plan.scope();
  }

  public List<FittedTransform> steps() {
    return steps;
  }

  /** The raw columns a table must have. */
  public List<String> inputColumns() {
    return plan.inputColumns();
  }

  /** How each raw input column was held when fitted: number, text or time. */
  public Map<String, Frame.Kind> inputKinds() {
    return inputKinds;
  }

  /** The features the model reads, in order. */
  public List<String> featureNames() {
    return featureNames;
  }

  /** Nominal features and their levels. */
  public Map<String, List<String>> nominal() {
    return nominal;
  }

  /** The raw column (or "a×b" for a cross) a feature is computed from. */
  public String sourceOf(String feature) {
    return sourceOf.getOrDefault(feature, feature);
  }

  /** Raw sources in feature order, each once. */
  public List<String> sources() {
    return List.copyOf(new LinkedHashSet<>(sourceOf.values()));
  }

  public String fittedOn() {
    return fittedOn;
  }

  public long fitRows() {
    return fitRows;
  }

  /** "in-model", "materialized", or "mixed" when the stateful steps differ. */
  public String placement() {
    TreeSet<String> placements = new TreeSet<>();
    for (FittedTransform s : steps) {
      if (s.spec().stateful()) {
        placements.add(s.spec().placement().label());
      }
    }
    if (placements.isEmpty()) {
      return steps.isEmpty()
          ? Placement.MATERIALIZED.label()
          : steps.get(0).spec().placement().label();
    }
    return placements.size() == 1 ? placements.first() : "mixed";
  }

  /** One fact per step. */
  public List<TransformFact> facts() {
    return facts;
  }
}
