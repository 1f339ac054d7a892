package org.prodml.rules;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.kie.api.KieBase;
import org.kie.api.KieServices;
import org.kie.api.builder.KieBuilder;
import org.kie.api.builder.KieFileSystem;
import org.kie.api.builder.Message;
import org.kie.api.builder.ReleaseId;
import org.kie.api.definition.KiePackage;
import org.kie.api.definition.rule.Rule;
import org.kie.api.event.rule.DefaultRuleRuntimeEventListener;
import org.kie.api.event.rule.ObjectInsertedEvent;
import org.kie.api.runtime.KieSession;
import org.prodml.facts.Evidence;
import org.prodml.facts.Threshold;

/**
 * Compiled rules: DRL read at run time (from {@code rules/} on disk or a notebook paragraph),
 * built with the classic DRL/mvel compiler, whose errors point at the DRL line. A rule base is
 * immutable and thread-safe; each {@link #evaluate} runs a fresh, short-lived session.
 */
public final class RuleBase {

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
  private static final AtomicLong BUILDS = new AtomicLong();
  private static final Map<String, RuleBase> CACHE =
      Collections.synchronizedMap(
          new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, RuleBase> eldest) {
              return size() > 32;
            }
          });

  private final KieBase kieBase;
  private final List<RuleMetadata> rules;
  private final Map<String, RuleMetadata> byName;
  private final Map<String, Double> thresholdDefaults;
  private final String version;

  private RuleBase(
      KieBase kieBase, List<RuleMetadata> rules, Map<String, Double> thresholds, String version) {
    this.kieBase = kieBase;
    this.rules = List.copyOf(rules);
    this.byName = new HashMap<>();
    rules.forEach(r -> byName.put(r.name(), r));
    this.thresholdDefaults = Collections.unmodifiableMap(thresholds);
    this.version = version;
  }

  /** Compiles in the background, one build per rules version at a time. */
  private static final java.util.concurrent.ConcurrentHashMap<String, CompletableFuture<RuleBase>> BUILDING =
      new java.util.concurrent.ConcurrentHashMap<>();
  private static final java.util.concurrent.Executor COMPILER = task -> {
    Thread t = new Thread(task, "prodml-rule-compiler");
    t.setDaemon(true);
    t.start();
  };

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
    try {
      return compiling.join();
    } catch (java.util.concurrent.CompletionException e) {
      if (e.getCause() instanceof RuntimeException cause) {
        throw cause;
      }
      throw e;
    }
  }

  /**
   * Starts compiling the sources in the background (or returns the compiled or compiling base of
   * the same version), so a caller can do other work meanwhile: the audit profiles its files, a
   * notebook loads its data, while Drools builds the rules.
   */
  public static CompletableFuture<RuleBase> compileAsync(List<RuleSource> sources) {
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
    COMPILER.execute(() -> {
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

  private static RuleBase build(List<RuleSource> sources, String version) {
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
          "src/main/resources/"
              + source.drlPackage().replace('.', '/')
              + "/r"
              + (index++)
              + "_"
              + fileName(source.origin());
      byPath.put(path, source);
      // Build messages name the resource path, without the src/main/resources/ prefix.
      byPath.put(path.substring("src/main/resources/".length()), source);
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
        lines.add((source == null ? "rules" : source.origin()) + ":" + Math.max(m.getLine(), 0)
            + ": " + text);
      }
      throw new RuleCompileException(lines.isEmpty() ? List.of("rules:0: DRL does not compile") : lines);
    }
    KieBase kieBase = kie.newKieContainer(releaseId).getKieBase();
    kie.getRepository().removeKieModule(releaseId);

    List<RuleMetadata> rules = new ArrayList<>();
    List<String> problems = new ArrayList<>();
    Map<String, Double> thresholds = new TreeMap<>();
    Map<String, RuleSource> sourceOfRule = sourcesByRuleName(sources);
    for (KiePackage kiePackage : kieBase.getKiePackages()) {
      for (Rule rule : kiePackage.getRules()) {
        RuleSource source = sourceOfRule.get(rule.getName());
        String origin = source == null ? "rules" : source.origin() + ":" + lineOf(source, rule.getName());
        RuleMetadata metadata = readMetadata(rule, origin, problems);
        if (metadata != null) {
          rules.add(metadata);
          thresholds.putAll(metadata.thresholds());
        }
      }
    }
    if (!problems.isEmpty()) {
      throw new RuleCompileException(problems);
    }
    rules.sort(Comparator.comparing(RuleMetadata::id));
    return new RuleBase(kieBase, rules, thresholds, version);
  }

  private static RuleMetadata readMetadata(Rule rule, String origin, List<String> problems) {
    Map<String, Object> raw = rule.getMetaData();
    Map<String, String> values = new LinkedHashMap<>();
    raw.forEach((k, v) -> values.put(k, v == null ? "" : String.valueOf(v).strip()));
    List<String> missing = new ArrayList<>();
    for (String key : RuleMetadata.REQUIRED) {
      if (values.getOrDefault(key, "").isBlank()) {
        missing.add("@" + key);
      }
    }
    if (!missing.isEmpty()) {
      problems.add(origin + ": rule \"" + rule.getName() + "\" lacks metadata " + String.join(", ", missing));
      return null;
    }
    Severity severity = parseEnum(Severity.class, values.get("severity"), origin, rule, problems);
    Topic topic = parseEnum(Topic.class, values.get("topic"), origin, rule, problems);
    Stage stage = parseEnum(Stage.class, values.get("stage"), origin, rule, problems);
    Map<String, Double> thresholds = parseThresholds(values.getOrDefault("thresholds", ""), origin, rule, problems);
    if (severity == null || topic == null || stage == null || thresholds == null) {
      return null;
    }
    Map<String, String> extra = new TreeMap<>(values);
    RuleMetadata.REQUIRED.forEach(extra::remove);
    extra.remove("thresholds");
    return new RuleMetadata(
        values.get("id"), rule.getName(), severity, topic, stage, values.get("explanation"),
        values.get("remedy"), thresholds, origin, extra);
  }

  private static <E extends Enum<E>> E parseEnum(
      Class<E> type, String value, String origin, Rule rule, List<String> problems) {
    try {
      return Enum.valueOf(type, value.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      problems.add(origin + ": rule \"" + rule.getName() + "\": unknown " + type.getSimpleName().toLowerCase(Locale.ROOT)
          + " \"" + value + "\"; use one of " + java.util.Arrays.toString(type.getEnumConstants()));
      return null;
    }
  }

  private static Map<String, Double> parseThresholds(
      String text, String origin, Rule rule, List<String> problems) {
    Map<String, Double> thresholds = new LinkedHashMap<>();
    if (text.isBlank()) {
      return thresholds;
    }
    for (String part : text.split("[,;]")) {
      String[] kv = part.split("=", 2);
      try {
        thresholds.put(kv[0].strip(), Double.parseDouble(kv[1].strip()));
      } catch (RuntimeException e) {
        problems.add(origin + ": rule \"" + rule.getName() + "\": @thresholds entry \"" + part.strip()
            + "\" is not name=number");
        return null;
      }
    }
    return thresholds;
  }

  /** Runs every rule over the facts. */
  public Judgement evaluate(Collection<?> facts) {
    return evaluate(facts, Map.of(), r -> true);
  }

  /**
   * Runs the rules the filter accepts over the facts, with threshold overrides, in a fresh session.
   *
   * @throws IllegalArgumentException when an override names a threshold no rule declares
   */
  public Judgement evaluate(
      Collection<?> facts, Map<String, Double> overrides, Predicate<RuleMetadata> filter) {
    checkThresholds(overrides);
    Set<Finding> findings = new LinkedHashSet<>();
    List<Object> derived = new ArrayList<>();
    Set<String> fired = new LinkedHashSet<>();
    KieSession session = kieBase.newKieSession();
    try {
      session.addEventListener(
          new DefaultRuleRuntimeEventListener() {
            @Override
            public void objectInserted(ObjectInsertedEvent event) {
              if (event.getRule() == null) {
                return;
              }
              RuleMetadata rule = byName.get(event.getRule().getName());
              fired.add(rule.id());
              if (event.getObject() instanceof Evidence evidence) {
                findings.add(toFinding(rule, evidence));
              } else {
                derived.add(event.getObject());
              }
            }
          });
      Map<String, Double> thresholds = new TreeMap<>(thresholdDefaults);
      thresholds.putAll(overrides);
      thresholds.forEach((name, value) -> session.insert(new Threshold(name, value)));
      for (Object fact : facts) {
        session.insert(fact);
      }
      session.fireAllRules(match -> filter.test(byName.get(match.getRule().getName())));
    } finally {
      session.dispose();
    }
    List<Finding> sorted = new ArrayList<>(findings);
    sorted.sort(
        Comparator.comparing(Finding::severity).reversed()
            .thenComparing(Finding::ruleId)
            .thenComparing(f -> String.valueOf(f.subject())));
    return new Judgement(sorted, derived, List.copyOf(fired));
  }

  /**
   * @throws IllegalArgumentException when an override names a threshold no rule declares
   */
  public void checkThresholds(Map<String, Double> overrides) {
    for (String name : overrides.keySet()) {
      if (!thresholdDefaults.containsKey(name)) {
        throw new IllegalArgumentException(
            "unknown threshold '" + name + "'; rules declare " + String.join(", ", thresholdDefaults.keySet()));
      }
    }
  }

  static Finding toFinding(RuleMetadata rule, Evidence evidence) {
    return new Finding(
        rule.id(), rule.severity(), rule.topic(), rule.stage(), evidence.subject(),
        Messages.fill(rule.explanation(), evidence), evidence.values(),
        Messages.fill(rule.remedy(), evidence));
  }

  /** Every rule's metadata, sorted by id. */
  public List<RuleMetadata> rules() {
    return rules;
  }

  /** Declared threshold names and their defaults. */
  public Map<String, Double> thresholds() {
    return thresholdDefaults;
  }

  /** A digest of the sources this base was compiled from. */
  public String version() {
    return version;
  }

  private static Map<String, RuleSource> sourcesByRuleName(List<RuleSource> sources) {
    Pattern rulePattern = Pattern.compile("(?m)^\\s*rule\\s+\"([^\"]+)\"");
    Map<String, RuleSource> result = new HashMap<>();
    for (RuleSource source : sources) {
      Matcher m = rulePattern.matcher(source.text());
      while (m.find()) {
        result.put(m.group(1), source);
      }
    }
    return result;
  }

  private static int lineOf(RuleSource source, String ruleName) {
    String[] lines = source.text().split("\n", -1);
    for (int i = 0; i < lines.length; i++) {
      if (lines[i].contains("\"" + ruleName + "\"") && lines[i].strip().startsWith("rule")) {
        return i + 1;
      }
    }
    return 0;
  }

  private static String fileName(String origin) {
    String name = origin.replace('\\', '/');
    name = name.substring(name.lastIndexOf('/') + 1).replaceAll("[^A-Za-z0-9_.-]", "_");
    return name.endsWith(".drl") ? name : name + ".drl";
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
