package org.prodml.rules;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The lint that keeps rule folders to the convention: one rule per file, named as its claim;
 * complete metadata; ids unique and carrying their folder's prefix ({@link RuleCatalog}); every
 * declared threshold read in the rule's conditions and every template placeholder filled by the
 * evidence; a cases file beside every rule, with a case that fires and one that stays quiet.
 * Running the cases is {@link RuleCases}' job; what a rule may do at all (imports, calls, actions)
 * is the compiler's {@link RuleSandbox}, so the lint reports its refusals as compile errors.
 *
 * <p>Problems read {@code file:line: message}, like compiler errors; an empty list means the
 * folders follow the convention.
 */
public final class RuleLint {
  private static final Pattern ID = Pattern.compile("@id\\s*\\(\\s*\"([^\"]*)\"");
  private static final Pattern THRESHOLD_USE =
      Pattern.compile("Threshold\\s*\\(\\s*name\\s*==\\s*\"([^\"]*)\"");
  private static final Pattern PLACEHOLDER = Pattern.compile("\\{(\\w+)(?::%)?}");
  private static final Pattern STRING_LITERAL = Pattern.compile("\"(\\w+)\"");
  private static final Pattern FILE_NAME = Pattern.compile("[A-Z][A-Za-z0-9]*\\.drl");

  // One lint run: ids and threshold defaults must agree across all the files it sees.
  private final List<String> problems = new ArrayList<>();
  private final Map<String, String> idOwner = new HashMap<>();
  private final Map<String, Double> thresholdDefaults = new HashMap<>();
  private final Map<String, String> thresholdOwner = new HashMap<>();

  /**
   * The course's note ids a rule's {@code @course} may name; empty when no course is beside the
   * rules.
   */
  private final java.util.Set<String> courseNotes = new java.util.TreeSet<>();

  private Path courseCatalog;

  private RuleLint() {}

  /**
   * Lints a whole rules folder: its catalog.json, every folder it lists (see {@link #lint(List)}),
   * that every sub-folder is listed, and that no rule file hides under {@code src/main/resources}
   * of the project the rules folder belongs to.
   */
  public static List<String> lint(Path rulesRoot) {
    RuleLint lint = new RuleLint();
    lint.lintRoot(rulesRoot);
    return lint.problems;
  }

  /**
   * Lints the rule folders; an empty list means they follow the convention. Each folder's
   * description comes from the catalog.json in its parent folder.
   */
  public static List<String> lint(List<Path> folders) {
    RuleLint lint = new RuleLint();
    lint.lintFolders(folders);
    return lint.problems;
  }

  private void lintRoot(Path rulesRoot) {
    Map<String, RuleCatalog.Folder> catalog;
    try {
      catalog = RuleCatalog.readCatalog(rulesRoot);
    } catch (RuleCompileException e) {
      problems.addAll(e.errors());
      return;
    }
    Path catalogFile = rulesRoot.resolve(RuleCatalog.CATALOG_FILE);
    List<Path> folders = new ArrayList<>();
    for (String name : catalog.keySet()) {
      Path folder = rulesRoot.resolve(name);
      if (!Files.isDirectory(folder)) {
        problems.add(
            catalogFile
                + ":0: folder \""
                + name
                + "\" is listed but "
                + folder
                + " does not exist");
      } else {
        folders.add(folder);
      }
    }
    try (Stream<Path> list = Files.list(rulesRoot)) {
      list.filter(Files::isDirectory)
          .sorted()
          .filter(d -> !catalog.containsKey(d.getFileName().toString()))
          .filter(
              d ->
                  !RuleFiles.below(d, RuleFiles.DRL_SUFFIX)
                      .isEmpty()) // other rule data (questionnaires) may live here
          .forEach(
              d ->
                  problems.add(
                      d
                          + ":0: folder holds rule files but is not listed in "
                          + catalogFile
                          + "; add {\"prefix\", \"package\", \"title\"} for it"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    Path home = rulesRoot.toAbsolutePath().normalize().getParent();
    if (home != null) {
      readCourseNotes(home.resolve("notebooks").resolve("course.yaml"));
      Path resources = home.resolve("src/main/resources");
      if (Files.isDirectory(resources)) {
        RuleFiles.below(resources, RuleFiles.DRL_SUFFIX)
            .forEach(
                p ->
                    problems.add(
                        p
                            + ":0: rule file on the classpath; rules are read at run time from "
                            + rulesRoot
                            + "/ on disk, never packaged"));
      }
    }
    lintFolders(folders);
  }

  /**
   * The course's note ids, which {@code @course} must name: the {@code id} of every {@code
   * <folder>/note.yaml} beside the course order file.
   */
  private void readCourseNotes(Path order) {
    Path notebooks = order.getParent();
    if (!Files.isRegularFile(order) || notebooks == null) {
      return;
    }
    courseCatalog = notebooks;
    var yaml =
        new com.fasterxml.jackson.databind.ObjectMapper(
            new com.fasterxml.jackson.dataformat.yaml.YAMLFactory());
    try (Stream<Path> folders = Files.list(notebooks)) {
      for (Path description :
          folders.map(f -> f.resolve("note.yaml")).filter(Files::isRegularFile).sorted().toList()) {
        var id = yaml.readTree(description.toFile()).path("id");
        if (id.isTextual()) {
          courseNotes.add(id.asText());
        }
      }
    } catch (IOException e) {
      problems.add(
          notebooks
              + ":0: cannot read the course's notes: "
              + e.getMessage().lines().findFirst().orElse(""));
    }
  }

  /**
   * {@code @course} names the course note that teaches what the rule judges, by its id, optionally
   * followed by " › " and the section: {@code PMLC07MON › Monitoring pipelines › Label leakage}.
   */
  private void lintCourse(String at, RuleMetadata m) {
    if (courseNotes.isEmpty()) {
      return;
    }
    String course = m.extra("course");
    String note = course == null ? "" : course.split(" › ", 2)[0].strip();
    if (!courseNotes.contains(note)) {
      problems.add(
          at
              + "@course must start with the id of the course note that teaches it (one of "
              + String.join(", ", courseNotes)
              + ", the notes of "
              + courseCatalog
              + "), e.g. @course(\"PMLC07MON › Monitoring pipelines\")"
              + (note.isEmpty() ? "; it has none" : "; '" + note + "' is not one"));
    }
  }

  private void lintFolders(List<Path> folders) {
    List<RuleSource> compiled = new ArrayList<>();
    boolean allCompiled = true;
    for (Path folder : folders) {
      if (!Files.isDirectory(folder)) {
        problems.add(folder + ":0: no such rules folder");
        continue;
      }
      RuleCatalog.Folder info = folderInfo(folder);
      List<Path> drls;
      try {
        drls = RuleFiles.find(List.of(folder));
      } catch (RuleCompileException e) {
        problems.addAll(e.errors());
        continue;
      }
      for (Path drl : drls) {
        RuleSource source = RuleSource.of(drl);
        boolean ok = lintFile(drl, source, info);
        if (ok) {
          compiled.add(source);
        }
        allCompiled &= ok;
        lintCases(drl, source);
      }
      for (Path cases : RuleCases.find(List.of(folder))) {
        if (!Files.isRegularFile(RuleCases.drlFor(cases))) {
          problems.add(
              cases
                  + ":0: cases file without a rule file "
                  + RuleCases.drlFor(cases).getFileName());
        }
      }
    }
    if (allCompiled && !compiled.isEmpty()) {
      try {
        // What an audit does, every file in one rule base, on both paths: compiled here (what an
        // edited file goes through) and loaded as a run loads it (precompiled where the build
        // compiled the same bytes). Both must read every rule alike.
        RuleBase loaded = RuleBase.compile(compiled);
        RuleBase atRunTime =
            loaded.compiledAtRunTime().size() == compiled.size()
                ? loaded // nothing precompiled: the same path twice
                : RuleCompiler.compileAtRunTime(compiled);
        if (!atRunTime.rules().equals(loaded.rules())) {
          Map<String, RuleMetadata> byName = new HashMap<>();
          atRunTime.rules().forEach(r -> byName.put(r.name(), r));
          for (RuleMetadata r : loaded.rules()) {
            if (!r.equals(byName.get(r.name()))) {
              problems.add(
                  r.origin()
                      + ": precompiled, rule \""
                      + r.name()
                      + "\" reads "
                      + r
                      + "; compiled at run time it reads "
                      + byName.get(r.name())
                      + " (rebuild: mvn package)");
            }
          }
        }
      } catch (RuleCompileException e) {
        problems.addAll(e.errors());
      }
    }
  }

  /** The catalog's description of the folder; null, with a problem, when the catalog lacks it. */
  private RuleCatalog.Folder folderInfo(Path folder) {
    RuleCatalog.Folder info;
    try {
      info = RuleCatalog.folderInfo(folder);
    } catch (RuleCompileException e) {
      problems.addAll(e.errors());
      info = null;
    }
    if (info == null) {
      Path root = folder.toAbsolutePath().normalize().getParent();
      problems.add(
          folder
              + ":0: folder not listed in "
              + (root == null ? RuleCatalog.CATALOG_FILE : root.resolve(RuleCatalog.CATALOG_FILE))
              + "; its id prefix and DRL package are unknown");
    }
    return info;
  }

  /** Lints one DRL file; true when it compiled. */
  private boolean lintFile(Path drl, RuleSource source, RuleCatalog.Folder info) {
    String text = source.text();
    String code = DrlText.codeOnly(text);
    if (!FILE_NAME.matcher(drl.getFileName().toString()).matches()) {
      problems.add(
          drl
              + ":0: file name should state the rule's claim in UpperCamelCase, e.g. MissingValuesAboveThreshold.drl");
    }
    if (info != null && !source.drlPackage().equals(info.drlPackage())) {
      problems.add(
          drl
              + ":"
              + DrlText.lineOf(code, "(?m)^\\s*package\\b")
              + ": package "
              + source.drlPackage()
              + " should be "
              + info.drlPackage()
              + " (catalog.json)");
    }
    List<String> ruleNames = DrlText.ruleNames(text, code);
    if (ruleNames.size() != 1) {
      problems.add(
          drl + ":0: declares " + ruleNames.size() + " rules; the convention is one rule per file");
    }
    RuleBase base;
    try {
      base = RuleBase.compile(List.of(source));
    } catch (RuleCompileException e) {
      problems.addAll(e.errors());
      return false;
    }
    DrlText.RuleParts parts = DrlText.parts(text, code);
    for (RuleMetadata m : base.rules()) {
      int line = source.lineOf(m.name());
      lintIdAndName(drl, line, m, info);
      lintThresholds(drl, line, m, code, parts.conditions());
      lintPlaceholders(drl + ":" + line + ": ", m, parts.actions());
      lintCourse(drl + ":" + line + ": ", m);
    }
    return true;
  }

  private void lintIdAndName(Path drl, int line, RuleMetadata m, RuleCatalog.Folder info) {
    String at = drl + ":" + line + ": ";
    String previous = idOwner.putIfAbsent(m.id(), drl + ":" + line);
    if (previous != null) {
      problems.add(at + "id " + m.id() + " is already used by " + previous);
    }
    if (info != null && !m.id().matches(Pattern.quote(info.prefix()) + "-\\d{3}")) {
      problems.add(
          at
              + "id "
              + m.id()
              + " should read "
              + info.prefix()
              + "-nnn (three digits) in folder "
              + info.name());
    }
    if (!m.name().startsWith(m.id() + " ") || m.name().length() <= m.id().length() + 1) {
      problems.add(
          at
              + "rule name \""
              + m.name()
              + "\" should be \""
              + m.id()
              + " <the claim as a sentence>\"");
    }
  }

  /**
   * Every declared threshold is read in the conditions and every one read is declared, with one
   * default per name across the run.
   */
  private void lintThresholds(Path drl, int line, RuleMetadata m, String code, String conditions) {
    int thresholdsLine = DrlText.lineOf(code, "@thresholds\\b");
    Set<String> used = new LinkedHashSet<>();
    Matcher tu = THRESHOLD_USE.matcher(conditions);
    while (tu.find()) {
      used.add(tu.group(1));
    }
    for (Map.Entry<String, Double> t : m.thresholds().entrySet()) {
      if (!used.contains(t.getKey())) {
        problems.add(
            drl
                + ":"
                + (thresholdsLine > 0 ? thresholdsLine : line)
                + ": threshold "
                + t.getKey()
                + " is declared but never read in the rule's conditions (Threshold(name == \""
                + t.getKey()
                + "\", ...))");
      }
      Double earlier = thresholdDefaults.putIfAbsent(t.getKey(), t.getValue());
      if (earlier != null && !earlier.equals(t.getValue())) {
        problems.add(
            drl
                + ":"
                + (thresholdsLine > 0 ? thresholdsLine : line)
                + ": threshold "
                + t.getKey()
                + " defaults to "
                + t.getValue()
                + " here but to "
                + earlier
                + " in "
                + thresholdOwner.get(t.getKey()));
      }
      thresholdOwner.putIfAbsent(t.getKey(), drl.toString());
    }
    for (String name : used) {
      if (!m.thresholds().containsKey(name)) {
        problems.add(
            drl
                + ":"
                + line
                + ": conditions read threshold "
                + name
                + " but @thresholds does not declare it (with its default)");
      }
    }
  }

  /** Each {@code {key}} of the explanation and remedy is a key the action's evidence can hold. */
  private void lintPlaceholders(String at, RuleMetadata m, String actions) {
    Set<String> keys = new LinkedHashSet<>();
    keys.add("subject");
    Matcher lit = STRING_LITERAL.matcher(actions);
    while (lit.find()) {
      keys.add(lit.group(1));
    }
    for (String[] template :
        new String[][] {{"explanation", m.explanation()}, {"remedy", m.remedy()}}) {
      Matcher ph = PLACEHOLDER.matcher(template[1]);
      while (ph.find()) {
        if (!keys.contains(ph.group(1))) {
          problems.add(
              at
                  + "@"
                  + template[0]
                  + " uses {"
                  + ph.group(1)
                  + "} but the action's Evidence has no such key");
        }
      }
    }
  }

  private void lintCases(Path drl, RuleSource source) {
    Path casesFile = RuleCases.casesFor(drl);
    if (!Files.isRegularFile(casesFile)) {
      problems.add(
          drl
              + ":0: no cases file "
              + casesFile.getFileName()
              + " beside it; every rule needs at least one case that fires and one that stays quiet");
      return;
    }
    RuleCases.CasesFile cases;
    try {
      cases = RuleCases.read(casesFile);
    } catch (RuleCases.CasesFormatException e) {
      problems.add(e.getMessage());
      return;
    }
    // Read from the text, not compiled: the cases are checked even when the rule does not compile.
    Matcher id = ID.matcher(source.text());
    List<String> ids = new ArrayList<>();
    while (id.find()) {
      ids.add(id.group(1));
    }
    if (!ids.contains(cases.rule())) {
      problems.add(
          casesFile
              + ":0: cases are for rule "
              + cases.rule()
              + " but "
              + drl.getFileName()
              + " declares "
              + (ids.isEmpty() ? "no @id" : String.join(", ", ids)));
    }
    boolean fire = cases.cases().stream().anyMatch(RuleCases.Case::expectsFire);
    boolean quiet = cases.cases().stream().anyMatch(c -> !c.expectsFire());
    if (!fire || !quiet) {
      problems.add(casesFile + ":0: needs at least one case that fires and one that stays quiet");
    }
  }
}
