package org.prodml.data.scenario;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.prodml.data.DataInputException;

/**
 * What the audit of a precision-suite scenario must find, as {@code expectations.json} beside its
 * files: how to audit it (the command a user would type), each planted flaw with the rules that
 * find it, and the findings that are true of the real data (on a clean control, the warnings a
 * reviewer agrees with, each with why). The suite computes recall and false alarms from it.
 *
 * @param scenario the scenario's folder name
 * @param kind "control" (a clean, honest split: nothing planted, no finding may be CRITICAL, every
 *     warning explained), "planted" (flaws planted on purpose) or "real" (an honest split whose
 *     real data holds anomalies nobody planted: explained, counted neither for recall nor as a
 *     control)
 * @param heldOut true for a scenario kept out of sight while the rules were changed, to check them
 *     on data they were not tuned on
 * @param audit what to audit and how
 * @param planted the flaws planted on purpose (none in a control)
 * @param explained findings that are true of the real data, with the reason
 */
public record Expectations(
    String scenario,
    String kind,
    boolean heldOut,
    Audit audit,
    List<Planted> planted,
    List<Explained> explained) {

  public static final String FILE_NAME = "expectations.json";

  private static final ObjectMapper JSON =
      new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, true);

  public static final String CONTROL = "control";
  public static final String PLANTED = "planted";
  public static final String REAL = "real";

  public Expectations {
    planted = List.copyOf(planted);
    explained = List.copyOf(explained);
  }

  public boolean control() {
    return CONTROL.equals(kind);
  }

  public boolean planting() {
    return PLANTED.equals(kind);
  }

  /**
   * The audit to run, as {@code ./prodml audit} options: files relative to the scenario's folder
   * (test and serving may be null), the label, time and group columns (null when none), and the
   * model to train with its monitoring windows, the monitoring checks declared and who they alert
   * (null, and no checks, to audit the data alone).
   */
  public record Audit(
      String train,
      String test,
      String serving,
      String label,
      String time,
      String group,
      String model,
      String window,
      List<String> checks,
      String owner) {

    public Audit {
      checks = checks == null ? List.of() : List.copyOf(checks);
    }

    /** The command a user types in the scenario's folder. */
    public String command() {
      StringBuilder b = new StringBuilder("./prodml audit --train ").append(train);
      append(b, "--test", test);
      append(b, "--serving", serving);
      append(b, "--label", label);
      append(b, "--time", time);
      append(b, "--group", group);
      append(b, "--model", model);
      append(b, "--window", window);
      append(b, "--checks", checks.isEmpty() ? null : String.join(",", checks));
      append(b, "--owner", owner);
      return b.toString();
    }

    private static void append(StringBuilder b, String option, String value) {
      if (value != null) {
        b.append(' ').append(option).append(' ').append(value);
      }
    }
  }

  /**
   * A planted flaw: found when the audit raises a finding of one of {@code rules} whose subject is
   * one of {@code subjects} (any subject when the list is empty: a model or a dataset, whose names
   * vary). A rule written {@code "DV-014:result"} is only counted on that subject.
   *
   * @param flaw what is planted, in words
   * @param where which file and rows
   */
  public record Planted(String flaw, String where, List<String> rules, List<String> subjects) {
    public Planted {
      rules = List.copyOf(rules);
      subjects = List.copyOf(subjects);
    }

    public boolean foundBy(String rule, String subject) {
      for (String r : rules) {
        int colon = r.indexOf(':');
        if (colon > 0) {
          if (r.substring(0, colon).equals(rule) && r.substring(colon + 1).equals(subject)) {
            return true;
          }
        } else if (r.equals(rule) && (subjects.isEmpty() || subjects.contains(subject))) {
          return true;
        }
      }
      return false;
    }
  }

  /**
   * A finding that is true of the real data (not planted): rule, subject (null for any) and why.
   */
  public record Explained(String rule, String subject, String why) {
    public boolean explains(String rule, String subject) {
      return this.rule.equals(rule) && (this.subject == null || this.subject.equals(subject));
    }
  }

  public static Expectations read(Path file) {
    try {
      return JSON.readValue(file.toFile(), Expectations.class);
    } catch (IOException e) {
      throw new DataInputException(
          file.toString(),
          "not a valid " + FILE_NAME + ": " + e.getMessage().lines().findFirst().orElse(""));
    }
  }

  /** The file's text: keys in a fixed order, two-space indent, as the dataset.json files. */
  String json() {
    Map<String, Object> a = new LinkedHashMap<>();
    a.put("train", audit.train());
    a.put("test", audit.test());
    a.put("serving", audit.serving());
    a.put("label", audit.label());
    a.put("time", audit.time());
    a.put("group", audit.group());
    a.put("model", audit.model());
    a.put("window", audit.window());
    a.put("checks", audit.checks());
    a.put("owner", audit.owner());
    List<Object> plantedList = new ArrayList<>();
    for (Planted p : planted) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("flaw", p.flaw());
      m.put("where", p.where());
      m.put("rules", p.rules());
      m.put("subjects", p.subjects());
      plantedList.add(m);
    }
    List<Object> explainedList = new ArrayList<>();
    for (Explained e : explained) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("rule", e.rule());
      m.put("subject", e.subject());
      m.put("why", e.why());
      explainedList.add(m);
    }
    Map<String, Object> root = new LinkedHashMap<>();
    root.put("scenario", scenario);
    root.put("kind", kind);
    root.put("heldOut", heldOut);
    root.put("audit", a);
    root.put("planted", plantedList);
    root.put("explained", explainedList);
    return Json.write(root);
  }
}
