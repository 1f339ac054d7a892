package org.prodml.rules;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.drools.compiler.kie.builder.impl.InternalKieModule;
import org.kie.api.KieServices;
import org.kie.api.builder.KieBuilder;
import org.kie.api.builder.KieFileSystem;
import org.kie.api.builder.Message;
import org.kie.api.builder.ReleaseId;

/**
 * Build step: precompiles the shipped rule catalog so that a run loads it instead of compiling it.
 *
 * <ol>
 *   <li>Checks every DRL file with the run-time compiler, the one an edited file or a notebook
 *       paragraph goes through, so whatever a run refuses the build refuses too (errors read {@code
 *       file:line: message}).
 *   <li>Generates Drools' executable model for the files (Java sources for each rule's patterns,
 *       constraints and actions, compiled in memory) and writes its classes into the class folder.
 *       A file the executable model cannot express stays on the run-time path: the build names it
 *       and why, and a run compiles it.
 *   <li>Loads the generated rules as a run would and checks that every rule's metadata equals the
 *       run-time compiler's, and that every worked case ({@link RuleCases}) makes the same findings
 *       on both; a file whose cases come out otherwise stays on the run-time path.
 *   <li>Writes the index ({@link PrecompiledRules#INDEX}): each file's SHA-256 and rules.
 * </ol>
 *
 * Nothing is done when the DRL files, the fact classes and the Drools version are those of the last
 * precompile. Needs {@code drools-model-codegen} on the class path, which only the build's
 * precompile step has: {@code java org.prodml.rules.RulePrecompiler RULES_DIR CLASSES_DIR
 * DROOLS_VERSION}.
 */
public final class RulePrecompiler {
  /** Drools' executable-model project type, from the build-only generator. */
  private static final String EXECUTABLE_MODEL = "org.drools.model.codegen.ExecutableModelProject";

  private static final String RESOURCES = "src/main/resources/";

  /** A generated class's path: its DRL package, or a lambda sub-package {@code P3A} of it. */
  private static final Pattern GENERATED =
      Pattern.compile("src/main/(?:java|resources)/(.+?)(?:/P[0-9A-F]{2})?/[^/]+$");

  /** Bumped when the generated output or the index changes shape, so old output is replaced. */
  private static final String FORMAT = "1";

  private RulePrecompiler() {}

  public static void main(String[] args) {
    if (args.length != 3) {
      System.err.println("usage: RulePrecompiler RULES_DIR CLASSES_DIR DROOLS_VERSION");
      System.exit(2);
    }
    // Drools builds rules in parallel above this many; its parallel generator races (a
    // ConcurrentModificationException, or a binding reported unknown), so build them in order.
    System.setProperty("drools.parallelRulesBuildThreshold", String.valueOf(Integer.MAX_VALUE));
    try {
      String summary = precompile(Path.of(args[0]), Path.of(args[1]), args[2]);
      // A file left to the run-time compiler is a warning, which even a quiet build shows.
      (summary.contains("\n") ? System.err : System.out).println("[prodml] " + summary);
      System.exit(0);
    } catch (RuleCompileException e) {
      System.err.println("[prodml] the shipped rules do not compile:");
      e.errors().forEach(line -> System.err.println("  " + line));
      System.exit(1);
    }
  }

  /**
   * Precompiles the DRL files below the rules folder into the class folder; returns what it did.
   *
   * @throws RuleCompileException when a file does not compile at run time, or a precompiled rule's
   *     metadata differs from the run-time compiler's
   */
  static String precompile(Path rulesRoot, Path classes, String droolsVersion) {
    long start = System.nanoTime();
    List<Path> files = RuleFiles.find(List.of(rulesRoot));
    Map<RuleSource, String> paths = new LinkedHashMap<>();
    for (Path file : files) {
      paths.put(RuleSource.of(file), rulesRoot.relativize(file).toString().replace('\\', '/'));
    }
    List<RuleSource> sources = List.copyOf(paths.keySet());
    String stamp = stamp(paths, classes, droolsVersion);
    Path index = classes.resolve(PrecompiledRules.INDEX);
    PrecompiledRules previous = readIndex(index);
    if (previous.stamp().equals(stamp)) {
      return "rules precompiled: up to date (" + sources.size() + " files)";
    }

    RuleBase atRunTime = RuleCompiler.compileAtRunTime(sources);

    Map<RuleSource, String> notPrecompiled = new LinkedHashMap<>();
    InternalKieModule module = generate(sources, notPrecompiled);
    List<RuleSource> precompiled =
        sources.stream().filter(s -> !notPrecompiled.containsKey(s)).toList();

    Map<String, String> models = modelClasses(module);
    for (String drlPackage : union(previous.packages(), models.keySet())) {
      deleteGenerated(classes, drlPackage);
    }
    writeClasses(module, models.keySet(), classes);

    Map<String, PrecompiledRules.Entry> entries = new LinkedHashMap<>();
    for (RuleSource source : precompiled) {
      entries.put(
          source.digest(),
          new PrecompiledRules.Entry(
              source.digest(),
              paths.get(source),
              source.drlPackage(),
              RuleMetadataReader.ruleNames(source)));
    }
    RuleBase loaded =
        RuleCompiler.compileWith(sources, new PrecompiledRules(entries, models, stamp));
    checkSameMetadata(atRunTime, loaded);
    // The worked cases of every rule, on both paths: where the executable model judges a case
    // otherwise than the run-time compiler, that file stays on the run-time path.
    for (RuleSource source : precompiled) {
      String disagreement = disagreement(source, atRunTime, loaded);
      if (disagreement != null) {
        notPrecompiled.put(source, disagreement);
        entries.remove(source.digest());
      }
    }
    PrecompiledRules catalog = new PrecompiledRules(entries, models, stamp);

    List<String> left = new ArrayList<>();
    notPrecompiled.forEach(
        (source, reason) -> left.add(source.digest() + "\t" + paths.get(source) + "\t" + reason));
    try {
      Files.createDirectories(index.getParent());
      Files.writeString(index, catalog.index(left), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    StringBuilder summary =
        new StringBuilder(
            String.format(
                "rules precompiled: %d of %d files (%d rules in %d packages) in %.1f s",
                entries.size(),
                sources.size(),
                entries.values().stream().mapToInt(e -> e.ruleNames().size()).sum(),
                models.size(),
                (System.nanoTime() - start) / 1e9));
    notPrecompiled.forEach(
        (source, reason) ->
            summary
                .append("\n[prodml] compiled at run time instead (the executable model cannot")
                .append(" express it): ")
                .append(source.origin())
                .append(": ")
                .append(reason));
    return summary.toString();
  }

  /**
   * The executable model of the sources. A source it cannot express is left out and put in {@code
   * left} with the first error: Drools reports errors in its generated Java, so each package with
   * an error is built file by file to find the files at fault.
   */
  private static InternalKieModule generate(
      List<RuleSource> sources, Map<RuleSource, String> left) {
    List<RuleSource> trying = new ArrayList<>(sources);
    for (int attempt = 0; attempt < 3; attempt++) {
      List<String> errors = new ArrayList<>();
      InternalKieModule module = build(trying, errors);
      if (module != null) {
        return module;
      }
      Set<String> failing = failingPackages(errors, trying);
      for (RuleSource source : List.copyOf(trying)) {
        if (!failing.contains(source.drlPackage())) {
          continue;
        }
        List<String> alone = new ArrayList<>();
        // After two attempts, a package that still fails as a whole stays at run time whole.
        if (attempt == 2 || build(List.of(source), alone) == null) {
          left.put(source, alone.isEmpty() ? first(errors) : first(alone));
          trying.remove(source);
        }
      }
    }
    List<String> errors = new ArrayList<>();
    InternalKieModule module = build(trying, errors);
    if (module == null) {
      throw new RuleCompileException(errors);
    }
    return module;
  }

  private static InternalKieModule build(List<RuleSource> sources, List<String> errors) {
    KieServices kie = KieServices.Factory.get();
    KieFileSystem files = kie.newKieFileSystem();
    ReleaseId release = kie.newReleaseId("org.prodml", "rules", "1");
    files.generateAndWritePomXML(release);
    int index = 0;
    for (RuleSource source : sources) {
      files.write(
          RESOURCES
              + source.drlPackage().replace('.', '/')
              + "/r"
              + (index++)
              + "_"
              + RuleCompiler.fileName(source.origin()),
          source.text());
    }
    KieBuilder builder = kie.newKieBuilder(files).buildAll(executableModel());
    List<Message> messages = builder.getResults().getMessages(Message.Level.ERROR);
    kie.getRepository().removeKieModule(release);
    if (!messages.isEmpty()) {
      for (Message m : messages) {
        errors.add(m.getPath() + ":" + m.getLine() + ": " + m.getText().strip());
      }
      return null;
    }
    return (InternalKieModule) builder.getKieModule();
  }

  @SuppressWarnings("unchecked")
  private static Class<? extends KieBuilder.ProjectType> executableModel() {
    try {
      return (Class<? extends KieBuilder.ProjectType>) Class.forName(EXECUTABLE_MODEL);
    } catch (ClassNotFoundException e) {
      throw new IllegalStateException(
          "drools-model-codegen is not on the class path: run this through the build (mvn package)",
          e);
    }
  }

  /** The packages whose generated code has an error; every package when one cannot be told. */
  private static Set<String> failingPackages(List<String> errors, List<RuleSource> sources) {
    Set<String> all = new LinkedHashSet<>();
    sources.forEach(s -> all.add(s.drlPackage()));
    Set<String> failing = new LinkedHashSet<>();
    for (String error : errors) {
      Matcher m = GENERATED.matcher(error.substring(0, Math.max(0, error.indexOf(':'))));
      String drlPackage = m.matches() ? m.group(1).replace('/', '.') : null;
      if (drlPackage == null || !all.contains(drlPackage)) {
        return all;
      }
      failing.add(drlPackage);
    }
    return failing;
  }

  private static String first(List<String> errors) {
    String text = errors.isEmpty() ? "no error reported" : errors.get(0);
    text = text.replaceAll("\\s*\\n\\s*", " ");
    return text.length() > 300 ? text.substring(0, 300) + "…" : text;
  }

  /** Each DRL package's generated model class, as the module's model list names them. */
  private static Map<String, String> modelClasses(InternalKieModule module) {
    Map<String, String> models = new TreeMap<>();
    for (String name : module.getFileNames()) {
      if (name.startsWith("META-INF/kie/") && name.endsWith("/drools-model")) {
        String list = new String(module.getBytes(name), StandardCharsets.UTF_8);
        for (String line : list.split("\n")) {
          String className = line.strip();
          if (!className.isEmpty() && !className.contains(":")) {
            models.put(className.substring(0, className.lastIndexOf('.')), className);
          }
        }
      }
    }
    return models;
  }

  /** Writes the generated classes of the packages (and their lambda sub-packages). */
  private static void writeClasses(InternalKieModule module, Set<String> packages, Path classes) {
    for (String name : module.getFileNames()) {
      if (!name.endsWith(".class")) {
        continue;
      }
      String dir = name.substring(0, Math.max(0, name.lastIndexOf('/')));
      String owner = dir.replaceAll("/P[0-9A-F]{2}$", "").replace('/', '.');
      if (!packages.contains(owner)) {
        continue; // Drools' own project class: a run builds its base from the models alone
      }
      Path target = classes.resolve(name);
      try {
        Files.createDirectories(target.getParent());
        Files.write(target, module.getBytes(name));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }

  /** Removes a package's generated classes; never a folder of this project's own code. */
  private static void deleteGenerated(Path classes, String drlPackage) {
    if (drlPackage.isBlank() || drlPackage.startsWith("org.prodml")) {
      throw new IllegalStateException("refusing to replace classes of package " + drlPackage);
    }
    Path dir = classes.resolve(drlPackage.replace('.', '/'));
    if (!Files.isDirectory(dir)) {
      return;
    }
    try (Stream<Path> walk = Files.walk(dir)) {
      for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
        if (Files.isRegularFile(p) && !p.toString().endsWith(".class")) {
          continue; // not ours
        }
        Files.deleteIfExists(p);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * How the source's worked cases come out otherwise on the two bases (the rule alone firing on
   * each), or null when they agree or the source has no readable cases (the lint reports those).
   */
  private static String disagreement(RuleSource source, RuleBase atRunTime, RuleBase loaded) {
    Path casesFile = RuleCases.casesFor(Path.of(source.origin()));
    if (!Files.isRegularFile(casesFile)) {
      return null;
    }
    RuleCases.CasesFile cases;
    try {
      cases = RuleCases.read(casesFile);
    } catch (RuleCases.CasesFormatException e) {
      return null;
    }
    for (RuleCases.Case c : cases.cases()) {
      RuleCases.Result compiled = RuleCases.run(atRunTime, cases.rule(), c, casesFile);
      RuleCases.Result precompiled = RuleCases.run(loaded, cases.rule(), c, casesFile);
      if (compiled.passed() != precompiled.passed()
          || !compiled.findings().equals(precompiled.findings())) {
        return "case \""
            + c.title()
            + "\" comes out otherwise precompiled: "
            + precompiled.message()
            + " "
            + precompiled.findings()
            + "; compiled at run time: "
            + compiled.message()
            + " "
            + compiled.findings();
      }
    }
    return null;
  }

  private static void checkSameMetadata(RuleBase atRunTime, RuleBase loaded) {
    List<String> problems = new ArrayList<>();
    Map<String, RuleMetadata> expected = new LinkedHashMap<>();
    atRunTime.rules().forEach(r -> expected.put(r.name(), r));
    for (RuleMetadata got : loaded.rules()) {
      RuleMetadata want = expected.remove(got.name());
      if (!got.equals(want)) {
        problems.add(
            got.origin() + ": precompiled rule reads " + got + " but the compiler reads " + want);
      }
    }
    expected.values().forEach(r -> problems.add(r.origin() + ": rule missing once precompiled"));
    if (!problems.isEmpty()) {
      throw new RuleCompileException(problems);
    }
  }

  private static PrecompiledRules readIndex(Path index) {
    if (!Files.isRegularFile(index)) {
      return PrecompiledRules.NONE;
    }
    try (var in = Files.newInputStream(index)) {
      return PrecompiledRules.read(in);
    } catch (IOException e) {
      return PrecompiledRules.NONE;
    }
  }

  /**
   * What the generated code depends on: every DRL file (path and bytes), the fact classes it reads
   * and the Drools version that generated it.
   */
  private static String stamp(Map<RuleSource, String> paths, Path classes, String droolsVersion) {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      sha.update((FORMAT + "\n" + droolsVersion + "\n").getBytes(StandardCharsets.UTF_8));
      paths.forEach(
          (source, path) ->
              sha.update((path + "\t" + source.digest() + "\n").getBytes(StandardCharsets.UTF_8)));
      Path facts = classes.resolve("org/prodml/facts");
      if (Files.isDirectory(facts)) {
        try (Stream<Path> walk = Files.walk(facts)) {
          for (Path p : walk.filter(Files::isRegularFile).sorted().toList()) {
            sha.update(p.getFileName().toString().getBytes(StandardCharsets.UTF_8));
            sha.update(Files.readAllBytes(p));
          }
        }
      }
      return HexFormat.of().formatHex(sha.digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Set<String> union(Set<String> a, Set<String> b) {
    Set<String> all = new LinkedHashSet<>(a);
    all.addAll(b);
    return all;
  }
}
