package org.prodml.readiness;

import java.util.List;
import org.prodml.rules.Finding;
import org.prodml.rules.Judgement;
import org.prodml.rules.Severity;
import org.prodml.text.Format;

/**
 * An audit's outcome: any CRITICAL finding makes the system not ready. Warnings and a low ML Test
 * Score do not change the verdict, but they are what the next incident is made of, so reports show
 * them beside it and {@link #explain} says so in words.
 */
public enum Verdict {
  READY,
  NOT_READY;

  public static Verdict of(Judgement judgement) {
    return judgement.hasCritical() ? NOT_READY : READY;
  }

  /**
   * What the verdict means, in a sentence or three: what made it (or would make it) NOT READY, and
   * why the warnings and the ML Test Score beside it still matter.
   */
  public static String explain(Judgement judgement, double mlTestScore) {
    return explain(judgement.findings(), mlTestScore);
  }

  /** The same, for an audit's findings. */
  public static String explain(List<Finding> findings, double mlTestScore) {
    List<String> critical =
        findings.stream().filter(Finding::isCritical).map(Finding::ruleId).distinct().toList();
    long warnings = findings.stream().filter(f -> f.severity() == Severity.WARNING).count();
    StringBuilder text = new StringBuilder();
    if (critical.isEmpty()) {
      text.append(
          "READY means no CRITICAL finding: only a CRITICAL finding (a flaw that breaks the model,"
              + " such as a leak, a failed gate or invalid inputs) makes the verdict NOT READY.");
    } else {
      text.append("NOT READY because of ")
          .append(critical.size() == 1 ? "the CRITICAL finding " : "the CRITICAL findings ")
          .append(String.join(", ", critical))
          .append(": each one alone is a reason not to ship until it is fixed.");
    }
    if (warnings > 0) {
      text.append(" The ")
          .append(warnings)
          .append(warnings == 1 ? " warning does" : " warnings do")
          .append(
              " not change the verdict but still matter: a warning is a problem that has not"
                  + " broken anything yet.");
    }
    if (!Double.isNaN(mlTestScore) && mlTestScore <= 2) {
      text.append(" An ML Test Score of ")
          .append(Format.number(mlTestScore))
          .append(
              " says few of the tests that would catch the next problem run at all, whatever the"
                  + " verdict.");
    }
    return text.toString();
  }
}
