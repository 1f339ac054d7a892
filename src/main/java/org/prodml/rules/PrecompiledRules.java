package org.prodml.rules;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.drools.model.Model;
import org.drools.model.Rule;
import org.drools.model.impl.ModelImpl;

/**
 * The shipped rule catalog as the build compiled it: Drools' executable model (generated Java
 * classes in the jar, one model class per DRL package) and an index naming, for every DRL file it
 * was compiled from, the SHA-256 digest of the file's bytes and the rules it declares ({@link
 * RulePrecompiler} writes both).
 *
 * <p>A source whose digest the index lists is loaded from these classes instead of being parsed and
 * compiled; any other source (a file edited since the build, a file of another rules folder, a
 * notebook paragraph) is compiled at run time. Matching by content, not by path, is what keeps
 * rules data: an edit changes the digest, so the edited file is compiled from disk on the next run.
 * A model class is instantiated the first time one of its rules is needed.
 */
final class PrecompiledRules {
  /** Where the build puts the index, on the classpath. */
  static final String INDEX = "META-INF/prodml/precompiled-rules.tsv";

  /** A precompiled DRL file: its digest, its path below the rules folder, its package and rules. */
  record Entry(String digest, String path, String drlPackage, List<String> ruleNames) {}

  /** No precompiled rules: every source is compiled at run time. */
  static final PrecompiledRules NONE = new PrecompiledRules(Map.of(), Map.of(), "");

  /** The shipped catalog's index, read once per process (an empty one when the jar has none). */
  private static final class Shipped {
    static final PrecompiledRules INSTANCE = load();

    private static PrecompiledRules load() {
      ClassLoader loader = PrecompiledRules.class.getClassLoader();
      try (InputStream in = loader.getResourceAsStream(INDEX)) {
        return in == null ? NONE : read(in);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }

  private final Map<String, Entry> byDigest;
  private final Map<String, String> modelClassByPackage;
  private final String stamp;
  private final Map<String, Map<String, Rule>> rulesByPackage = new ConcurrentHashMap<>();

  PrecompiledRules(
      Map<String, Entry> byDigest, Map<String, String> modelClassByPackage, String stamp) {
    this.byDigest = byDigest;
    this.modelClassByPackage = modelClassByPackage;
    this.stamp = stamp;
  }

  static PrecompiledRules shipped() {
    return Shipped.INSTANCE;
  }

  /**
   * Reads an index: tab-separated lines {@code stamp <digest of everything compiled>}, {@code
   * package <drl package> <model class>} and {@code file <sha-256> <path> <drl package> <rule
   * name>...}; {@code #} starts a comment.
   */
  static PrecompiledRules read(InputStream in) throws IOException {
    Map<String, Entry> byDigest = new HashMap<>();
    Map<String, String> models = new HashMap<>();
    String stamp = "";
    BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
    for (String line = reader.readLine(); line != null; line = reader.readLine()) {
      if (line.isBlank() || line.startsWith("#")) {
        continue;
      }
      String[] f = line.split("\t");
      switch (f[0]) {
        case "stamp" -> stamp = f[1];
        case "package" -> models.put(f[1], f[2]);
        case "file" ->
            byDigest.put(f[1], new Entry(f[1], f[2], f[3], List.of(f).subList(4, f.length)));
        default -> {} // a line kept for people (e.g. "runtime": not precompiled, and why)
      }
    }
    return new PrecompiledRules(byDigest, models, stamp);
  }

  /**
   * The index as {@link #read} reads it, with a {@code runtime} line (digest, path, why) for each
   * file the build left to the run-time compiler.
   */
  String index(List<String> notPrecompiled) {
    StringBuilder out = new StringBuilder();
    out.append(
            "# The shipped rules, precompiled by org.prodml.rules.RulePrecompiler (mvn package).\n")
        .append("# A DRL file whose SHA-256 is listed loads from the model class of its package;\n")
        .append("# any other DRL is compiled at run time.\n");
    out.append("stamp\t").append(stamp).append('\n');
    new java.util.TreeMap<>(modelClassByPackage)
        .forEach((p, c) -> out.append("package\t").append(p).append('\t').append(c).append('\n'));
    byDigest.values().stream()
        .sorted(java.util.Comparator.comparing(Entry::path))
        .forEach(
            e ->
                out.append("file\t")
                    .append(e.digest())
                    .append('\t')
                    .append(e.path())
                    .append('\t')
                    .append(e.drlPackage())
                    .append('\t')
                    .append(String.join("\t", e.ruleNames()))
                    .append('\n'));
    notPrecompiled.forEach(line -> out.append("runtime\t").append(line).append('\n'));
    return out.toString();
  }

  /** The DRL packages that have a model class. */
  java.util.Set<String> packages() {
    return modelClassByPackage.keySet();
  }

  /** The digest of everything the build compiled; empty when nothing was precompiled. */
  String stamp() {
    return stamp;
  }

  /** Whether the index lists nothing (a build that skipped precompiling, or a test classpath). */
  boolean isEmpty() {
    return byDigest.isEmpty();
  }

  /** The precompiled file with the source's exact bytes, or null. */
  Entry find(RuleSource source) {
    return byDigest.isEmpty() ? null : byDigest.get(source.digest());
  }

  /** One model holding exactly the entries' rules, taken from their packages' model classes. */
  Model model(List<Entry> entries) {
    ModelImpl model = new ModelImpl();
    Map<String, List<Entry>> byPackage = new LinkedHashMap<>();
    entries.forEach(e -> byPackage.computeIfAbsent(e.drlPackage(), p -> new ArrayList<>()).add(e));
    byPackage.forEach(
        (drlPackage, ofPackage) -> {
          Map<String, Rule> rules = rulesOf(drlPackage);
          for (Entry entry : ofPackage) {
            for (String name : entry.ruleNames()) {
              Rule rule = rules.get(name);
              if (rule == null) {
                throw new IllegalStateException(
                    "precompiled rules are out of step with their index: "
                        + entry.path()
                        + " names rule \""
                        + name
                        + "\", which "
                        + modelClassByPackage.get(drlPackage)
                        + " lacks; rebuild (mvn package)");
              }
              model.addRule(rule);
            }
          }
        });
    return model;
  }

  /** The rules of a package's model class, by name (the class instantiated on first use). */
  private Map<String, Rule> rulesOf(String drlPackage) {
    return rulesByPackage.computeIfAbsent(
        drlPackage,
        p -> {
          String className = modelClassByPackage.get(p);
          if (className == null) {
            throw new IllegalStateException("no precompiled model for package " + p);
          }
          Model model;
          try {
            model =
                (Model)
                    Class.forName(className, true, PrecompiledRules.class.getClassLoader())
                        .getDeclaredConstructor()
                        .newInstance();
          } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot load precompiled rules " + className, e);
          }
          Map<String, Rule> byName = new HashMap<>();
          model.getRules().forEach(r -> byName.put(r.getName(), r));
          return byName;
        });
  }
}
