package org.prodml.suggest;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Rules suggested from a reference dataset's profile, ready for a person to read and edit.
 *
 * @param dataset the dataset's name
 * @param source the file the reference profile was read from
 * @param drlPackage the DRL package of the rules ("rules.suggested.seattleweather")
 * @param idPrefix the id prefix ("SG")
 * @param rules each suggested rule
 * @param drl every rule in one DRL text (to read, or to load as one rule source)
 * @param cases every rule's cases, as a JSON array of cases files
 */
public record Suggestion(
    String dataset,
    String source,
    String drlPackage,
    String idPrefix,
    List<SuggestedRule> rules,
    String drl,
    String cases) {

  /**
   * The files to commit under a rules folder, one rule per file with its cases beside it, as the
   * rule catalog's lint requires: file name → text.
   */
  public Map<String, String> files() {
    Map<String, String> files = new LinkedHashMap<>();
    for (SuggestedRule r : rules) {
      files.put(r.fileName() + ".drl", r.drl());
      files.put(r.fileName() + ".cases.json", r.cases());
    }
    return files;
  }

  /** The entry that registers a folder of these rules in {@code rules/catalog.json}. */
  public String catalogEntry(String folder) {
    return "\""
        + folder
        + "\": {\"prefix\": \""
        + idPrefix
        + "\", \"package\": \""
        + drlPackage
        + "\", \"title\": \"Constraints suggested from "
        + dataset
        + "\"}";
  }
}
