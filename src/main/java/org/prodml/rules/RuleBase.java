package org.prodml.rules;

import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Predicate;
import org.kie.api.KieBase;
import org.prodml.work.Work;

/**
 * Compiled rules: DRL read at run time (from {@code rules/} on disk or a notebook paragraph), with
 * each rule's metadata. A rule base is immutable and thread-safe; each {@link #evaluate} runs a
 * fresh, short-lived session. This is the face the rest of the code uses; the work is done by
 * {@link RuleCompiler} (DRL to Drools: the shipped files whose bytes the build precompiled are
 * loaded, the rest compiled, errors at the DRL line, cached per version), {@link
 * RuleMetadataReader} (each rule's metadata) and {@link RuleEvaluator} (facts to findings).
 */
public final class RuleBase {
  private final List<RuleMetadata> rules;
  private final Map<String, Double> thresholdDefaults;
  private final String version;
  private final RuleEvaluator evaluator;
  private final EvaluationLimits limits;
  private final Work work;
  private final List<String> compiledAtRunTime;

  /** Made by {@link RuleCompiler}, with the rules sorted by id. */
  RuleBase(
      KieBase kieBase,
      List<RuleMetadata> rules,
      Map<String, Double> thresholds,
      String version,
      List<String> compiledAtRunTime) {
    this.rules = List.copyOf(rules);
    this.thresholdDefaults = Collections.unmodifiableMap(thresholds);
    this.version = version;
    this.compiledAtRunTime = List.copyOf(compiledAtRunTime);
    this.evaluator = new RuleEvaluator(kieBase, this.rules, thresholdDefaults);
    this.limits = EvaluationLimits.DEFAULT;
    this.work = Work.NONE;
  }

  private RuleBase(RuleBase compiled, EvaluationLimits limits, Work work) {
    this.rules = compiled.rules;
    this.thresholdDefaults = compiled.thresholdDefaults;
    this.version = compiled.version;
    this.evaluator = compiled.evaluator;
    this.compiledAtRunTime = compiled.compiledAtRunTime;
    this.limits = limits;
    this.work = work;
  }

  /**
   * The same rules, whose every run is held to these limits and stops when the work is cancelled (a
   * compiled base runs with {@link EvaluationLimits#DEFAULT}, uncancellable).
   */
  public RuleBase limitedTo(EvaluationLimits limits, Work work) {
    return new RuleBase(this, limits, work);
  }

  /**
   * Compiles the sources, or returns the rule base already compiled from exactly these sources
   * (compiling is the slow part: once per rules version, not per run).
   *
   * @throws RuleCompileException naming each error as {@code file:line: message}
   */
  public static RuleBase compile(List<RuleSource> sources) {
    return await(compileAsync(sources));
  }

  /** Waits for a background compile; a compile error comes out as itself (file:line). */
  public static RuleBase await(CompletableFuture<RuleBase> compiling) {
    return RuleCompiler.await(compiling);
  }

  /**
   * Starts compiling the sources in the background (or returns the compiled or compiling base of
   * the same version), so a caller can do other work meanwhile: the audit profiles its files, a
   * notebook loads its data, while Drools builds the rules.
   */
  public static CompletableFuture<RuleBase> compileAsync(List<RuleSource> sources) {
    return RuleCompiler.compileAsync(sources);
  }

  /** Runs every rule over the facts. */
  public Judgement evaluate(Collection<?> facts) {
    return evaluate(facts, Map.of(), r -> true);
  }

  /**
   * Runs the rules the filter accepts over the facts, with threshold overrides, in a fresh session
   * held to this base's limits.
   *
   * @throws IllegalArgumentException when an override names a threshold no rule declares
   * @throws RuleRunException when the run passes a limit (it names the rule)
   * @throws java.util.concurrent.CancellationException when the work is cancelled
   */
  public Judgement evaluate(
      Collection<?> facts, Map<String, Double> overrides, Predicate<RuleMetadata> filter) {
    return evaluator.evaluate(facts, overrides, filter, limits, work);
  }

  /**
   * @throws IllegalArgumentException when an override names a threshold no rule declares, or its
   *     value does not fit it ({@link Thresholds})
   */
  public void checkThresholds(Map<String, Double> overrides) {
    evaluator.checkThresholds(overrides);
  }

  /** Every rule's metadata, sorted by id. */
  public List<RuleMetadata> rules() {
    return rules;
  }

  /** Declared threshold names and their defaults. */
  public Map<String, Double> thresholds() {
    return thresholdDefaults;
  }

  /**
   * The origins of the sources compiled at run time (the others were loaded precompiled): a file
   * edited since the build, another rules folder, a notebook paragraph.
   */
  public List<String> compiledAtRunTime() {
    return compiledAtRunTime;
  }

  /** A digest of the sources this base was compiled from. */
  public String version() {
    return version;
  }
}
