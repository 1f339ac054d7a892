package org.prodml.rules;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The rules under a set of rule folders, listed with their metadata and thresholds. Folders are
 * described in {@code rules/catalog.json}, which gives each its id prefix, DRL package and title:
 *
 * <pre>
 * {"folders": {"data-validation": {"prefix": "DV", "package": "rules.datavalidation", "title": "Data validation"}}}
 * </pre>
 *
 * <p>{@link RuleLint} checks that the folders follow the convention.
 */
public final class RuleCatalog {
  public static final String CATALOG_FILE = "catalog.json";

  private static final ObjectMapper MAPPER =
      JsonMapper.builder()
          .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
          .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
          .build();

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
      String prefix,
      @com.fasterxml.jackson.annotation.JsonProperty("package") String drlPackage,
      String title) {}

  private record CatalogJson(Map<String, FolderJson> folders) {}

  /**
   * The folders {@code rulesRoot/catalog.json} describes, in file order.
   *
   * @throws RuleCompileException when the file is missing or malformed
   */
  public static Map<String, Folder> readCatalog(Path rulesRoot) {
    Path file = rulesRoot.resolve(CATALOG_FILE);
    if (!Files.isRegularFile(file)) {
      throw new RuleCompileException(
          file + ":0: no rule catalog (it lists each rule folder with its id prefix)");
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
    json.folders()
        .forEach(
            (name, f) -> {
              if (f == null || blank(f.prefix()) || blank(f.drlPackage()) || blank(f.title())) {
                throw new RuleCompileException(
                    file
                        + ":0: folder \""
                        + name
                        + "\" needs \"prefix\", \"package\" and \"title\"");
              }
              folders.put(name, new Folder(name, f.prefix(), f.drlPackage(), f.title()));
            });
    return folders;
  }

  /** The folders listed in {@code rulesRoot/catalog.json}, as paths, in catalog order. */
  public static List<Path> folders(Path rulesRoot) {
    return readCatalog(rulesRoot).keySet().stream().map(rulesRoot::resolve).toList();
  }

  /**
   * The catalog's description of a folder, from the catalog.json beside it; null when not listed.
   */
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
    return new Entry(
        m.id(),
        m.name(),
        file,
        source.lineOf(m.name()),
        folder,
        m.severity(),
        m.topic(),
        m.stage(),
        m.thresholds(),
        m.explanation(),
        m.remedy(),
        m.extra("course"));
  }

  /**
   * The lint of a whole rules folder, {@link RuleLint#lint(Path)}; kept here for existing callers.
   */
  public static List<String> lint(Path rulesRoot) {
    return RuleLint.lint(rulesRoot);
  }

  /** The lint of rule folders, {@link RuleLint#lint(List)}; kept here for existing callers. */
  public static List<String> lint(List<Path> folders) {
    return RuleLint.lint(folders);
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
