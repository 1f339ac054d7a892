package org.prodml.rules;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import org.drools.kiesession.rulebase.InternalKnowledgeBase;
import org.drools.modelcompiler.KieBaseBuilder;
import org.kie.api.KieBase;
import org.kie.api.io.ResourceType;
import org.kie.internal.builder.CompositeKnowledgeBuilder;
import org.kie.internal.builder.KnowledgeBuilder;
import org.kie.internal.builder.KnowledgeBuilderFactory;
import org.kie.internal.builder.KnowledgeBuilderResult;
import org.kie.internal.builder.ResultSeverity;
import org.kie.internal.io.ResourceFactory;

/**
 * Builds a {@link RuleBase} from DRL sources. Sources the shipped catalog holds precompiled (the
 * same bytes as a file the build checked with the {@link RuleSandbox} and compiled, {@link
 * PrecompiledRules}) are loaded from Drools' executable model; the rest (an edited file, another
 * rules folder, a notebook paragraph) go through the sandbox, which refuses anything but the
 * allowed subset, and are then compiled here with the classic DRL/mvel compiler into the same
 * Drools base, so a run pays only for what it changed. Errors name the DRL line ({@code
 * origin:line: message}). Each base is built on a background thread and cached by a digest of its
 * sources: once per rules version, not per run.
 */
final class RuleCompiler {

  static {
    // Rule actions only insert facts: MVEL runs them without compiling Java (no ECJ pass), which
    // cuts the cold compile of the catalog by about 40%. (A kmodule.xml setting would need
    // drools-xml-support.) A rule may still say `dialect "java"`.
    if (System.getProperty("drools.dialect.default") == null) {
      System.setProperty("drools.dialect.default", "mvel");
    }
  }

  private static final String RESOURCES = "src/main/resources/";
  private static final Map<String, RuleBase> CACHE =
      Collections.synchronizedMap(
          new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, RuleBase> eldest) {
              return size() > 32;
            }
          });

  /** Compiles in the background, one build per rules version at a time. */
  private static final ConcurrentHashMap<String, CompletableFuture<RuleBase>> BUILDING =
      new ConcurrentHashMap<>();

  private static final Executor COMPILER =
      task -> {
        Thread t = new Thread(task, "prodml-rule-compiler");
        t.setDaemon(true);
        t.start();
      };

  private RuleCompiler() {}

  /** See {@link RuleBase#compileAsync}. */
  static CompletableFuture<RuleBase> compileAsync(List<RuleSource> sources) {
    return compileAsync(sources, PrecompiledRules.shipped());
  }

  /**
   * Compiles every source at run time, ignoring the precompiled catalog: what the lint and the
   * cases test compare the precompiled rules with.
   */
  static RuleBase compileAtRunTime(List<RuleSource> sources) {
    return await(compileAsync(sources, PrecompiledRules.NONE));
  }

  /** Compiles with the given precompiled catalog (the build checks the one it just made). */
  static RuleBase compileWith(List<RuleSource> sources, PrecompiledRules catalog) {
    return await(compileAsync(sources, catalog));
  }

  private static CompletableFuture<RuleBase> compileAsync(
      List<RuleSource> sources, PrecompiledRules catalog) {
    String version = (catalog.isEmpty() ? "r" : catalog.stamp().substring(0, 8)) + digest(sources);
    RuleBase cached = CACHE.get(version);
    if (cached != null) {
      return CompletableFuture.completedFuture(cached);
    }
    CompletableFuture<RuleBase> created = new CompletableFuture<>();
    CompletableFuture<RuleBase> running = BUILDING.putIfAbsent(version, created);
    if (running != null) {
      return running;
    }
    COMPILER.execute(
        () -> {
          try {
            RuleBase built = build(sources, catalog, digest(sources));
            CACHE.put(version, built);
            created.complete(built);
          } catch (Throwable t) {
            created.completeExceptionally(t);
          } finally {
            BUILDING.remove(version, created);
          }
        });
    return created;
  }

  /** See {@link RuleBase#await}. */
  static RuleBase await(CompletableFuture<RuleBase> compiling) {
    try {
      return compiling.join();
    } catch (CompletionException e) {
      if (e.getCause() instanceof RuntimeException cause) {
        throw cause;
      }
      if (e.getCause() instanceof Error error) {
        throw error;
      }
      throw e;
    }
  }

  /**
   * Which sources load precompiled and which compile here. A source is precompiled when the catalog
   * holds its exact bytes, once: two sources with the same bytes, or a source declaring a rule that
   * a precompiled file of its package also declares, are all compiled here, so Drools reports the
   * duplicate rule as it would have without a catalog.
   */
  record Plan(List<PrecompiledRules.Entry> precompiled, List<RuleSource> atRunTime) {}

  static Plan plan(List<RuleSource> sources, PrecompiledRules catalog) {
    Map<String, Integer> copies = new HashMap<>();
    // By identity: a source's own hash would hash its whole text again.
    Map<RuleSource, PrecompiledRules.Entry> found = new IdentityHashMap<>();
    for (RuleSource source : sources) {
      PrecompiledRules.Entry entry = catalog.find(source);
      if (entry != null) {
        found.put(source, entry);
        copies.merge(entry.digest(), 1, Integer::sum);
      }
    }
    Set<String> compiledHere = new HashSet<>();
    for (RuleSource source : sources) {
      PrecompiledRules.Entry entry = found.get(source);
      if (entry == null || copies.get(entry.digest()) > 1) {
        RuleMetadataReader.ruleNames(source)
            .forEach(n -> compiledHere.add(source.drlPackage() + "." + n));
      }
    }
    List<PrecompiledRules.Entry> precompiled = new ArrayList<>();
    List<RuleSource> atRunTime = new ArrayList<>();
    for (RuleSource source : sources) {
      PrecompiledRules.Entry entry = found.get(source);
      boolean clash =
          entry != null
              && entry.ruleNames().stream()
                  .anyMatch(n -> compiledHere.contains(entry.drlPackage() + "." + n));
      if (entry == null || copies.get(entry.digest()) > 1 || clash) {
        atRunTime.add(source);
      } else {
        precompiled.add(entry);
      }
    }
    return new Plan(precompiled, atRunTime);
  }

  private static RuleBase build(
      List<RuleSource> sources, PrecompiledRules catalog, String version) {
    Plan plan = plan(sources, catalog);
    // Before Drools sees a line: compiling alone evaluates metadata values as code.
    RuleSandbox.check(plan.atRunTime());
    KieBase kieBase = kieBase(plan, catalog);
    List<RuleMetadata> rules = new ArrayList<>(RuleMetadataReader.read(kieBase, sources));
    // In Drools' rule order, before sorting: where two rules give a name different defaults (the
    // lint reports it), the last one Drools lists wins.
    Map<String, Double> thresholds = new TreeMap<>();
    rules.forEach(rule -> thresholds.putAll(rule.thresholds()));
    rules.sort(Comparator.comparing(RuleMetadata::id));
    List<String> compiledHere = plan.atRunTime().stream().map(RuleSource::origin).toList();
    return new RuleBase(kieBase, rules, thresholds, version, compiledHere);
  }

  /**
   * The precompiled rules as one Drools base, with the other sources compiled by the classic
   * compiler and added to it.
   *
   * @throws RuleCompileException naming each error as {@code origin:line: message}
   */
  private static KieBase kieBase(Plan plan, PrecompiledRules catalog) {
    InternalKnowledgeBase kieBase =
        KieBaseBuilder.createKieBaseFromModel(List.of(catalog.model(plan.precompiled())));
    if (plan.atRunTime().isEmpty()) {
      return kieBase;
    }
    KnowledgeBuilder builder = KnowledgeBuilderFactory.newKnowledgeBuilder(kieBase);
    CompositeKnowledgeBuilder batch = builder.batch();
    Map<String, RuleSource> byPath = new HashMap<>();
    int index = 0;
    for (RuleSource source : plan.atRunTime()) {
      // The path must match the DRL package, or Drools warns on every build.
      String path =
          RESOURCES
              + source.drlPackage().replace('.', '/')
              + "/r"
              + (index++)
              + "_"
              + fileName(source.origin());
      byPath.put(path, source);
      batch.add(
          ResourceFactory.newByteArrayResource(source.text().getBytes(StandardCharsets.UTF_8))
              .setSourcePath(path),
          ResourceType.DRL);
    }
    batch.build();
    List<String> lines = new ArrayList<>();
    for (KnowledgeBuilderResult error : builder.getResults(ResultSeverity.ERROR)) {
      RuleSource source =
          error.getResource() == null ? null : byPath.get(error.getResource().getSourcePath());
      String text = error.getMessage().strip().replaceAll("\\s*\\n\\s*", " ");
      if (text.startsWith("Parser returned a null Package")) {
        continue; // a consequence of the error already reported
      }
      int[] at = error.getLines();
      lines.add(
          (source == null ? "rules" : source.origin())
              + ":"
              + Math.max(at == null || at.length == 0 ? 0 : at[0], 0)
              + ": "
              + text);
    }
    if (builder.hasErrors()) {
      throw new RuleCompileException(
          lines.isEmpty() ? List.of("rules:0: DRL does not compile") : lines);
    }
    kieBase.addPackages(builder.getKnowledgePackages());
    return kieBase;
  }

  static String fileName(String origin) {
    String name = origin.replace('\\', '/');
    name = name.substring(name.lastIndexOf('/') + 1).replaceAll("[^A-Za-z0-9_.-]", "_");
    return name.endsWith(RuleFiles.DRL_SUFFIX) ? name : name + RuleFiles.DRL_SUFFIX;
  }

  private static String digest(List<RuleSource> sources) {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      for (RuleSource s : sources) {
        sha.update(s.origin().getBytes(StandardCharsets.UTF_8));
        sha.update((byte) 0);
        sha.update(s.text().getBytes(StandardCharsets.UTF_8));
        sha.update((byte) 0);
      }
      return HexFormat.of().formatHex(sha.digest()).substring(0, 16);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
