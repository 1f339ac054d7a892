package org.prodml.rules;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicLong;
import org.kie.api.KieBase;
import org.kie.api.KieServices;
import org.kie.api.builder.KieBuilder;
import org.kie.api.builder.KieFileSystem;
import org.kie.api.builder.Message;
import org.kie.api.builder.ReleaseId;

/**
 * Compiles DRL sources into a {@link RuleBase}: first the {@link RuleSandbox} refuses anything but
 * the allowed subset, then the classic DRL/mvel compiler builds it. Errors name the DRL line
 * ({@code origin:line: message}). Compiling is the slow part, so it runs on a background thread and
 * each base is cached by a digest of its sources: once per rules version, not per run.
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

  /** Drools' services, started on first build (in the compiler thread, not the caller's). */
  private static final class Kie {
    static final KieServices SERVICES = KieServices.Factory.get();
  }

  private static final String RESOURCES = "src/main/resources/";
  private static final AtomicLong BUILDS = new AtomicLong();
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
    String version = digest(sources);
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
            RuleBase built = build(sources, version);
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

  private static RuleBase build(List<RuleSource> sources, String version) {
    // Before Drools sees a line: compiling alone evaluates metadata values as code.
    RuleSandbox.check(sources);
    KieBase kieBase = kieBase(sources);
    List<RuleMetadata> rules = new ArrayList<>(RuleMetadataReader.read(kieBase, sources));
    // In Drools' rule order, before sorting: where two rules give a name different defaults (the
    // lint reports it), the last one Drools lists wins.
    Map<String, Double> thresholds = new TreeMap<>();
    rules.forEach(rule -> thresholds.putAll(rule.thresholds()));
    rules.sort(Comparator.comparing(RuleMetadata::id));
    return new RuleBase(kieBase, rules, thresholds, version);
  }

  /**
   * Builds the sources with Drools.
   *
   * @throws RuleCompileException naming each error as {@code origin:line: message}
   */
  private static KieBase kieBase(List<RuleSource> sources) {
    KieServices kie = Kie.SERVICES;
    KieFileSystem kfs = kie.newKieFileSystem();
    ReleaseId releaseId =
        kie.newReleaseId("org.prodml.rules", "r" + BUILDS.incrementAndGet(), "1.0.0");
    kfs.generateAndWritePomXML(releaseId);
    Map<String, RuleSource> byPath = new HashMap<>();
    int index = 0;
    for (RuleSource source : sources) {
      // The path must match the DRL package, or Drools warns on every build.
      String path =
          RESOURCES
              + source.drlPackage().replace('.', '/')
              + "/r"
              + (index++)
              + "_"
              + fileName(source.origin());
      byPath.put(path, source);
      // Build messages name the resource path, without the src/main/resources/ prefix.
      byPath.put(path.substring(RESOURCES.length()), source);
      kfs.write(path, source.text());
    }
    KieBuilder builder = kie.newKieBuilder(kfs).buildAll();
    List<Message> errors = builder.getResults().getMessages(Message.Level.ERROR);
    if (!errors.isEmpty()) {
      List<String> lines = new ArrayList<>();
      for (Message m : errors) {
        RuleSource source = byPath.get(m.getPath());
        String text = m.getText().strip().replaceAll("\\s*\\n\\s*", " ");
        if (text.startsWith("Parser returned a null Package")) {
          continue; // a consequence of the error already reported
        }
        lines.add(
            (source == null ? "rules" : source.origin())
                + ":"
                + Math.max(m.getLine(), 0)
                + ": "
                + text);
      }
      throw new RuleCompileException(
          lines.isEmpty() ? List.of("rules:0: DRL does not compile") : lines);
    }
    KieBase kieBase = kie.newKieContainer(releaseId).getKieBase();
    kie.getRepository().removeKieModule(releaseId);
    return kieBase;
  }

  private static String fileName(String origin) {
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
