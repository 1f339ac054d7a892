package org.prodml.transform;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/**
 * The declared transformations of a model's inputs, in order, before they are fitted: which raw
 * columns are features and what is done to them. Fitting it on the training table gives {@link
 * FittedTransforms}, the only object that turns any later table into model features.
 *
 * @param features the raw columns the model reads (label, time, group and id columns excluded)
 * @param steps the transforms, applied in order
 * @param scope whether stateful transforms are fitted once on training rows or on every batch
 */
public record TransformPlan(List<String> features, List<TransformSpec> steps, FitScope scope) {

  /**
   * Above this many distinct values a linear model gets hash buckets instead of one-hot columns.
   */
  static final int ONE_HOT_LIMIT = 30;

  public TransformPlan {
    features = List.copyOf(features);
    steps = List.copyOf(steps);
  }

  /**
   * The plan a model family needs, chosen from the data: missing numbers filled with the training
   * mean; for linear models numbers standardized and categories one-hot (hashed when there are
   * many); for trees categories as nominal codes. Date columns are left out (derive parts of them
   * with timepart).
   */
  public static TransformPlan auto(
      Table table, List<String> features, Encoding encoding, Placement placement, FitScope scope) {
    List<String> usable = new ArrayList<>();
    List<TransformSpec> steps = new ArrayList<>();
    for (String f : features) {
      Column<?> column = table.column(f);
      Frame.Kind kind = Frame.kindOf(column.type());
      if (kind == Frame.Kind.TIME) {
        continue;
      }
      usable.add(f);
      if (kind == Frame.Kind.NUMBER) {
        if (column.countMissing() > 0) {
          steps.add(TransformSpec.of(TransformKind.FILL_MISSING, f, placement, "with", "mean"));
        }
        if (encoding == Encoding.LINEAR) {
          steps.add(TransformSpec.of(TransformKind.STANDARDIZE, f, placement));
        }
      } else {
        steps.add(encode(f, column.countUnique(), encoding, placement));
      }
    }
    return new TransformPlan(usable, steps, scope);
  }

  private static TransformSpec encode(
      String column, int distinct, Encoding encoding, Placement placement) {
    if (encoding == Encoding.TREE) {
      return TransformSpec.of(TransformKind.INDEX, column, placement);
    }
    return distinct <= ONE_HOT_LIMIT
        ? TransformSpec.of(
            TransformKind.ONE_HOT, column, placement, "top", String.valueOf(ONE_HOT_LIMIT))
        : TransformSpec.of(TransformKind.HASH, column, placement, "buckets", "64");
  }

  /**
   * A plan from declared lines (one transform per line, '#' starts a comment), completed so a model
   * can use it: a text feature no line encodes gets the family's encoding, a numeric feature with
   * missing values and no fill gets the training mean. Nothing else is added: what a learner
   * declares is what runs.
   */
  public static TransformPlan parse(
      Table table,
      List<String> features,
      String text,
      Encoding encoding,
      Placement placement,
      FitScope scope) {
    List<TransformSpec> steps = new ArrayList<>();
    List<String> known = new ArrayList<>(table.columnNames());
    int lineNumber = 0;
    for (String raw : text.split("\n")) {
      lineNumber++;
      String line = raw.replaceFirst("(^|\\s)#.*$", "").strip();
      if (line.isEmpty()) {
        continue;
      }
      try {
        for (TransformSpec spec : TransformSpec.parseLine(line, known, placement)) {
          steps.add(spec);
          if (spec.derivedColumn() != null && !known.contains(spec.derivedColumn())) {
            known.add(spec.derivedColumn()); // later lines may transform it further
          }
        }
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("line " + lineNumber + ": " + e.getMessage());
      }
    }
    return complete(table, features, steps, encoding, placement, scope);
  }

  static TransformPlan complete(
      Table table,
      List<String> features,
      List<TransformSpec> declared,
      Encoding encoding,
      Placement placement,
      FitScope scope) {
    Set<String> encoded = new HashSet<>();
    Set<String> filled = new HashSet<>();
    for (TransformSpec s : declared) {
      switch (s.kind()) {
        case ONE_HOT, HASH, INDEX, BUCKETIZE -> encoded.add(s.columns().get(0));
        case FILL_MISSING -> filled.add(s.columns().get(0));
        default -> {}
      }
    }
    List<TransformSpec> steps = new ArrayList<>();
    List<TransformSpec> encodings = new ArrayList<>();
    Set<String> usable = new LinkedHashSet<>();
    for (String f : features) {
      Column<?> column = table.column(f);
      Frame.Kind kind = Frame.kindOf(column.type());
      if (kind == Frame.Kind.TIME) {
        continue;
      }
      usable.add(f);
      if (kind == Frame.Kind.NUMBER && column.countMissing() > 0 && !filled.contains(f)) {
        steps.add(TransformSpec.of(TransformKind.FILL_MISSING, f, placement, "with", "mean"));
      }
      if (kind == Frame.Kind.TEXT && !encoded.contains(f)) {
        encodings.add(encode(f, column.countUnique(), encoding, placement));
      }
    }
    // Fills first (later steps need values), then the declared steps, then the missing encodings.
    steps.addAll(declared);
    steps.addAll(encodings);
    Set<String> derived = derived(declared);
    for (TransformSpec s : declared) {
      if (s.kind() == TransformKind.TIME_PART || s.kind() == TransformKind.CROSS) {
        continue; // their inputs are read, not made features
      }
      s.columns().stream().filter(c -> !derived.contains(c)).forEach(usable::add);
    }
    return new TransformPlan(List.copyOf(usable), steps, scope);
  }

  /** The raw columns a table must have: the features and every column a step reads. */
  public List<String> inputColumns() {
    Set<String> inputs = new LinkedHashSet<>(features);
    Set<String> derived = derived(steps);
    for (TransformSpec s : steps) {
      s.columns().stream().filter(c -> !derived.contains(c)).forEach(inputs::add);
    }
    return List.copyOf(inputs);
  }

  /** Columns a step writes that a later step reads: made by the plan, not read from the data. */
  private static Set<String> derived(List<TransformSpec> steps) {
    Set<String> derived = new HashSet<>();
    for (TransformSpec s : steps) {
      if (s.derivedColumn() != null) {
        derived.add(s.derivedColumn());
      }
    }
    return derived;
  }

  /** Fits every stateful step on the table, in order (each step sees its predecessors' output). */
  public FittedTransforms fit(Table table, String tableName) {
    return FittedTransforms.fit(this, table, tableName);
  }

  /** The plan, one declared line per step. */
  public String describe() {
    return String.join("\n", steps.stream().map(TransformSpec::describe).toList());
  }
}
