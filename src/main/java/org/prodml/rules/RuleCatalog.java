package org.prodml.rules;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The rules under a set of rule folders, listed with their metadata, and the lint that keeps them to
 * the convention: one rule per file, named as its claim; complete metadata; ids unique and carrying
 * their folder's prefix; imports from {@code org.prodml.facts} only; every declared threshold read in
 * the rule's conditions; a cases file beside every rule. Folders are described in
 * {@code rules/catalog.json}:
 *
 * <pre>{"folders": {"data-validation": {"prefix": "DV", "package": "rules.datavalidation", "title": "Data validation"}}}</pre>
 *
 * <p>Lint problems read {@code file:line: message}, like compiler errors.
 */
public final class RuleCatalog {
  public static final String CATALOG_FILE = "catalog.json";

  private static final ObjectMapper MAPPER =
      JsonMapper.builder().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();
  private static final Pattern IMPORT =
      Pattern.compile("^\\s*import\\s+(?:static\\s+|function\\s+)?([\\w.$*]+)\\s*;?\\s*$");
  private static final Pattern QUALIFIED_NAME = Pattern.compile("(?<![\\w$.])(?:[a-z_]\\w*\\.)+[A-Z]\\w*");
  private static final Pattern RULE = Pattern.compile("(?m)^\\s*rule\\s+\"([^\"]*)\"");
  private static final Pattern THRESHOLD_USE = Pattern.compile("Threshold\\s*\\(\\s*name\\s*==\\s*\"([^\"]*)\"");
  private static final Pattern PLACEHOLDER = Pattern.compile("\\{(\\w+)(?::%)?}");
  private static final Pattern STRING_LITERAL = Pattern.compile("\"(\\w+)\"");
  private static final Pattern FILE_NAME = Pattern.compile("[A-Z][A-Za-z0-9]*\\.drl");

  private RuleCatalog() {}

  /** One rule folder as {@code catalog.json} describes it. */
  public record Folder(String name, String prefix, String drlPackage, String title) {}

  /** One rule of the catalog: its metadata and where it lives. */
  public record Entry(
      String id,
      String name,
      Path file,
      int line,
      String folder,
      Severity severity,
      Topic topic,
      Stage stage,
      Map<String, Double> thresholds,
      String explanation,
      String remedy,
      String course) {

    /** The claim: the rule name without its leading id. */
    public String claim() {
      return name.startsWith(id + " ") ? name.substring(id.length() + 1) : name;
    }
  }

  private record FolderJson(
      String prefix, @com.fasterxml.jackson.annotation.JsonProperty("package") String drlPackage, String title) {}

  private record CatalogJson(Map<String, FolderJson> folders) {}

  /**
   * The folders {@code rulesRoot/catalog.json} describes, in file order.
   *
   * @throws RuleCompileException when the file is missing or malformed
   */
  public static Map<String, Folder> readCatalog(Path rulesRoot) {
    Path file = rulesRoot.resolve(CATALOG_FILE);
    if (!Files.isRegularFile(file)) {
      throw new RuleCompileException(file + ":0: no rule catalog (it lists each rule folder with its id prefix)");
    }
    CatalogJson json;
    try {
      json = MAPPER.readValue(Files.readString(file, StandardCharsets.UTF_8), CatalogJson.class);
    } catch (JsonProcessingException e) {
      int line = e.getLocation() == null ? 0 : Math.max(0, e.getLocation().getLineNr());
      throw new RuleCompileException(file + ":" + line + ": " + e.getOriginalMessage());
    } catch (IOException e) {
      throw new RuleCompileException(file + ":0: cannot read: " + e.getMessage());
    }
    if (json == null || json.folders() == null) {
      throw new RuleCompileException(file + ":0: lacks \"folders\"");
    }
    Map<String, Folder> folders = new LinkedHashMap<>();
    json.folders().forEach((name, f) -> {
      if (f == null || blank(f.prefix()) || blank(f.drlPackage()) || blank(f.title())) {
        throw new RuleCompileException(file + ":0: folder \"" + name + "\" needs \"prefix\", \"package\" and \"title\"");
      }
      folders.put(name, new Folder(name, f.prefix(), f.drlPackage(), f.title()));
    });
    return folders;
  }

  /** The folders listed in {@code rulesRoot/catalog.json}, as paths, in catalog order. */
  public static List<Path> folders(Path rulesRoot) {
    return readCatalog(rulesRoot).keySet().stream().map(rulesRoot::resolve).toList();
  }

  /** The catalog's description of a folder, from the catalog.json beside it; null when not listed. */
  static Folder folderInfo(Path folder) {
    Path root = folder.toAbsolutePath().normalize().getParent();
    if (root == null || !Files.isRegularFile(root.resolve(CATALOG_FILE))) {
      return null;
    }
    return readCatalog(root).get(folder.toAbsolutePath().normalize().getFileName().toString());
  }

  /**
   * Every rule under the folders, folder by folder in the order given, by id within a folder. Each
   * file is compiled alone.
   *
   * @throws RuleCompileException when a file does not compile or lacks metadata
   */
  public static List<Entry> list(List<Path> folders) {
    List<Entry> entries = new ArrayList<>();
    for (Path folder : folders) {
      List<Entry> inFolder = new ArrayList<>();
      String folderName = folder.toAbsolutePath().normalize().getFileName().toString();
      for (Path file : RuleFiles.find(List.of(folder))) {
        RuleSource source = RuleSource.of(file);
        for (RuleMetadata m : RuleBase.compile(List.of(source)).rules()) {
          inFolder.add(entry(m, file, folderName, source));
        }
      }
      inFolder.sort(java.util.Comparator.comparing(Entry::id));
      entries.addAll(inFolder);
    }
    return entries;
  }

  private static Entry entry(RuleMetadata m, Path file, String folder, RuleSource source) {
    return new Entry(m.id(), m.name(), file, source.lineOf(m.name()), folder, m.severity(), m.topic(),
        m.stage(), m.thresholds(), m.explanation(), m.remedy(), m.extra("course"));
  }

  /**
   * Lints a whole rules folder: its catalog.json, every folder it lists (see {@link #lint(List)}),
   * that every sub-folder is listed, and that no rule file hides under {@code src/main/resources}
   * of the project the rules folder belongs to.
   */
  public static List<String> lint(Path rulesRoot) {
    List<String> problems = new ArrayList<>();
    Map<String, Folder> catalog;
    try {
      catalog = readCatalog(rulesRoot);
    } catch (RuleCompileException e) {
      problems.addAll(e.errors());
      return problems;
    }
    Path catalogFile = rulesRoot.resolve(CATALOG_FILE);
    List<Path> folders = new ArrayList<>();
    for (String name : catalog.keySet()) {
      Path folder = rulesRoot.resolve(name);
      if (!Files.isDirectory(folder)) {
        problems.add(catalogFile + ":0: folder \"" + name + "\" is listed but " + folder + " does not exist");
      } else {
        folders.add(folder);
      }
    }
    try (Stream<Path> list = Files.list(rulesRoot)) {
      list.filter(Files::isDirectory)
          .sorted()
          .filter(d -> !catalog.containsKey(d.getFileName().toString()))
          .filter(d -> !RuleFiles.find(List.of(d)).isEmpty()) // other rule data (questionnaires) may live here
          .forEach(d -> problems.add(d + ":0: folder holds rule files but is not listed in " + catalogFile
              + "; add {\"prefix\", \"package\", \"title\"} for it"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    Path home = rulesRoot.toAbsolutePath().normalize().getParent();
    if (home != null) {
      Path resources = home.resolve("src/main/resources");
      if (Files.isDirectory(resources)) {
        RuleFiles.below(resources, RuleFiles.DRL_SUFFIX)
            .forEach(p -> problems.add(p + ":0: rule file on the classpath; rules are read at run time from "
                + rulesRoot + "/ on disk, never packaged"));
      }
    }
    problems.addAll(lint(folders));
    return problems;
  }

  /**
   * Lints the rule folders; an empty list means they follow the convention. Each folder's
   * description comes from the catalog.json in its parent folder.
   */
  public static List<String> lint(List<Path> folders) {
    List<String> problems = new ArrayList<>();
    Map<String, String> idOwner = new HashMap<>();
    Map<String, Double> thresholdDefaults = new HashMap<>();
    Map<String, String> thresholdOwner = new HashMap<>();
    List<RuleSource> compiled = new ArrayList<>();
    boolean allCompiled = true;
    for (Path folder : folders) {
      if (!Files.isDirectory(folder)) {
        problems.add(folder + ":0: no such rules folder");
        continue;
      }
      Folder info;
      try {
        info = folderInfo(folder);
      } catch (RuleCompileException e) {
        problems.addAll(e.errors());
        info = null;
      }
      if (info == null) {
        Path root = folder.toAbsolutePath().normalize().getParent();
        problems.add(folder + ":0: folder not listed in " + (root == null ? CATALOG_FILE : root.resolve(CATALOG_FILE))
            + "; its id prefix and DRL package are unknown");
      }
      List<Path> drls = RuleFiles.find(List.of(folder));
      for (Path drl : drls) {
        RuleSource source = RuleSource.of(drl);
        boolean ok = lintFile(drl, source, info, problems, idOwner, thresholdDefaults, thresholdOwner);
        if (ok) {
          compiled.add(source);
        }
        allCompiled &= ok;
        lintCases(drl, source, problems);
      }
      for (Path cases : RuleCases.find(List.of(folder))) {
        if (!Files.isRegularFile(RuleCases.drlFor(cases))) {
          problems.add(cases + ":0: cases file without a rule file " + RuleCases.drlFor(cases).getFileName());
        }
      }
    }
    if (allCompiled && compiled.size() > 1) {
      try {
        RuleBase.compile(compiled); // what an audit does: every file in one rule base
      } catch (RuleCompileException e) {
        problems.addAll(e.errors());
      }
    }
    return problems;
  }

  /** Lints one DRL file; true when it compiled. */
  private static boolean lintFile(
      Path drl, RuleSource source, Folder info, List<String> problems, Map<String, String> idOwner,
      Map<String, Double> thresholdDefaults, Map<String, String> thresholdOwner) {
    String text = source.text();
    String code = codeOnly(text);
    String fileName = drl.getFileName().toString();
    if (!FILE_NAME.matcher(fileName).matches()) {
      problems.add(drl + ":0: file name should state the rule's claim in UpperCamelCase, e.g. MissingValuesAboveThreshold.drl");
    }
    if (info != null && !source.drlPackage().equals(info.drlPackage())) {
      problems.add(drl + ":" + lineOfPattern(code, "(?m)^\\s*package\\b") + ": package " + source.drlPackage()
          + " should be " + info.drlPackage() + " (catalog.json)");
    }
    String[] codeLines = code.split("\n", -1);
    for (int i = 0; i < codeLines.length; i++) {
      String line = codeLines[i];
      Matcher imp = IMPORT.matcher(line);
      if (imp.matches()) {
        if (!imp.group(1).startsWith(RuleCases.FACTS_PACKAGE)) {
          problems.add(drl + ":" + (i + 1) + ": import " + imp.group(1) + " is outside org.prodml.facts; rules may use only fact classes");
        }
        continue;
      }
      if (line.strip().startsWith("package")) {
        continue;
      }
      Matcher q = QUALIFIED_NAME.matcher(line);
      while (q.find()) {
        if (!q.group().startsWith(RuleCases.FACTS_PACKAGE)) {
          problems.add(drl + ":" + (i + 1) + ": " + q.group() + " is outside org.prodml.facts; rules may use only fact classes");
        }
      }
    }
    List<String> ruleNames = new ArrayList<>();
    Matcher rm = RULE.matcher(code);
    while (rm.find()) {
      ruleNames.add(text.substring(rm.start(1), rm.end(1)));
    }
    if (ruleNames.size() != 1) {
      problems.add(drl + ":0: declares " + ruleNames.size() + " rules; the convention is one rule per file");
    }
    RuleBase base;
    try {
      base = RuleBase.compile(List.of(source));
    } catch (RuleCompileException e) {
      problems.addAll(e.errors());
      return false;
    }
    RuleParts parts = parts(text, code);
    for (RuleMetadata m : base.rules()) {
      int line = source.lineOf(m.name());
      String at = drl + ":" + line + ": ";
      String previous = idOwner.putIfAbsent(m.id(), drl + ":" + line);
      if (previous != null) {
        problems.add(at + "id " + m.id() + " is already used by " + previous);
      }
      if (info != null && !m.id().matches(Pattern.quote(info.prefix()) + "-\\d{3}")) {
        problems.add(at + "id " + m.id() + " should read " + info.prefix() + "-nnn (three digits) in folder "
            + info.name());
      }
      if (!m.name().startsWith(m.id() + " ") || m.name().length() <= m.id().length() + 1) {
        problems.add(at + "rule name \"" + m.name() + "\" should be \"" + m.id() + " <the claim as a sentence>\"");
      }
      int thresholdsLine = lineOfPattern(code, "@thresholds\\b");
      Set<String> used = new LinkedHashSet<>();
      Matcher tu = THRESHOLD_USE.matcher(parts.lhs());
      while (tu.find()) {
        used.add(tu.group(1));
      }
      for (Map.Entry<String, Double> t : m.thresholds().entrySet()) {
        if (!used.contains(t.getKey())) {
          problems.add(drl + ":" + (thresholdsLine > 0 ? thresholdsLine : line) + ": threshold " + t.getKey()
              + " is declared but never read in the rule's conditions (Threshold(name == \"" + t.getKey() + "\", ...))");
        }
        Double earlier = thresholdDefaults.putIfAbsent(t.getKey(), t.getValue());
        if (earlier != null && !earlier.equals(t.getValue())) {
          problems.add(drl + ":" + (thresholdsLine > 0 ? thresholdsLine : line) + ": threshold " + t.getKey()
              + " defaults to " + t.getValue() + " here but to " + earlier + " in " + thresholdOwner.get(t.getKey()));
        }
        thresholdOwner.putIfAbsent(t.getKey(), drl.toString());
      }
      for (String name : used) {
        if (!m.thresholds().containsKey(name)) {
          problems.add(at + "conditions read threshold " + name + " but @thresholds does not declare it (with its default)");
        }
      }
      Set<String> keys = new LinkedHashSet<>();
      keys.add("subject");
      Matcher lit = STRING_LITERAL.matcher(parts.rhs());
      while (lit.find()) {
        keys.add(lit.group(1));
      }
      for (String[] template : new String[][] {{"explanation", m.explanation()}, {"remedy", m.remedy()}}) {
        Matcher ph = PLACEHOLDER.matcher(template[1]);
        while (ph.find()) {
          if (!keys.contains(ph.group(1))) {
            problems.add(at + "@" + template[0] + " uses {" + ph.group(1) + "} but the action's Evidence has no such key");
          }
        }
      }
    }
    return true;
  }

  private static void lintCases(Path drl, RuleSource source, List<String> problems) {
    Path casesFile = RuleCases.casesFor(drl);
    if (!Files.isRegularFile(casesFile)) {
      problems.add(drl + ":0: no cases file " + casesFile.getFileName()
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
    Matcher id = Pattern.compile("@id\\s*\\(\\s*\"([^\"]*)\"").matcher(source.text());
    List<String> ids = new ArrayList<>();
    while (id.find()) {
      ids.add(id.group(1));
    }
    if (!ids.contains(cases.rule())) {
      problems.add(casesFile + ":0: cases are for rule " + cases.rule() + " but " + drl.getFileName() + " declares "
          + (ids.isEmpty() ? "no @id" : String.join(", ", ids)));
    }
    boolean fire = cases.cases().stream().anyMatch(RuleCases.Case::expectsFire);
    boolean quiet = cases.cases().stream().anyMatch(c -> !c.expectsFire());
    if (!fire || !quiet) {
      problems.add(casesFile + ":0: needs at least one case that fires and one that stays quiet");
    }
  }

  private record RuleParts(String lhs, String rhs) {}

  /** The conditions and the action of the file's rules (all rules' parts, concatenated). */
  private static RuleParts parts(String text, String code) {
    StringBuilder lhs = new StringBuilder();
    StringBuilder rhs = new StringBuilder();
    Matcher when = Pattern.compile("\\bwhen\\b").matcher(code);
    int from = 0;
    while (when.find(from)) {
      Matcher then = Pattern.compile("\\bthen\\b").matcher(code);
      if (!then.find(when.end())) {
        break;
      }
      Matcher end = Pattern.compile("(?m)^\\s*end\\b").matcher(code);
      int endAt = end.find(then.end()) ? end.start() : code.length();
      lhs.append(text, when.end(), then.start()).append('\n');
      rhs.append(text, then.end(), endAt).append('\n');
      from = endAt;
    }
    return new RuleParts(lhs.toString(), rhs.toString());
  }

  /**
   * The text with string literals and comments blanked out (same length, same lines), so keywords
   * and names are found only in code.
   */
  static String codeOnly(String text) {
    char[] out = text.toCharArray();
    int i = 0;
    while (i < out.length) {
      char c = out[i];
      if (c == '"' || c == '\'') {
        int j = i + 1;
        while (j < out.length && out[j] != c && out[j] != '\n') {
          if (out[j] == '\\' && j + 1 < out.length) {
            out[j] = ' ';
            j++;
          }
          out[j] = ' ';
          j++;
        }
        i = j + 1;
      } else if (c == '/' && i + 1 < out.length && out[i + 1] == '/') {
        while (i < out.length && out[i] != '\n') {
          out[i++] = ' ';
        }
      } else if (c == '/' && i + 1 < out.length && out[i + 1] == '*') {
        while (i < out.length && !(out[i] == '*' && i + 1 < out.length && out[i + 1] == '/')) {
          if (out[i] != '\n') {
            out[i] = ' ';
          }
          i++;
        }
        if (i < out.length) {
          out[i] = ' ';
          if (i + 1 < out.length) {
            out[i + 1] = ' ';
          }
          i += 2;
        }
      } else {
        i++;
      }
    }
    return new String(out);
  }

  private static int lineOfPattern(String code, String regex) {
    Matcher m = Pattern.compile(regex).matcher(code);
    if (!m.find()) {
      return 0;
    }
    int line = 1;
    for (int i = 0; i < m.start(); i++) {
      if (code.charAt(i) == '\n') {
        line++;
      }
    }
    return line;
  }

  private static boolean blank(String s) {
    return s == null || s.isBlank();
  }

  /** Thresholds of the entries by name, with their defaults (the first declaration wins). */
  public static Map<String, Double> thresholds(List<Entry> entries) {
    Map<String, Double> all = new TreeMap<>();
    entries.forEach(e -> e.thresholds().forEach(all::putIfAbsent));
    return all;
  }
}
